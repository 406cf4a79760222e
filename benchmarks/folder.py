"""Validating a folder of many plans: is memory flat, and is time per file steady, as it grows?

Run: python benchmarks/folder.py [--small 1000] [--large 10000] [--rounds 3] [--jobs 1]

Writes ``--large`` synthetic plans (``superplan.testing.synthetic_plans``, 43 distinct plans written
round and round, each about 60 KB) into a temporary folder, and a folder of the first ``--small`` of
them beside it. Then, in rounds that alternate the two folders (so that both see the same load on a
shared machine), runs ``superplan validate FOLDER --jobs N`` in a subprocess and measures its wall
time and its peak resident memory (``ru_maxrss`` of the waited-for child, from ``os.wait4``).

Prints, from the fastest round of each: the time per file at each size and their ratio (target
<= 1.1x), and the peak memory at the large size (target <= 100 MB). The time per file leaves out
the start-up (the fastest run over a folder of one plan, timed in the same rounds), which would
otherwise flatter the larger folder.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import superplan as sp
from superplan.testing import synthetic_plans

TARGET_RATIO = 1.1
TARGET_MB = 100.0


def write_folder(folder: Path, texts: list[str], count: int) -> None:
    folder.mkdir()
    for index in range(count):
        (folder / f"plan-{index:05d}.json").write_text(texts[index % len(texts)], encoding="utf-8")


def run_once(folder: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of ``superplan validate FOLDER`` (and its workers)."""
    command = [sys.executable, "-m", "superplan.cli", "validate", str(folder), "--jobs", str(jobs)]
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        assert process.stderr is not None
        errors = process.stderr.read()
        process.stderr.close()
    if process.returncode not in (0, 1):
        raise SystemExit(f"superplan validate exited {process.returncode}: {errors.decode()}")
    # ru_maxrss is in KiB on Linux; for a pool it is the largest of the process and its workers
    # (the workers are its children, waited for before it exits).
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    print(f"superplan {sp.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    texts = [sp.dumps(plan) for plan in synthetic_plans(n_forces=43, seed=7)]
    root = Path(tempfile.mkdtemp(prefix="superplan-folder-"))
    try:
        one, small, large = root / "one", root / "small", root / "large"
        write_folder(one, texts, 1)
        write_folder(small, texts, args.small)
        write_folder(large, texts, args.large)
        size = sum(p.stat().st_size for p in large.iterdir()) / 1e6
        print(f"folders: {args.small} and {args.large} plans ({size:.0f} MB), --jobs {args.jobs}")
        best: dict[str, tuple[float, float]] = {}
        for round_ in range(args.rounds):
            sizes = (("one", one, 1), ("small", small, args.small), ("large", large, args.large))
            for name, folder, count in sizes:
                seconds, peak = run_once(folder, args.jobs)
                print(
                    f"  round {round_ + 1} {count:6d} files: {seconds:7.2f} s, peak {peak:6.1f} MB"
                )
                old = best.get(name)
                best[name] = (
                    min(seconds, old[0]) if old else seconds,
                    max(peak, old[1]) if old else peak,
                )
        start = best["one"][0]
        per_small = (best["small"][0] - start) / (args.small - 1) * 1000
        per_large = (best["large"][0] - start) / (args.large - 1) * 1000
        print(f"start-up and one plan: {start:.2f} s (left out of the time per file)")
        ratio = per_large / per_small
        peak = best["large"][1]
        print(
            f"time per file: {per_small:.2f} ms at {args.small}, {per_large:.2f} ms at {args.large}"
        )
        print(
            f"ratio {ratio:.2f}x (target <= {TARGET_RATIO}x): "
            + ("met" if ratio <= TARGET_RATIO else "NOT met")
        )
        print(
            f"peak memory at {args.large}: {peak:.1f} MB, at {args.small}: {best['small'][1]:.1f} MB "
            f"(target <= {TARGET_MB:.0f} MB): " + ("met" if peak <= TARGET_MB else "NOT met")
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
