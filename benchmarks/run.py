"""superplan's speed and memory against the floor and the alternatives, in one run.

    pip install -e '.[bench]'
    python benchmarks/run.py                 # the 43-plan national set and a batch of 10,000
    python benchmarks/run.py --batch 2000    # a quicker batch

For each dataset it prints plans per second for: json.loads alone (the floor); superplan's
load + full validation (`superplan.validate`: parse, shape, catalogue rules, model); jsonschema
alone (the published schema, on a sample); and the equivalent pydantic v2 model's
`model_validate_json` (which checks shape only). Then the ratios, peak memory per plan size
(to show it grows linearly), and the command line's cold start against `python -c pass`.
Targets: load + full validation within 3x of pydantic; cold start under 150 ms above bare Python;
memory linear in input size.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import attrs

import superplan as sp
from superplan.testing import synthetic_plans
from superplan.validation._schema_check import schema_validator


def rate(function: Callable[[str], object], texts: Sequence[str], rounds: int = 3) -> float:
    """Plans per second, best of ``rounds`` passes over ``texts``."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def dataset(count: int, seed: int) -> list[str]:
    return [sp.dumps(plan) for plan in synthetic_plans(n_forces=count, seed=seed)]


def measure(name: str, texts: list[str], sample: int, rounds: int) -> dict[str, float]:
    from pydantic_model import ActionPlan as PydanticPlan

    validator = schema_validator("action-plan")
    assert all(sp.validate(t).valid for t in texts[:50])
    size = sum(len(t.encode()) for t in texts) / len(texts)
    results = {
        "json.loads (floor)": rate(json.loads, texts, rounds),
        "superplan load + full validation": rate(sp.validate, texts, rounds),
        "superplan load only (loads)": rate(sp.loads, texts, rounds),
        "jsonschema alone (sample)": rate(
            lambda t: validator.is_valid(json.loads(t)), texts[:sample], 1
        ),
        "pydantic v2 model_validate_json": rate(PydanticPlan.model_validate_json, texts, rounds),
    }
    print(f"\n{name}: {len(texts):,} plans, {size / 1024:.1f} KiB each on average")
    floor = results["json.loads (floor)"]
    for label, value in results.items():
        print(f"  {label:<36} {value:>10,.0f} plans/s   {floor / value:6.1f}x the floor")
    ratio = results["pydantic v2 model_validate_json"] / results["superplan load + full validation"]
    print(
        f"  superplan full validation takes {ratio:.2f}x the time of pydantic (target: within 3x)"
    )
    return results


def peak_memory() -> None:
    print("\nPeak memory while validating one plan (tracemalloc):")
    base = synthetic_plans(n_forces=1, seed=3)[0]
    rows = []
    for factor in (1, 2, 4, 8):
        plan = sp.ActionPlan(
            responder=base.responder,
            published=base.published,
            as_of=base.as_of,
            responses=tuple(
                sp.Response(
                    recommendation=r.recommendation,
                    narrative=r.narrative,
                    actions=tuple(
                        attrs.evolve(a, id=f"{a.id}-{k}") for k in range(factor) for a in r.actions
                    ),
                )
                for r in base.responses
            ),
        )
        text = sp.dumps(plan)
        tracemalloc.start()
        sp.validate(text)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows.append((len(text.encode()), peak))
        print(
            f"  input {len(text.encode()) / 1024:8.1f} KiB   peak {peak / 1024 / 1024:7.2f} MiB   "
            f"{peak / len(text.encode()):5.1f} bytes per input byte"
        )
    first, last = rows[0][1] / rows[0][0], rows[-1][1] / rows[-1][0]
    print(
        f"  bytes of memory per input byte, smallest to largest: {first:.1f} -> {last:.1f} (linear if steady)"
    )


def cold_start(runs: int = 15) -> None:
    exe = Path(sys.executable).with_name("superplan")

    def median(command: list[str]) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000

    bare = median([sys.executable, "-c", "pass"])
    cli = median([str(exe), "--version"])
    print(f"\nCold start (median of {runs} runs):")
    print(f"  python -c pass          {bare:6.1f} ms")
    print(f"  superplan --version     {cli:6.1f} ms   ({cli - bare:+.1f} ms; target under +150 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=10_000, help="plans in the large batch")
    parser.add_argument(
        "--sample", type=int, default=500, help="plans jsonschema alone is timed on"
    )
    args = parser.parse_args()
    print(f"superplan {sp.__version__}, Python {sys.version.split()[0]}")
    measure("National set (43 synthetic plans)", dataset(43, seed=1), sample=43, rounds=5)
    start = time.perf_counter()
    batch = dataset(args.batch, seed=2)
    print(
        f"\n(made the batch of {args.batch:,} synthetic plans in {time.perf_counter() - start:.1f} s)"
    )
    measure(f"Large batch ({args.batch:,} plans)", batch, sample=args.sample, rounds=1)
    del batch
    peak_memory()
    cold_start()


if __name__ == "__main__":
    main()
