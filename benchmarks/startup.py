"""How long the command line takes to start: ``--version``, ``--help`` and ``validate FILE``, cold.

Run: python benchmarks/startup.py [--runs 21]   (needs the bench extra: check-jsonschema)

Each command runs in a new process, the commands alternating round by round so that all see the same
load on a shared machine. Each is measured by the CPU time (user + system) of its process, from
``os.wait4``: on a busy machine wall time measures the other processes too. Medians are printed, and:

- ``superplan --version`` and ``superplan --help``: milliseconds above ``python -c pass``
  (target for ``--version``: <= 40 ms);
- ``superplan validate FILE`` against ``check-jsonschema --schemafile SCHEMA FILE`` on the same
  plan and the same published schema: the ratio (target <= 0.4x).

superplan is run as its console script runs it (``from superplan.cli import main``), from this
checkout, with its modules compiled first (as ``pip install`` does).
"""

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import superplan as sp
from superplan.testing import synthetic_plans

TARGET_VERSION_MS = 40.0
TARGET_RATIO = 0.4
#: What the console script ``superplan`` runs.
SCRIPT = "import sys; from superplan.cli import main; sys.exit(main())"
#: The design's dependencies, imported alone.
DEPENDENCIES = "import attrs, cattrs, pendulum, jsonschema_rs, orjson"
#: What ``superplan validate FILE`` imports of them (no cattrs or pendulum for a valid file), and
#: argparse.
NEEDED = "import argparse, attrs, jsonschema_rs, orjson"


def cpu_ms(command: list[str], environment: dict[str, str]) -> float:
    with open(os.devnull, "wb") as sink, tempfile.TemporaryFile() as said:
        process = subprocess.Popen(command, stdout=sink, stderr=said, env=environment)
        _, status, usage = os.wait4(process.pid, 0)
        said.seek(0)
        errors = said.read()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {code}: {errors.decode()}")
    return (usage.ru_utime + usage.ru_stime) * 1000


def medians(runs: int) -> dict[str, float]:
    """The median CPU time (ms) of each command, over ``runs`` interleaved rounds."""
    checker = shutil.which("check-jsonschema") or str(
        Path(sys.executable).with_name("check-jsonschema")
    )
    if not Path(checker).exists():
        print("this benchmark needs the bench extra: pip install -e '.[bench]'", file=sys.stderr)
        sys.exit(2)
    source = Path(sp.__file__).parent
    compileall.compile_dir(source, quiet=1)
    environment = {
        **os.environ,
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": os.pathsep.join([str(source.parent), os.environ.get("PYTHONPATH", "")]),
    }
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.json"
        plan.write_text(sp.dumps(synthetic_plans(n_forces=1, seed=1)[0]), encoding="utf-8")
        schema = Path(folder) / "action-plan.schema.json"
        schema.write_text(json.dumps(sp.schema("action-plan")), encoding="utf-8")
        python = sys.executable
        commands = {
            "python -c pass": [python, "-c", "pass"],
            "dependencies alone": [python, "-c", DEPENDENCIES],
            "those validate needs": [python, "-c", NEEDED],
            "superplan --version": [python, "-c", SCRIPT, "--version"],
            "superplan --help": [python, "-c", SCRIPT, "--help"],
            "superplan validate FILE": [python, "-c", SCRIPT, "validate", str(plan)],
            "check-jsonschema": [checker, "--schemafile", str(schema), str(plan)],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(cpu_ms(command, environment))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="runs of each command")
    args = parser.parse_args()
    print(f"superplan {sp.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    median = medians(args.runs)
    print(f"CPU time, median of {args.runs} runs each (interleaved):")
    for name, value in median.items():
        print(f"  {name:26s} {value:7.1f} ms")
    bare = median["python -c pass"]
    version = median["superplan --version"] - bare
    help_ = median["superplan --help"] - bare
    ratio = median["superplan validate FILE"] / median["check-jsonschema"]
    print(
        f"--version: {version:+.1f} ms above bare Python (target <= +{TARGET_VERSION_MS:.0f}): "
        + ("met" if version <= TARGET_VERSION_MS else "NOT met")
    )
    print(f"--help:    {help_:+.1f} ms above bare Python")
    print(
        f"validate FILE / check-jsonschema: {ratio:.2f}x (target <= {TARGET_RATIO}x): "
        + ("met" if ratio <= TARGET_RATIO else "NOT met")
    )
    floor = median["those validate needs"]
    print(
        f"(the design's dependencies alone: {median['dependencies alone'] - bare:+.1f} ms above "
        f"bare Python; those validate FILE imports, {NEEDED.removeprefix('import ')}: "
        f"{floor - bare:+.1f} ms, {floor / median['check-jsonschema']:.2f}x check-jsonschema; "
        f"superplan's own part of validate FILE: {median['superplan validate FILE'] - floor:+.1f} ms)"
    )


if __name__ == "__main__":
    main()
