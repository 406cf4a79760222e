"""Finding the recommendation a line of a page quotes: fuzzy matching against the catalogue's
wording (forces paraphrase, abbreviate dates like "By 27/03/25", number them or not)."""

import re
from collections import Counter
from itertools import chain

from rapidfuzz import fuzz

from ..model import Recommendation
from ._dates import find_date
from ._report import REVIEW

__all__ = ["MATCH", "NUMBERED", "Matcher", "candidates", "normal"]

MATCH = 78.0
"""A line scoring at least this against a recommendation's wording is taken as quoting it."""
LOOSE = 55.0
"""A table row naming no recommendation is given the nearest one scoring at least this."""

_ADDRESSEE = re.compile(
    r"^to (the )?(chief constables?|police and crime commissioners?|pccs?|all)\b[^:]{0,120}:\s*",
    re.IGNORECASE,
)
_DATE_LEAD = re.compile(
    r"^by,?\s+(\d{1,2}(st|nd|rd|th)?\s+\w+\s+\d{2,4}|\d{1,2}/\d{1,2}/\d{2,4}|\w+\s+\d{2,4})"
    r"(\s*\([^)]*\))?,?\s*",
    re.IGNORECASE,
)
NUMBERED = re.compile(
    r"^(recommendation|rec\.?)?\s*(\d{1,2})(\.\d+)?\s*[:.)\-\u2013]\s+", re.IGNORECASE
)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normal(text: str) -> str:
    text = text.translate(_QUOTES)
    text = _ADDRESSEE.sub("", text.strip())
    text = _DATE_LEAD.sub("", text)
    return " ".join(text.lower().split())


def candidates(rec: Recommendation) -> list[str]:
    wording = list(rec.wording.value or ())
    points = list(rec.sub_points.value or ())
    sentences = [
        sentence
        for paragraph in wording
        for sentence in re.split(r"(?<=[.:])\s+(?=[A-Z])", paragraph)
        if len(sentence) >= 40 and sentence not in wording
    ]
    texts = [*wording, *points, *sentences]
    if len(wording) > 1 or points:
        texts.append(" ".join(wording))
        texts.append(" ".join([*wording, *points]))
    return [normal(t) for t in texts if t.strip()]


class Matcher:
    """Finds the recommendation a line quotes. Scores under what even a number hint could lift
    to a match are cut off early (rapidfuzz's ``score_cutoff``), which keeps long pages fast."""

    def __init__(
        self, candidates: dict[int, list[str]], deadlines: dict[int, str] | None = None
    ) -> None:
        self.deadlines = deadlines or {}
        """Each recommendation's deadline (ISO), for matching a paraphrase loosely."""
        self.texts = [text for texts in candidates.values() for text in texts if text]
        self.owners = [number for number, texts in candidates.items() for text in texts if text]
        self.lengths = [len(text) for text in self.texts]
        # Words that most candidates share ("the", "stalking", "2025") tell them apart from
        # nothing; only the others are indexed, and counted.
        word_sets = [frozenset(_WORD.findall(text)) for text in self.texts]
        seen: dict[str, int] = {}
        for word_set in word_sets:
            for word in word_set:
                seen[word] = seen.get(word, 0) + 1
        common = max(len(word_sets) // 4, 2)
        self.common = frozenset(word for word, count in seen.items() if count > common)
        self.need: list[float] = []
        self.index: dict[str, list[int]] = {}
        self.sizes = []
        for position, word_set in enumerate(word_sets):
            telling = [word for word in word_set if seen[word] <= common]
            self.sizes.append(len(telling))
            self.need.append(_SHARED_WORDS * max(len(telling), 1))
            for word in telling:
                self.index.setdefault(word, []).append(position)
        self.floor = MATCH - _HINT
        self.loose_seen: dict[str, tuple[int | None, float]] = {}

    def best(self, line: str, number_hint: int | None) -> tuple[int | None, float]:
        normal_line = normal(line)
        if len(normal_line) < 25:
            return None, 0.0
        scores: dict[int, float] = {}
        size = len(normal_line)
        words = frozenset(_WORD.findall(normal_line)) - self.common
        # A quotation shares most of its words with the wording; a line sharing few cannot score
        # a match, so the costly comparisons are made only for candidates sharing enough words.
        postings = [self.index[word] for word in words if word in self.index]
        shared = Counter(chain.from_iterable(postings))
        need = _SHARED_WORDS * len(words)
        for index, count in shared.items():
            if count < need and count < self.need[index]:
                continue
            text = self.texts[index]
            plain = fuzz.ratio(normal_line, text)
            score = plain if plain >= self.floor else 0.0
            # The partial comparison costs ~50 plain ones; it is made only where it can change
            # the outcome: a line close to the wording but not yet surely quoting it.
            if _PARTIAL_FROM <= plain < REVIEW and 0.6 <= size / self.lengths[index] <= 1.67:
                partial = fuzz.partial_ratio(normal_line, text, score_cutoff=self.floor + 3) - 3
                score = max(score, partial)
            owner = self.owners[index]
            if score > scores.get(owner, 0.0):
                scores[owner] = score
        best_number, best = None, 0.0
        for number, score in scores.items():
            if number_hint == number:
                score = min(score + _HINT, 100.0)
            if score > best:
                best_number, best = number, score
        return (best_number, best) if best >= MATCH else (None, best)

    def loose(self, line: str, _hint: int | None = None) -> tuple[int | None, float]:
        """The recommendation a paraphrase is nearest to, however loosely (for a table row that
        names none): word-set similarity, which forgives reordered, added and dropped words.
        The score is scaled down so that such a match is always flagged for review."""
        text = normal(line)
        if len(text) < 25:
            return None, 0.0
        if text in self.loose_seen:  # merged cells repeat the same words row after row
            return self.loose_seen[text]
        result = self._loose(text)
        if len(self.loose_seen) < 4096:
            self.loose_seen[text] = result
        return result

    def _loose(self, text: str) -> tuple[int | None, float]:
        # The deadline a paraphrase gives ("By 22/11/24") tells the recommendations apart too.
        found = find_date(text)
        due = found.iso if found is not None else None
        best_number, best = None, 0.0
        for index, candidate in enumerate(self.texts):
            score = fuzz.token_set_ratio(text, candidate) * 0.85
            owner = self.owners[index]
            deadline = self.deadlines.get(owner)
            if due is not None and deadline is not None and deadline.startswith(due):
                score = min(score + _HINT, REVIEW - 1)
            if score > best:
                best_number, best = owner, score
        return (best_number, best) if best >= LOOSE else (None, best)


_HINT = 8.0
_WORD = re.compile(r"[^\W_]+")
_SHARED_WORDS = 0.7
_PARTIAL_FROM = 65.0
"""A line numbered as the recommendation it matches gets this much more confidence."""
