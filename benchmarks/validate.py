"""How long validation takes on a plan of realistic size: the fast route against the full walk.

Run: python benchmarks/validate.py [--repeat N]

Prints milliseconds per plan (best of several rounds) for: parsing alone (json.loads, the floor),
loading into the model (superplan.loads), validation by the fast route (the default), and the full
schema walk (fast=False, what invalid documents get).
"""

import argparse
import json
import statistics
import time
from collections.abc import Callable

import superplan as sp

SENTENCE = (
    "We will review the force's approach to stalking with partners and victims' services, "
    "and report progress to the force performance board every quarter. "
)


def realistic_plan(responder: str = "north-yorkshire") -> dict[str, object]:
    """A force's plan the size of a large published one: every addressed recommendation answered,
    five actions each with evidence and two dated updates."""
    cat = sp.catalogue()
    responses = []
    for rec in cat.addressed_to(responder):
        actions = []
        for k in range(1, 6):
            actions.append(
                {
                    "id": f"{rec.number}-{k}",
                    "part": f"{rec.number}.{k}",
                    "description": SENTENCE * 2,
                    "owner": "Head of Public Protection",
                    "due": {"milestone": "six-months"} if k % 2 else {"date": "2025-03-01"},
                    "status": "in-progress",
                    "evidence": ["Policy document v2 approved by the chief officer group."],
                    "updates": [
                        {
                            "date": "2024-11-22",
                            "label": "Initial response",
                            "status": "not-started",
                        },
                        {
                            "date": "2025-03-27",
                            "label": "Six-month update",
                            "status": "in-progress",
                            "note": SENTENCE,
                        },
                    ],
                }
            )
        responses.append(
            {
                "recommendation": rec.number,
                "acceptance": "accepted",
                "compliance": "partly-complies",
                "narrative": SENTENCE * 3,
                "actions": actions,
            }
        )
    return {
        "$schema": sp.schema_id("action-plan"),
        "schema_version": "1.0",
        "responder": responder,
        "published": "2024-11-22",
        "as_of": "2025-03-27",
        "responses": responses,
    }


def best_ms(function: Callable[[], object], repeat: int) -> float:
    rounds = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repeat):
            function()
        rounds.append((time.perf_counter() - start) / repeat * 1000)
    return min(rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    text = json.dumps(realistic_plan(), indent=2)
    assert sp.validate(text).valid
    sp.validate(text, fast=False)  # warm the compiled schema
    rows = [
        ("json.loads (floor)", lambda: json.loads(text)),
        ("superplan.loads (model only)", lambda: sp.loads(text)),
        ("validate, fast route (default)", lambda: sp.validate(text)),
        ("validate, full schema walk", lambda: sp.validate(text, fast=False)),
    ]
    print(
        f"plan: {len(text.encode()) / 1024:.1f} KiB, "
        f"{len(json.loads(text)['responses'])} responses, best of 5 rounds of {args.repeat}"
    )
    results = {name: best_ms(fn, args.repeat) for name, fn in rows}
    floor = results["json.loads (floor)"]
    for name, ms in results.items():
        print(f"  {name:<34} {ms:8.3f} ms   {ms / floor:6.1f}x json.loads")
    fast, full = results["validate, fast route (default)"], results["validate, full schema walk"]
    print(
        f"  the fast route is {full / fast:.1f}x quicker than the full walk "
        f"({statistics.fmean([fast]):.2f} ms against {full:.2f} ms)"
    )


if __name__ == "__main__":
    main()
