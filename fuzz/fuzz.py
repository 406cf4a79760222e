"""Fuzz superplan's entry points with atheris (libFuzzer for Python). See fuzz/README.md.

    python fuzz/fuzz.py TARGET [libFuzzer options] [corpus folders]

TARGET is one of the names in fuzz/targets.py, or ``all``: each input's first byte then picks
the entry point, so that one run covers them all (as CI's short run does).
"""

import sys

import atheris

with atheris.instrument_imports():
    from targets import TARGETS

    import superplan  # noqa: F401 - instrumented for coverage


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in (*TARGETS, "all"):
        sys.exit(f"usage: fuzz.py {{{','.join(TARGETS)},all}} [libFuzzer options] [corpus]")
    name = sys.argv.pop(1)
    if name == "all":
        targets = list(TARGETS.values())

        def one_input(data: bytes) -> None:
            if data:
                targets[data[0] % len(targets)](data[1:])

    else:
        one_input = TARGETS[name]
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
