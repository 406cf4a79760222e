"""What a column heading or a status word means, from data files users can extend.

``data/headers.json`` lists, per model field, the headings that mean it; ``data/statuses.json``
the words forces use for delivery, acceptance and compliance. A user's own file in the same shape
adds to them (``--headers`` / ``--statuses``). Headings are compared by meaning, not exact words:
case, punctuation and any date in the heading are left out ("Update Nov-24" is an ``update``
column dated 2024-11), and the longest synonym the heading contains wins.
"""

import json
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from attrs import field, frozen
from rapidfuzz import fuzz

from .._files import read_json
from ..errors import LoadError, Problem
from ._dates import FoundDate, find_date

__all__ = ["ColumnMeaning", "Vocabulary", "normal_words", "vocabulary"]

FIELDS = (
    "recommendation",
    "recommendation_text",
    "part",
    "requirement",
    "action",
    "owner",
    "update",
    "narrative",
    "date",
    "due",
    "status",
    "status_or_update",
    "evidence",
    "acceptance",
    "compliance",
)
_KINDS = ("delivery", "acceptance", "compliance")


def normal_words(text: str) -> str:
    """Lower case, words only: "Accept/Comply?" -> "accept comply"."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


@frozen
class ColumnMeaning:
    """The field a column heading means, how sure that is, and the date the heading carries."""

    heading: str
    field: str | None
    confidence: float
    date: FoundDate | None = None


@frozen
class Vocabulary:
    headers: Mapping[str, tuple[str, ...]]
    """Field -> normalised headings that mean it."""
    statuses: Mapping[str, Mapping[str, str]]
    """Kind (delivery, acceptance, compliance) -> normalised phrase -> value."""
    _patterns: dict[str, "re.Pattern[str]"] = field(factory=dict, eq=False, repr=False)

    def column(self, heading: str) -> ColumnMeaning:
        """What a column heading means."""
        date = find_date(heading)
        text = heading
        if date is not None:
            text = heading[: date.start] + " " + heading[date.end :]
        words = normal_words(text)
        if not words:
            # A heading that is only a date ("21 November 2024") holds that day's update.
            if date is not None:
                return ColumnMeaning(heading, "update", 90.0, date)
            return ColumnMeaning(heading, None, 0.0, None)
        best: tuple[float, int, str | None] = (0.0, 0, None)
        field_name: str | None
        padded = f" {words} "
        for field_name, synonyms in self.headers.items():
            for synonym in synonyms:
                if words == synonym:
                    score = 100.0
                elif f" {synonym} " in padded:
                    score = 88.0
                else:
                    score = fuzz.ratio(words, synonym)
                    if score < 88:
                        continue
                    score = min(score, 87.0)
                candidate = (score, len(synonym), field_name)
                if candidate[:2] > best[:2]:
                    best = candidate
        score, _, field_name = best
        if date is not None and field_name in (None, "narrative", "date"):
            # "March 2026 update", "Initial response Nov-24": a dated column of updates.
            field_name, score = "update", max(score, 80.0)
        return ColumnMeaning(heading, field_name, score, date)

    def status(self, kind: str, text: str) -> tuple[str | None, float]:
        """The normalised value of a status word, and how sure: exact, or its leading words."""
        words = normal_words(text)
        table = self.statuses[kind]
        if not words:
            return None, 0.0
        if words in table:
            return table[words], 100.0
        # "Complete - see evidence", "Ongoing (BAU)": the leading words decide, a little less sure.
        tokens = words.split()
        for size in range(min(len(tokens), 6), 0, -1):
            value = table.get(" ".join(tokens[:size]))
            if value is not None:
                return value, 80.0 if size >= 2 or len(tokens) <= 3 else 65.0
        return None, 0.0

    def phrase(self, kind: str, text: str) -> tuple[str | None, str | None]:
        """A status phrase said in prose ("we partially comply"): its value and the phrase."""
        found = [m.group(1) for m in self._phrases(kind).finditer(f" {normal_words(text)} ")]
        if not found:
            return None, None
        phrase = max(found, key=len)
        return self.statuses[kind][phrase], phrase

    def _phrases(self, kind: str) -> "re.Pattern[str]":
        cached = self._patterns.get(kind)
        if cached is None:
            # Single words ("yes", "accept") say too little in running text; compliance's
            # "comply" is kept, since forces write "we comply".
            phrases = sorted(
                (p for p in self.statuses[kind] if len(p.split()) >= 2 or kind == "compliance"),
                key=len,
                reverse=True,
            )
            alternation = "|".join(re.escape(p) for p in phrases) or "(?!)"
            # A lookahead finds overlapping phrases too ("we comply" and "comply with most").
            cached = re.compile(rf"(?<= )(?=({alternation})(?= ))")
            self._patterns[kind] = cached
        return cached


def _shipped(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("superplan.importers").joinpath("data", name).read_text("utf-8")
    )
    return data


def _user_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    data = read_json(path)
    if not isinstance(data, dict):
        raise LoadError([Problem(pointer="", message="expected an object")], source=os.fspath(path))
    return data


def _check_lists(
    data: Mapping[str, Any], allowed: tuple[str, ...], prefix: str, source: str | None
) -> dict[str, list[str]]:
    problems = []
    result: dict[str, list[str]] = {}
    for key, value in data.items():
        if key.startswith("$"):
            continue
        if key not in allowed:
            problems.append(
                Problem(
                    pointer=f"{prefix}/{key}",
                    message=f"unknown name {key!r}; one of: {', '.join(allowed)}",
                )
            )
        elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(Problem(pointer=f"{prefix}/{key}", message="expected a list of text"))
        else:
            result[key] = [normal_words(v) for v in value if normal_words(v)]
    if problems:
        raise LoadError(problems, source=source)
    return result


_VALUES = {
    "delivery": ("not-started", "in-progress", "complete", "ongoing", "not-applicable"),
    "acceptance": ("accepted", "partly-accepted", "not-accepted"),
    "compliance": ("complies", "partly-complies", "does-not-comply", "not-yet-assessed"),
}


_Files = tuple[tuple[dict[str, Any], str | None], ...]


def _build(header_files: _Files, status_files: _Files) -> Vocabulary:
    headers: dict[str, list[str]] = {}
    for data, source in header_files:
        for key, words in _check_lists(data, FIELDS, "", source).items():
            # A user's synonym moves to the field the user names.
            for other in headers.values():
                for word in words:
                    if word in other:
                        other.remove(word)
            headers.setdefault(key, []).extend(words)
    statuses: dict[str, dict[str, str]] = {kind: {} for kind in _KINDS}
    for data, source in status_files:
        for kind, table in data.items():
            if kind.startswith("$"):
                continue
            if kind not in _KINDS or not isinstance(table, dict):
                raise LoadError(
                    [Problem(pointer=f"/{kind}", message=f"expected one of: {', '.join(_KINDS)}")],
                    source=source,
                )
            for value, words in _check_lists(table, _VALUES[kind], f"/{kind}", source).items():
                for word in words:
                    statuses[kind][word] = value
    return Vocabulary(
        headers={key: tuple(words) for key, words in headers.items()}, statuses=statuses
    )


@lru_cache(maxsize=1)
def _default() -> Vocabulary:
    return _build(((_shipped("headers.json"), None),), ((_shipped("statuses.json"), None),))


def vocabulary(
    headers: str | os.PathLike[str] | None = None, statuses: str | os.PathLike[str] | None = None
) -> Vocabulary:
    """The shipped vocabulary, extended by a user's header and status files when given."""
    if headers is None and statuses is None:
        return _default()
    header_files: list[tuple[dict[str, Any], str | None]] = [(_shipped("headers.json"), None)]
    status_files: list[tuple[dict[str, Any], str | None]] = [(_shipped("statuses.json"), None)]
    if headers is not None:
        header_files.append((_user_file(headers), os.fspath(headers)))
    if statuses is not None:
        status_files.append((_user_file(statuses), os.fspath(statuses)))
    return _build(tuple(header_files), tuple(status_files))
