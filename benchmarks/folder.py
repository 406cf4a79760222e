"""Validating a folder of many plans: is memory flat, and is time per file steady, as it grows?

Run: python benchmarks/folder.py [--small 1000] [--large 10000] [--rounds 3] [--jobs 1]

Writes ``--large`` synthetic plans (``superplan.testing.synthetic_plans``, 43 distinct plans written
round and round, each about 60 KB) into a temporary folder, a folder of the first ``--small`` of them,
and a folder of one. Then, in rounds that alternate the three folders (so that all see the same
load on a shared machine), runs ``superplan validate FOLDER --jobs N`` in a subprocess and measures
its CPU time, its wall time and its peak resident memory (from ``os.wait4``).

Prints, from the fastest round of each: the time per file at each size and their ratio (target
<= 1.1x), and the peak memory at the large size (target <= 100 MB). The time per file leaves out
the start-up (the run over a folder of one plan). The ratio is judged on CPU time, which a busy
machine disturbs far less than wall time; the user part of it (superplan's own code, without the
kernel's reading of files) and wall time are printed too. The large folder (about 620 MB) may not
stay in the page cache where the small one does: its wall time then measures the disk.
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

TARGET_RATIO = 1.1
TARGET_MB = 100.0


def write_folder(folder: Path, texts: list[str], count: int) -> None:
    folder.mkdir()
    for index in range(count):
        (folder / f"plan-{index:05d}.json").write_text(texts[index % len(texts)], encoding="utf-8")


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
        sizes = {"one": 1, "small": args.small, "large": args.large}
        for name, count in sizes.items():
            write_folder(root / name, texts, count)
        size = sum(p.stat().st_size for p in (root / "large").iterdir()) / 1e6
        print(f"folders: {args.small} and {args.large} plans ({size:.0f} MB), --jobs {args.jobs}")
        runs: dict[str, list[Measured]] = {name: [] for name in sizes}
        for round_ in range(args.rounds):
            for name, count in sizes.items():
                command = [sys.executable, "-m", "superplan.cli", "validate", str(root / name)]
                done = measure([*command, "--jobs", str(args.jobs)])
                runs[name].append(done)
                print(
                    f"  round {round_ + 1} {count:6d} files: {done.wall:7.2f} s wall, "
                    f"{done.cpu:7.2f} s CPU, peak {done.peak_mb:6.1f} MB"
                )
        ratios = {}
        for what in ("cpu", "user", "wall"):
            start = min(getattr(m, what) for m in runs["one"])
            per = {
                name: (min(getattr(m, what) for m in runs[name]) - start) / (sizes[name] - 1) * 1000
                for name in ("small", "large")
            }
            ratios[what] = per["large"] / per["small"]
            print(
                f"{what:4s} time per file: {per['small']:.2f} ms at {args.small}, "
                f"{per['large']:.2f} ms at {args.large}: {ratios[what]:.2f}x"
            )
        print(
            f"ratio (CPU) {ratios['cpu']:.2f}x (target <= {TARGET_RATIO}x): "
            + ("met" if ratios["cpu"] <= TARGET_RATIO else "NOT met")
        )
        peak = max(m.peak_mb for m in runs["large"])
        small_peak = max(m.peak_mb for m in runs["small"])
        print(
            f"peak memory at {args.large}: {peak:.1f} MB, at {args.small}: {small_peak:.1f} MB "
            f"(target <= {TARGET_MB:.0f} MB): " + ("met" if peak <= TARGET_MB else "NOT met")
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
