"""What the catalogue rules look at: the raw document, walked defensively, and the catalogue.

The rules look the catalogue up in its index (plain data: for the shipped catalogue, read from a
file without building the catalogue's classes); a rule that finds something and needs more asks
for the catalogue itself (:attr:`Context.catalogue`), built then if it was not before.

Rules run on the parsed JSON rather than on model objects, so that they still report when the
document does not fit the model; whatever has the wrong shape they pass over (the schema layer
reports it).
"""

import datetime as dt
import re
import typing
from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .._json import json_pointer
from .._kept import KeptFor
from ..catalogue import CatalogueIndex
from ..model import PartialDate, span

if TYPE_CHECKING:
    from ..catalogue import Catalogue, IndexedRecommendation, IndexedResponder

__all__ = ["Context", "Path"]

Path = tuple[str | int, ...]

#: A date as the schema writes one: a day (YYYY-MM-DD) or a month (YYYY-MM) where allowed.
DATE = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")

_UNSEEN: Any = object()


_DATES: dict[str, PartialDate | None] = {}
"""Each date text read so far, and its date (None if not in the calendar), up to a bound: plans
repeat the same few dates many times, and a PartialDate is immutable. The walk looks here first
itself, as a call costs more than the look."""
_DATES_KEPT = 8192


def _read_date(text: str) -> PartialDate | None:
    found = _DATES.get(text, _UNSEEN)
    if found is not _UNSEEN:
        return typing.cast(PartialDate | None, found)
    try:
        date: PartialDate | None = PartialDate.parse(text)
    except ValueError:
        date = None
    if len(_DATES) < _DATES_KEPT and len(text) <= 10:  # (a date or month is 7 or 10 long)
        _DATES[text] = date
    return date


_Lookups = tuple[
    dict[tuple[type, Any], "IndexedRecommendation | None"],  # a reference's recommendation
    dict[str, PartialDate | None],  # a milestone's date, by slug
]
_LOOKUPS: KeptFor[CatalogueIndex, _Lookups] = KeptFor()
"""The lookups in each catalogue index alive (by identity), shared by every plan checked against
it."""
_KEPT = 4096
"""The most lookups kept of each kind (then they start again): a document names what it likes,
and may name much."""
_KEPT_LENGTH = 64
"""The longest text remembered as a reference or slug: a catalogue's are far shorter, and a
document's may be any length."""


def _keep(kept: dict[Any, Any], key: Any, value: Any) -> None:
    if len(kept) >= _KEPT:
        kept.clear()  # many lookups of text no catalogue holds: start again
    kept[key] = value


def update_span(texts: list[str], dates: list[PartialDate]) -> tuple[dt.date, dt.date] | None:
    """``span(dates)``, worked out from the first and last of ``texts`` (the text each of
    ``dates`` is written in, YYYY-MM-DD or YYYY-MM) as sorted as text, at C speed. A day that
    sorts first ends no later than any date; whatever sorts last starts no earlier than any. (A
    month that sorts first may end after a day of its own month, which sorts after it: then each
    date is looked at.)"""
    if not texts:
        return None
    first = min(texts)
    if len(first) != len("YYYY-MM-DD"):
        return span(dates)
    return span([date for text in (first, max(texts)) if (date := _read_date(text)) is not None])


def _lookups(index: CatalogueIndex) -> _Lookups:
    return _LOOKUPS.get(index) or _LOOKUPS.keep(index, ({}, {}))


