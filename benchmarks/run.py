"""superplan's four speed targets (issue 27), each printed as a ratio measured in one run.

    pip install -e '.[bench]'
    python benchmarks/run.py               # the 43-plan national set
    python benchmarks/run.py --rounds 30   # more rounds, steadier figures on a busy machine

Ratios, not absolute times: the machine may be shared, and two timings taken side by side in one
run suffer alike. Each pair is timed in alternating rounds and the best round of each is kept.

1. full validation of a valid plan (``superplan.validate`` on the text: parse, shape, structure,
   catalogue rules) against the pydantic v2 model in ``pydantic_model.py`` (shape only), on the
   same texts: target at most 1.25x;
2. an invalid plan (one shape error and one catalogue error) against a valid one: at most 1.5x;
3. ``superplan.dumps`` against ``json.dumps`` of the same document, and byte-identical to the
   reference (json-module) canonical form: at most 1.2x;
4. ``superplan validate FILE`` from a cold start against ``check-jsonschema`` on the same file
   and schema, CPU time (``startup.py`` measures it, and more): at most 0.4x.

Then peak memory per input size, to show that it grows linearly.
"""

import argparse
import json
import os
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import attrs

import superplan as sp
from superplan.testing import synthetic_plans

TARGETS = {"validation": 1.25, "invalid": 1.5, "dumps": 1.2, "cold start": 0.4}


Timed = tuple[Callable[[Any], object], Sequence[Any]]


def best_of_pair(first: Timed, second: Timed, rounds: int) -> tuple[float, float]:
    """Seconds per input of each (function, inputs), best round of each, timed in alternation."""
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for slot, (function, inputs) in enumerate((first, second)):
            start = time.perf_counter()
            for item in inputs:
                function(item)
            best[slot] = min(best[slot], (time.perf_counter() - start) / len(inputs))
    return best[0], best[1]


def verdict(ratio: float, target: float) -> str:
    return "met" if ratio <= target else "NOT MET"


def with_two_errors(text: str) -> str:
    """The same plan with one shape error (a status not in the list) and one catalogue error (a
    milestone the catalogue does not know)."""
    document = json.loads(text)
    actions = [a for r in document["responses"] for a in r.get("actions", [])]
    actions[0]["status"] = "done"
    actions[-1]["due"] = {"milestone": "next-spring"}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def validation_targets(texts: list[str], rounds: int) -> dict[str, float]:
    from pydantic_model import ActionPlan as PydanticPlan

    assert all(sp.validate(t).valid for t in texts)
    assert all(PydanticPlan.model_validate_json(t) for t in texts)
    size = sum(len(t.encode()) for t in texts) / len(texts)
    print(f"\n{len(texts)} synthetic plans, {size / 1024:.1f} KiB each on average")

    ours, theirs = best_of_pair(
        (sp.validate, texts), (PydanticPlan.model_validate_json, texts), rounds
    )
    ratio = ours / theirs
    print("1. full validation of a valid plan against pydantic's shape-only model")
    print(f"   superplan.validate             {ours * 1e6:8.0f} µs per plan")
    print(f"   pydantic model_validate_json   {theirs * 1e6:8.0f} µs per plan")
    target = TARGETS["validation"]
    print(f"   ratio {ratio:.2f}x (target <= {target}x): {verdict(ratio, target)}")

    invalid = [with_two_errors(t) for t in texts]
    for text in invalid:
        codes = sp.validate(text).codes
        assert sum(c.startswith("SP1") for c in codes) == 1, codes
        assert sum(c.startswith("SP2") for c in codes) >= 1, codes
    bad, good = best_of_pair((sp.validate, invalid), (sp.validate, texts), rounds)
    inv_ratio = bad / good
    print("2. an invalid plan (one shape error, one catalogue error) against a valid one")
    print(f"   invalid                        {bad * 1e6:8.0f} µs per plan")
    print(f"   valid                          {good * 1e6:8.0f} µs per plan")
    target = TARGETS["invalid"]
    print(f"   ratio {inv_ratio:.2f}x (target <= {target}x): {verdict(inv_ratio, target)}")

    # The reference ratio, for the record: the full walk forced on every document.
    full, _ = best_of_pair((lambda t: sp.validate(t, fast=False), texts[:10]), (id, texts[:1]), 1)
    print(f"   (the reference route, fast=False, on a valid plan: {full * 1e6:.0f} µs)")
    return {"validation": ratio, "invalid": inv_ratio}


def dumps_target(texts: list[str], rounds: int) -> float:
    from superplan.convert import reference_dumps

    plans = [sp.loads(t) for t in texts]
    documents = [json.loads(t) for t in texts]
    assert all(sp.dumps(p) == reference_dumps(p) == t for p, t in zip(plans, texts, strict=True))
    ours, theirs = best_of_pair((sp.dumps, plans), (json.dumps, documents), rounds)
    reference, _ = best_of_pair((reference_dumps, plans), (id, plans[:1]), 1)
    ratio = ours / theirs
    print("3. canonical dumps against json.dumps of the same document (byte-identical output)")
    print(f"   superplan.dumps                {ours * 1e6:8.0f} µs per plan")
    print(f"   json.dumps(document)           {theirs * 1e6:8.0f} µs per plan")
    print(f"   (the reference json-module route: {reference * 1e6:.0f} µs)")
    print(
        f"   ratio {ratio:.2f}x (target <= {TARGETS['dumps']}x): {verdict(ratio, TARGETS['dumps'])}"
    )
    return ratio


def cold_start_target(runs: int) -> float:
    from startup import medians

    median = medians(runs)
    ours, theirs = median["superplan validate FILE"], median["check-jsonschema"]
    ratio = ours / theirs
    print(f"4. cold start, CPU time, median of {runs} runs each (benchmarks/startup.py: the rest)")
    print(f"   superplan validate FILE        {ours:8.1f} ms")
    print(f"   check-jsonschema               {theirs:8.1f} ms")
    target = TARGETS["cold start"]
    print(f"   ratio {ratio:.2f}x (target <= {target}x): {verdict(ratio, target)}")
    return ratio


def peak_memory() -> None:
    print("\nPeak memory while validating one plan (tracemalloc):")
    base = synthetic_plans(n_forces=1, seed=3)[0]
    rows = []
    for factor in (1, 2, 4, 8):
        plan = attrs.evolve(
            base,
            responses=tuple(
                attrs.evolve(
                    r,
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
        f"  bytes per input byte, smallest to largest: {first:.1f} -> {last:.1f} (linear if steady)"
    )


def main() -> None:
    try:
        import pydantic  # noqa: F401  (the model compared against)
    except ImportError:
        print("benchmarks/run.py needs the bench extra: pip install -e '.[bench]'", file=sys.stderr)
        sys.exit(2)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="timing rounds per pair")
    parser.add_argument("--runs", type=int, default=21, help="cold-start runs per command")
    args = parser.parse_args()
    print(f"superplan {sp.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    texts = [sp.dumps(plan) for plan in synthetic_plans(n_forces=43, seed=1)]
    sp.validate(texts[0], fast=False)  # compile the schemas before timing
    ratios = validation_targets(texts, args.rounds)
    ratios["dumps"] = dumps_target(texts, args.rounds)
    ratios["cold start"] = cold_start_target(args.runs)
    peak_memory()
    met = sum(ratios[name] <= target for name, target in TARGETS.items())
    print(f"\n{met} of {len(TARGETS)} targets met")


if __name__ == "__main__":
    main()
