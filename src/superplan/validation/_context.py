"""What the catalogue rules look at: the raw document, walked defensively, and the catalogue.

Rules run on the parsed JSON rather than on model objects, so that they still report when the
document does not fit the model; whatever has the wrong shape they pass over (the schema layer
reports it).
"""

import datetime as dt
import re
import typing
from collections.abc import Iterator
from typing import Any

from ..catalogue import Catalogue
from ..errors import UnknownAgency, json_pointer
from ..model import PartialDate, Recommendation, Responder, span

__all__ = ["Context", "Path"]

Path = tuple[str | int, ...]

#: A date as the schema writes one: a day (YYYY-MM-DD) or a month (YYYY-MM) where allowed.
DATE = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")
_ACTION_DATES = ("planned_completion", "actual_completion")

_UNSEEN: Any = object()


_DATES: dict[str, PartialDate | None] = {}
"""Each date text read so far, and its date (None if not in the calendar), up to a bound: plans
repeat the same few dates many times, and a PartialDate is immutable. The walk looks here first
itself, as a call costs more than the look."""
_DATES_KEPT = 8192


def _read_date(text: str) -> PartialDate | None:
    try:
        return _DATES[text]
    except KeyError:
        pass
    try:
        date: PartialDate | None = PartialDate.parse(text)
    except ValueError:
        date = None
    if len(_DATES) < _DATES_KEPT:
        _DATES[text] = date
    return date


class Context:
    """One document under validation, with the catalogue it is checked against."""

    # Worked out at once, as every run of the rules reads them all (a cached_property takes a
    # lock on first use, which cost more than most rules).
    __slots__ = (
        "_answers",
        "_found",
        "_milestones",
        "_walk",
        "catalogue",
        "data",
        "recommendation_spans",
        "responder",
        "response_recommendations",
        "update_span",
    )

    def __init__(self, data: dict[str, Any], catalogue: Catalogue) -> None:
        self.data = data
        self.catalogue = catalogue
        # Plans repeat the same few recommendations and milestones many times: each is looked
        # up once.
        self._found: dict[tuple[type, Any], Recommendation | None] = {}
        self._milestones: dict[str, PartialDate | None] = {}
        self._answers: dict[int, bool] = {}
        # The rules look at the same parts of the document many times: one walk gathers them.
        self._walk = walk = _Walk(data)
        self.responder: Responder | None = self._find_responder()
        self.response_recommendations: list[tuple[Path, dict[str, Any], Recommendation]] = []
        """Each response whose recommendation the catalogue knows, with it: (path, response,
        recommendation)."""
        self.recommendation_spans: list[tuple[Recommendation, range]] = []
        """The same, as (the recommendation, the range its actions take in the columns of
        actions)."""
        for (path, response), actions in zip(walk.responses, walk.spans, strict=True):
            rec = self.recommendation(response.get("recommendation"))
            if rec is not None:
                self.response_recommendations.append((path, response, rec))
                self.recommendation_spans.append((rec, actions))
        self.update_span: tuple[dt.date, dt.date] | None = span(walk.update_dates)
        """(The earliest last day, the latest first day) any update date may stand for; None
        when no update is dated. A rule on update dates before or after a day can fire only
        past these."""

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
            date = self.catalogue.milestone_date(slug)
            found = self._milestones[slug] = None if date is None else PartialDate.of(date)
        return typing.cast(PartialDate | None, found)

    def recommendation(self, ref: Any) -> Recommendation | None:
        """The recommendation a reference names, or None (also for a reference of a wrong
        type)."""
        key = (ref.__class__, ref)  # True is not 1 here, nor "7" 7
        try:
            return self._found[key]
        except KeyError:
            pass
        except TypeError:  # a list or an object: no recommendation, and no key
            return None
        found = self.catalogue.find(ref)
        self._found[key] = found
        return found

    @staticmethod
    def pointer(path: Path) -> str:
        return json_pointer(path)

    def _find_responder(self) -> Responder | None:
        slug = self.data.get("responder")
        if not isinstance(slug, str):
            return None
        try:
            return self.catalogue.responder(slug)
        except UnknownAgency:
            return None

    def answers(self, rec: Recommendation) -> bool:
        """Whether the responder answers as one of the recommendation's known addressees."""
        try:
            return self._answers[rec.number]
        except KeyError:
            pass
        responder = self.responder
        answered = responder is not None and not set(rec.addressee_slugs).isdisjoint(
            responder.answers_as
        )
        self._answers[rec.number] = answered
        return answered

    def responses(self) -> Iterator[tuple[Path, dict[str, Any]]]:
        return iter(self._walk.responses)

    def actions(self) -> Iterator[tuple[Path, dict[str, Any], dict[str, Any]]]:
        """(path, action, the response it belongs to), in order."""
        walk = self._walk
        for index, action in enumerate(walk.actions):
            yield self.action_path(index), action, walk.responses[walk.action_response[index]][1]

    def action_path(self, index: int) -> Path:
        """The path of the action at ``index`` in the columns of actions."""
        walk = self._walk
        return (*walk.responses[walk.action_response[index]][0], "actions", walk.action_at[index])

    # Columns of actions: one item for each action (an object in a list of actions), in order.

    @property
    def action_objects(self) -> list[dict[str, Any]]:
        return self._walk.actions

    @property
    def action_ids(self) -> list[Any]:
        """Each action's id as written (None where it has none)."""
        return self._walk.action_ids

    @property
    def statuses(self) -> list[Any]:
        """Each action's status as written (None where it has none)."""
        return self._walk.statuses

    @property
    def parts(self) -> list[Any]:
        """Each action's part as written (None where it has none)."""
        return self._walk.parts

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
            ((*walk.updates_path(owner), "updates", index, "date"), text)
            for owner, index, text in walk.impossible_updates
        ]

    @property
    def update_dates(self) -> list[PartialDate]:
        """The date of every update given one in the calendar, list by list (the responses',
        then the actions', then the parts'), each list in order."""
        return self._walk.update_dates

    def same_list(self, index: int) -> bool:
        """Whether the update date at ``index`` is of the same list of updates as the one
        before it."""
        of = self._walk.update_of
        return index > 0 and of[index] == of[index - 1]

    def update_path(self, index: int) -> Path:
        """The path of the update whose date is at ``index`` in :attr:`update_dates`."""
        walk = self._walk
        owner = walk.update_lists[walk.update_of[index]]
        return (*walk.updates_path(owner), "updates", walk.update_at[index])