class Context:
    """One document under validation, with the catalogue it is checked against."""

    # Worked out at once, as every run of the rules reads them all (a cached_property takes a
    # lock on first use, which cost more than most rules).
    __slots__ = (
        "_catalogue",
        "_found",
        "_milestones",
        "_walk",
        "data",
        "expected",
        "index",
        "recommendation_spans",
        "responder",
        "response_recommendations",
        "unanswered",
        "unknown_recommendations",
        "update_span",
    )

    def __init__(
        self,
        data: dict[str, Any],
        catalogue: "Catalogue | CatalogueIndex",
        *,
        expected: str | None = None,
        sound: bool = False,
    ) -> None:
        """``catalogue``: the catalogue the plan is checked against, or its index (then the
        catalogue itself is built only if a rule asks for it); ``sound``: the schema has proven
        each value of the document the type it gives it (the document is sound, or its only
        shape errors leave every type alone), so the walk asks none its type."""
        self.data = data
        if isinstance(catalogue, CatalogueIndex):
            self.index = catalogue
            self._catalogue: Catalogue | None = None
        else:
            self.index = CatalogueIndex.of(catalogue)
            self._catalogue = catalogue
        self.expected = expected
        """The responder the caller expects the plan to be from, if any."""
        # Plans repeat the same few recommendations and milestones many times, and a catalogue
        # never changes: each is looked up once for as long as its index lives.
        self._found, self._milestones = _lookups(self.index)
        # The rules look at the same parts of the document many times: one walk gathers them.
        self._walk = walk = _Walk(data, sound=sound)
        self.responder: IndexedResponder | None = self._find_responder()
        self.response_recommendations: list[tuple[Path, dict[str, Any], IndexedRecommendation]]
        self.response_recommendations = []
        """Each response whose recommendation the catalogue knows, with it: (path, response,
        recommendation)."""
        self.recommendation_spans: list[tuple[IndexedRecommendation, range]] = []
        """The same, as (the recommendation, the range its actions take in the columns of
        actions)."""
        self.unknown_recommendations: list[tuple[Path, dict[str, Any]]] = []
        """Each response whose recommendation the catalogue does not know (or that names none):
        (path, response)."""
        self.unanswered: list[tuple[Path, dict[str, Any], IndexedRecommendation]] = []
        """Those of them the responder does not answer as one of the recommendation's known
        addressees (none when the responder is unknown)."""
        responder = self.responder
        answered: frozenset[int] = frozenset()
        if responder is not None:
            answered = self.index.addressed_to(responder.slug)
        known, lookup = self._found.get, self.recommendation
        for (path, response), actions in zip(walk.responses, walk.spans, strict=True):
            ref = response.get("recommendation")
            try:  # what self.recommendation looks first, looked here (a call costs more)
                rec = known((ref.__class__, ref), _UNSEEN)
            except TypeError:  # a list or an object: no recommendation, and no key
                rec = None
            if rec is _UNSEEN:
                rec = lookup(ref)
            if rec is not None:
                found = (path, response, rec)
                self.response_recommendations.append(found)
                self.recommendation_spans.append((rec, actions))
                if responder is not None and rec.number not in answered:
                    self.unanswered.append(found)
            else:
                self.unknown_recommendations.append((path, response))
        self.update_span = update_span(walk.update_texts, walk.update_dates)
        """(The earliest last day, the latest first day) any update date may stand for; None
        when no update is dated. A rule on update dates before or after a day can fire only
        past these."""

    @property
    def catalogue(self) -> "Catalogue":
        """The catalogue itself, for a rule that found something and needs more than the index
        holds (an agency's name, a recommendation's facts): built on first use if need be."""
        if self._catalogue is None:
            self._catalogue = self.index.full()
        return self._catalogue

    @staticmethod
    def partial(text: Any) -> PartialDate | None:
        """The date or month ``text`` writes, or None if it is not one in the calendar (or not
        text at all)."""
        return _read_date(text) if text.__class__ is str else None

    def milestone(self, slug: Any) -> PartialDate | None:
        """A milestone's date by slug, or None (for an unknown slug, or not a slug at all)."""
        if slug.__class__ is not str:
            return None
        found = self._milestones.get(slug, _UNSEEN)
        if found is _UNSEEN:
            date = self.index.milestone_date(slug)
            found = None if date is None else PartialDate.of(date)
            if len(slug) <= _KEPT_LENGTH:
                _keep(self._milestones, slug, found)
        return typing.cast(PartialDate | None, found)

    def recommendation(self, ref: Any) -> "IndexedRecommendation | None":
        """The recommendation a reference names, or None (also for a reference of a wrong
        type)."""
        key = (ref.__class__, ref)  # True is not 1 here, nor "7" 7
        try:
            # .get, not [key]: raising a KeyError costs a lookup's worth ten times over.
            found = self._found.get(key, _UNSEEN)
        except TypeError:  # a list or an object: no recommendation, and no key
            return None
        if found is _UNSEEN:
            found = self.index.find(ref)
            if ref.__class__ is not str or len(ref) <= _KEPT_LENGTH:
                _keep(self._found, key, found)
        return typing.cast("IndexedRecommendation | None", found)

    @staticmethod
    def pointer(path: Path) -> str:
        return json_pointer(path)

    def _find_responder(self) -> "IndexedResponder | None":
        slug = self.data.get("responder")
        return self.index.responder(slug) if isinstance(slug, str) else None

    def responses(self) -> Iterator[tuple[Path, dict[str, Any]]]:
        return iter(self._walk.responses)

    def action_path(self, place: int) -> Path:
        """The path of the action at ``place`` in the columns of actions."""
        return self._walk.action_path(place)

    # Columns of actions: one item for each action (an object in a list of actions), in order.

    @property
    def action_objects(self) -> list[dict[str, Any]]:
        return self._walk.actions

    @property
    def dues(self) -> list[dict[str, Any] | None]:
        """Each action's due object (None where it has none, or it is not an object)."""
        return self._walk.dues

    def impossible_dates(self) -> list[tuple[Path, str]]:
        """Every date written in the document that is not a date (or month) in the calendar,
        with its path (well formed or not: the schema speaks of the form); those of updates
        last."""
        walk = self._walk
        return walk.impossible + [
            ((*walk.holder_path(holder), "updates", index, "date"), text)
            for holder, index, text in walk.impossible_updates
        ]

    @property
    def update_dates(self) -> list[PartialDate]:
        """The date of every update given one in the calendar, list by list (the responses',
        then the actions', then the parts'), each list in order."""
        return self._walk.update_dates

    @property
    def update_texts(self) -> list[str]:
        """The text of each date in :attr:`update_dates`, as written."""
        return self._walk.update_texts

    @property
    def update_starts(self) -> list[int]:
        """Where each list of updates starts in :attr:`update_dates` (lists with no date left
        out)."""
        return self._walk.update_starts

    def update_path(self, place: int) -> Path:
        """The path of the update whose date is at ``place`` in :attr:`update_dates`."""
        return self._walk.update_path(place)


