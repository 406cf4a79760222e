"""What the catalogue rules look at: the raw document, walked defensively, and the catalogue.

Rules run on the parsed JSON rather than on model objects, so that they still report when the
document does not fit the model; whatever has the wrong shape they pass over (the schema layer
reports it).
"""

import datetime as dt
import re
import typing
from collections.abc import Iterator
from functools import cached_property, lru_cache
from itertools import chain
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


@lru_cache(maxsize=8192)
def _read_date(text: str) -> PartialDate | None:
    # Plans repeat the same few dates many times, and a PartialDate is immutable.
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None


class Context:
    """One document under validation, with the catalogue it is checked against."""

    def __init__(self, data: dict[str, Any], catalogue: Catalogue) -> None:
        self.data = data
        self.catalogue = catalogue
        # Plans repeat the same few recommendations and milestones many times: each is looked
        # up once.
        self._found: dict[tuple[type, Any], Recommendation | None] = {}
        self._milestones: dict[str, PartialDate | None] = {}
        self._answers: dict[int, bool] = {}

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

    @cached_property
    def responder(self) -> Responder | None:
        slug = self.data.get("responder")
        if not isinstance(slug, str):
            return None
        try:
            return self.catalogue.responder(slug)
        except UnknownAgency:
            return None

    @cached_property
    def response_recommendations(self) -> list[tuple[Path, dict[str, Any], Recommendation]]:
        """Each response whose recommendation the catalogue knows, with it: (path, response,
        recommendation)."""
        found = []
        for path, response in self._walk.responses:
            rec = self.recommendation(response.get("recommendation"))
            if rec is not None:
                found.append((path, response, rec))
        return found

    @cached_property
    def recommendation_of(self) -> dict[int, Recommendation]:
        """The recommendation a response answers, by the response's ``id()``, for the rules on
        actions (each action comes with its response)."""
        return {id(response): rec for _, response, rec in self.response_recommendations}

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

    # The rules look at the same parts of the document many times: one walk gathers them all.

    @cached_property
    def _walk(self) -> "_Walk":
        return _Walk(self.data)

    def responses(self) -> Iterator[tuple[Path, dict[str, Any]]]:
        return iter(self._walk.responses)

    def actions(self) -> Iterator[tuple[Path, dict[str, Any], dict[str, Any]]]:
        """(path, action, the response it belongs to)."""
        return iter(self._walk.actions)

    def impossible_dates(self) -> Iterator[tuple[Path, str]]:
        """Every date written in the document that is not a date (or month) in the calendar,
        with its path (well formed or not: the schema speaks of the form); those of updates
        last."""
        return chain(self._walk.impossible, self._walk.impossible_updates)

    @property
    def update_dates(self) -> list[list[tuple[Path, PartialDate]]]:
        """Each list of updates as the dates they are given, in order: (path of the update,
        date), leaving out the undated and the ill-written (other rules speak of those)."""
        return self._walk.update_dates

    @cached_property
    def update_span(self) -> tuple[dt.date, dt.date] | None:
        """(The earliest last day, the latest first day) any update date may stand for; None
        when no update is dated. A rule on update dates before or after a day can fire only
        past these."""
        return span(date for dates in self.update_dates for _, date in dates)


class _Walk:
    """The parts of a document the rules look at, gathered in one pass, each with its path, and
    every date judged as it is met; whatever has the wrong shape is passed over."""

    __slots__ = ("actions", "impossible", "impossible_updates", "responses", "update_dates")

    def __init__(self, data: dict[str, Any]) -> None:
        # One loop, written out, names bound locally: the rules' time is mostly this walk.
        self.responses: list[tuple[Path, dict[str, Any]]] = []
        self.actions: list[tuple[Path, dict[str, Any], dict[str, Any]]] = []
        self.update_dates: list[list[tuple[Path, PartialDate]]] = []
        # Dates not in the calendar (or not dates at all): (path, text).
        self.impossible: list[tuple[Path, str]] = [
            ((key,), data[key])
            for key in ("published", "as_of")
            if isinstance(data.get(key), str) and _read_date(data[key]) is None
        ]
        self.impossible_updates: list[tuple[Path, str]] = []
        impossible, updates_of = self.impossible.append, self._updates
        parts: list[tuple[Path, dict[str, Any]]] = []
        responses = data.get("responses")
        for index, response in enumerate(responses if isinstance(responses, list) else ()):
            if not isinstance(response, dict):
                continue
            path: Path = ("responses", index)
            self.responses.append((path, response))
            updates_of(path, response.get("updates"))
            text = response.get("assessed_on")
            if isinstance(text, str) and _read_date(text) is None:
                impossible(((*path, "assessed_on"), text))
        add_action = self.actions.append
        for path, response in self.responses:
            actions = response.get("actions")
            for index, action in enumerate(actions if isinstance(actions, list) else ()):
                if not isinstance(action, dict):
                    continue
                action_path = (*path, "actions", index)
                add_action((action_path, action, response))
                updates_of(action_path, action.get("updates"))
                due = action.get("due")
                if isinstance(due, dict):
                    text = due.get("date")
                    if isinstance(text, str) and _read_date(text) is None:
                        impossible(((*action_path, "due", "date"), text))
                for key in _ACTION_DATES:
                    text = action.get(key)
                    if isinstance(text, str) and _read_date(text) is None:
                        impossible(((*action_path, key), text))
            found = response.get("parts")
            for index, part in enumerate(found if isinstance(found, list) else ()):
                if isinstance(part, dict):
                    parts.append(((*path, "parts", index), part))
        for path, part in parts:
            updates_of(path, part.get("updates"))

    def _updates(self, path: Path, updates: Any) -> None:
        if not isinstance(updates, list) or not updates:
            return
        list_path = (*path, "updates")
        dated: list[tuple[Path, PartialDate]] = []
        for index, update in enumerate(updates):
            if isinstance(update, dict):
                text = update.get("date")
                if isinstance(text, str):
                    date = _read_date(text)
                    if date is None:
                        self.impossible_updates.append(((*list_path, index, "date"), text))
                    else:
                        dated.append(((*list_path, index), date))
        if dated:
            self.update_dates.append(dated)
