"""Fuzz the reader and the validator with atheris (libFuzzer for Python).

Short run, as CI does it (a seed corpus of the examples and fixtures, copied so that the seeds
stay as they are):

    python fuzz/fuzz_validate.py -max_total_time=30 "$(mktemp -d)" examples tests/data/invalid

Longer run, to leave going (an hour, in parallel on both cores):

    python fuzz/fuzz_validate.py -max_total_time=3600 -jobs=2 -workers=2 fuzz/corpus examples tests/data

The property: whatever the bytes, `validate` returns a report and `loads` returns a plan or
raises superplan's own LoadError; nothing else escapes, and a valid plan writes back to text
that reads as the same plan. Any crash becomes a regression test in tests/test_hardening.py.
"""

import sys

import atheris

with atheris.instrument_imports():
    import superplan as sp
    from superplan.validation import validate


def test_one_input(data: bytes) -> None:
    report = validate(data)
    if not isinstance(report, sp.ValidationReport):
        raise AssertionError("validate returned something other than a report")
    try:
        plan = sp.loads(data)
    except sp.LoadError as error:
        if not error.problems:
            raise AssertionError("a LoadError with no problems") from error
        return
    if sp.loads(sp.dumps(plan)) != plan:
        raise AssertionError("a plan did not survive dumps and loads")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