class _Walk:
    """The parts of a document the rules look at, gathered in one pass, and every date judged as
    it is met; whatever has the wrong shape is passed over.

    Actions and update dates are kept as columns (lists of one thing each, in order), with no
    path: a plan has many of both and few findings, and building a path for each was a third of
    the walk. Their paths are worked out when a rule first reports one.
    """

    __slots__ = (
        "_action_indexes",
        "_starts",
        "_update_paths",
        "actions",
        "dues",
        "impossible",
        "impossible_updates",
        "responses",
        "spans",
        "update_dates",
        "update_lists",
        "update_starts",
        "update_texts",
    )

    def __init__(self, data: dict[str, Any], *, sound: bool = False) -> None:
        """``sound``: every value the walk meets has the type the schema gives it (the schema
        has proven it), and none is asked its type."""
        self.responses: list[tuple[Path, dict[str, Any]]] = []
        self.spans: list[range] = []  # of each response's actions, in the columns below
        # The columns of actions: each action, and its due object (None if it has none).
        self.actions: list[dict[str, Any]] = []
        self.dues: list[dict[str, Any] | None] = []
        # The dates of updates, list by list; and of each list holding any: what holds it (an
        # action's place in the columns, or the path of a response or a part) with the list,
        # and where its dates start among them.
        self.update_dates: list[PartialDate] = []
        self.update_texts: list[str] = []  # the text of each, as written
        self.update_lists: list[tuple[int | Path, list[Any]]] = []
        self.update_starts: list[int] = []
        # Dates not in the calendar (or not dates at all): (path, text); and those of updates
        # as (what holds the list, index, text).
        self.impossible: list[tuple[Path, str]] = [
            ((key,), data[key])
            for key in ("published", "as_of")
            if isinstance(data.get(key), str) and _read_date(data[key]) is None
        ]
        self.impossible_updates: list[tuple[int | Path, int, str]] = []
        self._starts: list[int] | None = None  # where each response's span starts
        self._action_indexes: dict[int, list[int]] = {}  # by response, of its objects
        self._update_paths: list[Path] | None = None
        # Lists of updates, by what holds them, in the order their dates are judged: the
        # responses', then the actions', then the parts'.
        updates: list[tuple[int | Path, list[Any]]] = []
        parts = (self._read_sound if sound else self._read)(data, updates)
        for path, part in parts:
            found = part.get("updates")
            if isinstance(found, list) and found:
                updates.append((path, found))
        self._read_updates(updates, sound=sound)

    def _read(
        self, data: dict[str, Any], updates: list[tuple[int | Path, list[Any]]]
    ) -> list[tuple[Path, dict[str, Any]]]:
        """The responses and their actions, each value asked its type first; adds the lists of
        updates of both to ``updates``, and gives the parts."""
        # One loop, written out, names bound locally: the rules' time is mostly this walk.
        impossible = self.impossible.append
        known = _DATES.get
        parts: list[tuple[Path, dict[str, Any]]] = []
        responses = data.get("responses")
        for index, response in enumerate(responses if isinstance(responses, list) else ()):
            if not isinstance(response, dict):
                continue
            path: Path = ("responses", index)
            self.responses.append((path, response))
            found = response.get("updates")
            if isinstance(found, list) and found:
                updates.append((path, found))
            text = response.get("assessed_on")
            if isinstance(text, str) and _read_date(text) is None:
                impossible(((*path, "assessed_on"), text))
        add_action, add_due, add_span = self.actions.append, self.dues.append, self.spans.append
        for path, response in self.responses:
            actions = response.get("actions")
            start = len(self.actions)
            for index, action in enumerate(actions if isinstance(actions, list) else ()):
                if not isinstance(action, dict):
                    continue
                get = action.get
                found = get("updates")
                if isinstance(found, list) and found:
                    updates.append((len(self.actions), found))
                add_action(action)
                due = get("due")
                if isinstance(due, dict):
                    add_due(due)
                    text = due.get("date")
                    if isinstance(text, str) and (known(text) or _read_date(text)) is None:
                        impossible(((*path, "actions", index, "due", "date"), text))
                else:
                    add_due(None)
                # The two other dates of an action, written out: a loop costs more than they.
                text = get("planned_completion")
                if isinstance(text, str) and _read_date(text) is None:
                    impossible(((*path, "actions", index, "planned_completion"), text))
                text = get("actual_completion")
                if isinstance(text, str) and _read_date(text) is None:
                    impossible(((*path, "actions", index, "actual_completion"), text))
            add_span(range(start, len(self.actions)))
            found = response.get("parts")
            for index, part in enumerate(found if isinstance(found, list) else ()):
                if isinstance(part, dict):
                    parts.append(((*path, "parts", index), part))
        return parts

    def _read_sound(
        self, data: dict[str, Any], updates: list[tuple[int | Path, list[Any]]]
    ) -> list[tuple[Path, dict[str, Any]]]:
        """:meth:`_read`, for a document whose types the schema has proven: a list is a list of
        objects, a date is text, and no value is null, so absent or empty is all there is to
        ask. (A third quicker; a property test holds the two to the same on sound plans.)"""
        impossible = self.impossible.append
        known = _DATES.get
        parts: list[tuple[Path, dict[str, Any]]] = []
        for number, response in enumerate(data.get("responses") or ()):
            path: Path = ("responses", number)
            self.responses.append((path, response))
            found = response.get("updates")
            if found:
                updates.append((path, found))
            text = response.get("assessed_on")
            if text is not None and _read_date(text) is None:
                impossible(((*path, "assessed_on"), text))
        add_action, add_due, add_span = self.actions.append, self.dues.append, self.spans.append
        actions = self.actions
        for path, response in self.responses:
            start = len(actions)
            for index, action in enumerate(response.get("actions") or ()):
                get = action.get
                found = get("updates")
                if found:
                    updates.append((len(actions), found))
                add_action(action)
                due = get("due")
                add_due(due)
                if due is not None:
                    text = due.get("date")
                    if text is not None and (known(text) or _read_date(text)) is None:
                        impossible(((*path, "actions", index, "due", "date"), text))
                text = get("planned_completion")
                if text is not None and _read_date(text) is None:
                    impossible(((*path, "actions", index, "planned_completion"), text))
                text = get("actual_completion")
                if text is not None and _read_date(text) is None:
                    impossible(((*path, "actions", index, "actual_completion"), text))
            add_span(range(start, len(actions)))
            found = response.get("parts")
            if found:
                parts.extend(((*path, "parts", index), part) for index, part in enumerate(found))
        return parts

    def _read_updates(
        self, updates: list[tuple[int | Path, list[Any]]], *, sound: bool = False
    ) -> None:
        """Every update's date, list by list (the responses', the actions', the parts'), each
        judged as it is read; ``sound``: each update is an object and each date text, unasked."""
        known = _DATES.get
        dates = self.update_dates
        add_date, add_impossible = dates.append, self.impossible_updates.append
        add_text = self.update_texts.append
        for entry in updates:
            holder, found = entry
            start = len(dates)
            for index, update in enumerate(found):
                if sound or isinstance(update, dict):
                    text = update.get("date")
                    if (text is not None) if sound else isinstance(text, str):
                        date = known(text) or _read_date(text)
                        if date is None:
                            add_impossible((holder, index, text))
                        else:
                            add_date(date)
                            add_text(text)
            if len(dates) > start:
                self.update_lists.append(entry)
                self.update_starts.append(start)

    def action_path(self, place: int) -> Path:
        """The path of the action at ``place`` in the columns: in the response whose span holds
        it, the index of that response's object of that rank (what is not an object is passed
        over). A response's indexes are worked out the first time one of its actions is
        reported, and kept."""
        if self._starts is None:
            self._starts = [span.start for span in self.spans]
        # The last span starting at or before the place holds it (an empty one never does:
        # the one that holds it starts at the same place, and comes after).
        number = bisect_right(self._starts, place) - 1
        indexes = self._action_indexes.get(number)
        path, response = self.responses[number]
        if indexes is None:
            actions = _list(response.get("actions"))
            indexes = [i for i, action in enumerate(actions) if isinstance(action, dict)]
            self._action_indexes[number] = indexes
        return (*path, "actions", indexes[place - self.spans[number].start])

    def holder_path(self, holder: int | Path) -> Path:
        """The path of what holds a list of updates."""
        return self.action_path(holder) if isinstance(holder, int) else holder

    def update_path(self, place: int) -> Path:
        """The path of the update whose date is at ``place``."""
        if self._update_paths is None:  # the first report of an update: all are worked out
            self._update_paths = [
                (*self.holder_path(holder), "updates", index)
                for holder, found in self.update_lists
                for index, update in enumerate(found)
                if isinstance(update, dict)
                and isinstance(text := update.get("date"), str)
                and _read_date(text) is not None
            ]
        return self._update_paths[place]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