class _Walk:
    """The parts of a document the rules look at, gathered in one pass, and every date judged as
    it is met; whatever has the wrong shape is passed over.

    Actions and update dates are kept as columns (lists of one field each, in order) and their
    paths worked out only for what a rule reports: a plan has many of both and few findings,
    and building a path for each was a third of the walk. A rule can ask a whole column at once
    ("any two ids alike?") and look at single actions only where the answer is yes.
    """

    __slots__ = (
        "action_at",
        "action_ids",
        "action_response",
        "actions",
        "dues",
        "impossible",
        "impossible_updates",
        "parts",
        "responses",
        "spans",
        "statuses",
        "update_at",
        "update_dates",
        "update_lists",
        "update_of",
    )

    def __init__(self, data: dict[str, Any]) -> None:
        # One loop, written out, names bound locally: the rules' time is mostly this walk.
        self.responses: list[tuple[Path, dict[str, Any]]] = []
        self.spans: list[range] = []  # of each response's actions, in the columns below
        # The columns of actions: the action, the response it belongs to (its place in
        # ``responses``), its index in that response's list, and the fields the rules read.
        self.actions: list[dict[str, Any]] = []
        self.action_response: list[int] = []
        self.action_at: list[int] = []
        self.action_ids: list[Any] = []
        self.statuses: list[Any] = []
        self.parts: list[Any] = []
        self.dues: list[dict[str, Any] | None] = []
        # Each list of updates holding a date, by its owner: an action's place in the columns,
        # or the path of a response or a part; and the columns of update dates: the date, the
        # list it is in (its place in ``update_lists``), and its index in that list.
        self.update_lists: list[int | Path] = []
        self.update_dates: list[PartialDate] = []
        self.update_of: list[int] = []
        self.update_at: list[int] = []
        # Dates not in the calendar (or not dates at all): (path, text); and those of updates
        # as (owner, index, text).
        self.impossible: list[tuple[Path, str]] = [
            ((key,), data[key])
            for key in ("published", "as_of")
            if isinstance(data.get(key), str) and _read_date(data[key]) is None
        ]
        self.impossible_updates: list[tuple[int | Path, int, str]] = []
        impossible, known = self.impossible.append, _DATES.get
        # Lists of updates, by owner, in the order their dates are judged: the responses', then
        # the actions', then the parts'.
        updates: list[tuple[int | Path, list[Any]]] = []
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
        add_action, add_response, add_at = (
            self.actions.append,
            self.action_response.append,
            self.action_at.append,
        )
        add_id, add_status = self.action_ids.append, self.statuses.append
        add_part, add_due = self.parts.append, self.dues.append
        add_span = self.spans.append
        for place, (path, response) in enumerate(self.responses):
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
                add_response(place)
                add_at(index)
                add_id(get("id"))
                add_status(get("status"))
                add_part(get("part"))
                due = get("due")
                if isinstance(due, dict):
                    add_due(due)
                    text = due.get("date")
                    if isinstance(text, str) and (known(text) or _read_date(text)) is None:
                        impossible(((*path, "actions", index, "due", "date"), text))
                else:
                    add_due(None)
                for key in _ACTION_DATES:
                    text = get(key)
                    if isinstance(text, str) and _read_date(text) is None:
                        impossible(((*path, "actions", index, key), text))
            add_span(range(start, len(self.actions)))
            found = response.get("parts")
            for index, part in enumerate(found if isinstance(found, list) else ()):
                if isinstance(part, dict):
                    parts.append(((*path, "parts", index), part))
        for path, part in parts:
            found = part.get("updates")
            if isinstance(found, list) and found:
                updates.append((path, found))
        add_date, add_of, add_update_at = (
            self.update_dates.append,
            self.update_of.append,
            self.update_at.append,
        )
        add_impossible, add_list = self.impossible_updates.append, self.update_lists.append
        for owner, found in updates:
            number = len(self.update_lists)
            dated = False
            for index, update in enumerate(found):
                if isinstance(update, dict):
                    text = update.get("date")
                    if isinstance(text, str):
                        date = known(text) or _read_date(text)
                        if date is None:
                            add_impossible((owner, index, text))
                        else:
                            add_date(date)
                            add_of(number)
                            add_update_at(index)
                            dated = True
            if dated:
                add_list(owner)

    def updates_path(self, owner: int | Path) -> Path:
        """The path of what holds a list of updates: an action, by its place in the columns,
        or a response or a part, by its path."""
        if isinstance(owner, int):
            response = self.responses[self.action_response[owner]][0]
            return (*response, "actions", self.action_at[owner])
        return owner
