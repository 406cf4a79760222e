"""Word-level comparison of two texts in near-linear time.

difflib's SequenceMatcher looks for the longest matching block again and again; on two texts
that share little but their blanks (a narrative rewritten from scratch) that costs the cube of
their length (two 1,000-word narratives took some 50 seconds). Here instead, in the manner of
"patience" diff:

1. a common start and end are matched as they are;
2. words found as often on each side of the range, and rarely (once, in classic patience diff;
   here up to ``_RARE`` times, or as rarely as any word is, paired in order), are anchors; the longest run of anchors in
   the same order on both sides (a longest increasing subsequence, n log n) is matched, and the
   ranges between anchors are compared the same way;
3. a range small enough (its two lengths' product at most ``_SMALL`` times their sum) is compared
   exactly, by a longest common subsequence;
4. anything else, or anything left once a work budget proportional to the texts' length is
   spent, is shown as replaced.

Every step costs at most a constant times the range it looks at, the ranges of a step do not
overlap and the budget caps the steps, so the whole is O(n log n). The result is always a true
account of both texts (joining the old sides gives the old text, the new sides the new), if not
always the shortest one.
"""

import re
from bisect import bisect_left
from collections.abc import Sequence

__all__ = ["Segment", "word_segments"]

_TOKENS = re.compile(r"\S+|\s+")
_SMALL = 32
"""A range of la and lb tokens is compared exactly when la * lb <= _SMALL * (la + lb)."""
_RARE = 4
"""A token found this many times or fewer in both ranges, as often in each, may anchor them."""
_BUDGET = 16
"""Tokens looked at for anchors, per token of the two texts, before giving up on finer detail."""

Segment = tuple[str, str, str]
"""(``equal`` or ``change``, old text, new text)."""

_Block = tuple[int, int, int]
"""A match: ``a[i:i+n] == b[j:j+n]``, as (i, j, n)."""


def _exact(a: Sequence[str], b: Sequence[str], a0: int, a1: int, b0: int, b1: int) -> list[_Block]:
    """The longest common subsequence of two small ranges, by the textbook table."""
    la, lb = a1 - a0, b1 - b0
    table = [[0] * (lb + 1) for _ in range(la + 1)]
    for i in range(la - 1, -1, -1):
        row, below = table[i], table[i + 1]
        for j in range(lb - 1, -1, -1):
            row[j] = below[j + 1] + 1 if a[a0 + i] == b[b0 + j] else max(below[j], row[j + 1])
    blocks: list[_Block] = []
    i = j = 0
    while i < la and j < lb:
        if a[a0 + i] == b[b0 + j]:
            blocks.append((a0 + i, b0 + j, 1))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return blocks


def _anchors(
    a: Sequence[str], b: Sequence[str], a0: int, a1: int, b0: int, b1: int
) -> list[_Block]:
    """Tokens found as often in each range, and rarely (at most ``_RARE`` times, or as rarely as
    any such token is), paired in order; the longest run of pairs in the same order on both
    sides."""
    where_a: dict[str, list[int]] = {}
    for i in range(a0, a1):
        where_a.setdefault(a[i], []).append(i)
    where_b: dict[str, list[int]] = {}
    for j in range(b0, b1):
        if b[j] in where_a:
            where_b.setdefault(b[j], []).append(j)
    even = {token: js for token, js in where_b.items() if len(js) == len(where_a[token])}
    # The rarest tokens found as often on each side (histogram diff's idea), at least _RARE.
    rare = max(_RARE, min((len(js) for js in even.values()), default=0))
    pairs = sorted(
        pair
        for token, js in even.items()
        if len(js) <= rare
        for pair in zip(where_a[token], js, strict=True)
    )
    # Longest increasing subsequence of the b positions (patience sorting).
    tops: list[int] = []
    tails: list[int] = []
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        pile = bisect_left(tops, j)
        if pile == len(tops):
            tops.append(j)
            tails.append(index)
        else:
            tops[pile] = j
            tails[pile] = index
        back.append(tails[pile - 1] if pile else -1)
    chain: list[_Block] = []
    index = tails[-1] if tails else -1
    while index >= 0:
        chain.append((pairs[index][0], pairs[index][1], 1))
        index = back[index]
    chain.reverse()
    return chain


def _blocks(a: Sequence[str], b: Sequence[str]) -> list[_Block]:
    budget = _BUDGET * (len(a) + len(b))
    found: list[_Block] = []
    ranges = [(0, len(a), 0, len(b))]
    while ranges:
        a0, a1, b0, b1 = ranges.pop()
        start = 0
        while a0 + start < a1 and b0 + start < b1 and a[a0 + start] == b[b0 + start]:
            start += 1
        if start:
            found.append((a0, b0, start))
            a0, b0 = a0 + start, b0 + start
        end = 0
        while a0 < a1 - end and b0 < b1 - end and a[a1 - end - 1] == b[b1 - end - 1]:
            end += 1
        if end:
            found.append((a1 - end, b1 - end, end))
            a1, b1 = a1 - end, b1 - end
        la, lb = a1 - a0, b1 - b0
        if not la or not lb:
            continue
        if la * lb <= _SMALL * (la + lb):
            found += _exact(a, b, a0, a1, b0, b1)
            continue
        if budget <= 0:
            continue  # shown as replaced
        budget -= la + lb
        anchors = _anchors(a, b, a0, a1, b0, b1)
        found += anchors
        i, j = a0, b0
        for ai, bj, _ in anchors:
            ranges.append((i, ai, j, bj))
            i, j = ai + 1, bj + 1
        ranges.append((i, a1, j, b1))
    found.sort()
    return found


def word_segments(old: str, new: str) -> list[Segment]:
    """``old`` changed into ``new`` word by word (blanks are tokens too): ``equal`` and
    ``change`` segments in order. Joined, the old texts give ``old`` and the new give ``new``."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    out: list[Segment] = []
    i = j = 0
    for bi, bj, n in [*_blocks(a, b), (len(a), len(b), 0)]:
        if bi > i or bj > j:
            out.append(("change", "".join(a[i:bi]), "".join(b[j:bj])))
        if n:
            text = "".join(a[bi : bi + n])
            if out and out[-1][0] == "equal":
                out[-1] = ("equal", out[-1][1] + text, out[-1][2] + text)
            else:
                out.append(("equal", text, text))
        i, j = bi + n, bj + n
    return out
