"""The national roll-up of many plans: is time per plan steady, and memory bounded, as it grows?

Run: python benchmarks/summarise.py [--sizes 43 430 4300] [--rounds 3]

Writes synthetic plans (``superplan.testing.synthetic_plans``, 100 distinct plans written round and
round: each force's plan many times over, as later versions would be) into temporary folders of
each size, and a folder of one. Then, in rounds that alternate the folders, runs
``superplan summarise FOLDER --as-of 2026-06-30 --format csv`` in a subprocess and measures its CPU
time, wall time and peak resident memory (``os.wait4``).

Prints the time per plan at each size (start-up left out: the run over one plan) and the ratio of
the largest to the smallest (target <= 1.2x, judged on CPU time), and the peak memory at the
largest (target <= 150 MB).
"""

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from _measure import Measured, measure

import superplan as sp
from superplan.testing import synthetic_plans

TARGET_RATIO = 1.2
TARGET_MB = 150.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[43, 430, 4300])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"superplan {sp.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    texts = [sp.dumps(plan) for plan in synthetic_plans(n_forces=100, seed=11)]
    root = Path(tempfile.mkdtemp(prefix="superplan-summarise-"))
    try:
        sizes = {1: root / "1", **{n: root / str(n) for n in args.sizes}}
        for count, folder in sizes.items():
            folder.mkdir()
            for index in range(count):
                path = folder / f"plan-{index:05d}.json"
                path.write_text(texts[index % len(texts)], encoding="utf-8")
        runs: dict[int, list[Measured]] = {n: [] for n in sizes}
        for round_ in range(args.rounds):
            for count, folder in sizes.items():
                command = [sys.executable, "-m", "superplan.cli", "summarise", str(folder)]
                done = measure([*command, "--as-of", "2026-06-30", "--format", "csv"])
                runs[count].append(done)
                print(
                    f"  round {round_ + 1} {count:5d} plans: {done.wall:7.2f} s wall, "
                    f"{done.cpu:7.2f} s CPU, peak {done.peak_mb:6.1f} MB"
                )
        smallest, largest = min(args.sizes), max(args.sizes)
        ratios = {}
        for what in ("cpu", "wall"):
            start = min(getattr(m, what) for m in runs[1])
            per = {
                n: (min(getattr(m, what) for m in runs[n]) - start) / (n - 1) * 1000
                for n in args.sizes
            }
            ratios[what] = per[largest] / per[smallest]
            shown = ", ".join(f"{per[n]:.2f} ms at {n}" for n in args.sizes)
            print(f"{what:4s} time per plan: {shown}: {ratios[what]:.2f}x")
        print(
            f"ratio (CPU) {ratios['cpu']:.2f}x (target <= {TARGET_RATIO}x): "
            + ("met" if ratios["cpu"] <= TARGET_RATIO else "NOT met")
        )
        peak = max(m.peak_mb for m in runs[largest])
        print(
            f"peak memory at {largest}: {peak:.1f} MB (target <= {TARGET_MB:.0f} MB): "
            + ("met" if peak <= TARGET_MB else "NOT met")
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
