"""Diff time against plan size: comparing two versions of a plan must grow near-linearly.

    python benchmarks/diff_scaling.py               # narratives of 1,000 to 16,000 words
    python benchmarks/diff_scaling.py --words 64000

Two versions of one plan are built from hypothesis-drawn valid plans, their narratives replaced
by texts of the given size: once rewritten from scratch (no word in common: the case that made
difflib's matcher cubic, ~50 s for two 1,000-word narratives) and once edited (every 20th word
changed, words repeating as in prose). For each size it prints CPU seconds for ``diff`` and for
the HTML diff page, and microseconds per word; the last line gives the ratio of the largest
size's per-word time to the smallest's (about 1 is linear; quadratic would be the size ratio,
cubic its square). Exit status 1 if that ratio exceeds 3.
"""

import argparse
import random
import sys
import time

import attrs
from hypothesis import HealthCheck, given, settings

from superplan.progress import diff
from superplan.render._diff_page import render_diff_html

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
from tests.strategies import action_plans


def _plans() -> list:
    found: list = []

    @settings(max_examples=20, suppress_health_check=list(HealthCheck), database=None)
    @given(action_plans())
    def collect(plan) -> None:  # type: ignore[no-untyped-def]
        if plan.responses:
            found.append(plan)

    collect()
    return found


def _with_narratives(plan, texts: list[str]):  # type: ignore[no-untyped-def]
    responses = tuple(
        attrs.evolve(response, narrative=texts[index % len(texts)])
        for index, response in enumerate(plan.responses)
    )
    return attrs.evolve(plan, responses=responses)


def _texts(words: int, rng: random.Random) -> tuple[str, str, str]:
    prose = [f"w{rng.randrange(400)}" for _ in range(words)]
    edited = [("CHANGED" if i % 20 == 0 else w) for i, w in enumerate(prose)]
    rewritten = [f"n{rng.randrange(10**6)}" for _ in range(words)]
    return " ".join(prose), " ".join(edited), " ".join(rewritten)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=16000, help="the largest narrative")
    args = parser.parse_args()
    rng = random.Random(26)
    plans = _plans()
    sizes = []
    size = 1000
    while size <= args.words:
        sizes.append(size)
        size *= 2
    per_word: list[float] = []
    print(f"{'words':>7} {'case':>9} {'diff s':>8} {'page s':>8} {'us/word':>8}")
    for words in sizes:
        prose, edited, rewritten = _texts(words, rng)
        worst = 0.0
        for case, new_text in (("edited", edited), ("rewritten", rewritten)):
            spent_diff = spent_page = 0.0
            total_words = 0
            for plan in plans:
                old = _with_narratives(plan, [prose])
                new = _with_narratives(plan, [new_text])
                start = time.process_time()
                diff(old, new)
                spent_diff += time.process_time() - start
                start = time.process_time()
                render_diff_html(old, new)
                spent_page += time.process_time() - start
                total_words += words * len(plan.responses)
            micro = (spent_diff + spent_page) / total_words * 1e6
            worst = max(worst, micro)
            print(f"{words:>7} {case:>9} {spent_diff:>8.3f} {spent_page:>8.3f} {micro:>8.2f}")
        per_word.append(worst)
    ratio = per_word[-1] / per_word[0]
    print(
        f"per-word time, {sizes[-1]:,} words against {sizes[0]:,}: {ratio:.2f}x "
        f"(linear ~1, quadratic {sizes[-1] // sizes[0]}x)"
    )
    return 0 if ratio <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
