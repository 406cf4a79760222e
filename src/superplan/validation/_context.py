"""What the catalogue rules look at: the raw document, walked defensively, and the catalogue.

Rules run on the parsed JSON rather than on model objects, so that they still report when the
document does not fit the model; whatever has the wrong shape they pass over (the schema layer
reports it).
"""

import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

from ..catalogue import Catalogue
from ..errors import UnknownAgency, json_pointer
from ..model import PartialDate, Recommendation, Responder

__all__ = ["Context", "Path"]

Path = tuple[str | int, ...]

#: A date as the schema writes one: a day (YYYY-MM-DD) or a month (YYYY-MM) where allowed.
DATE = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")
_ACTION_DATES = ("planned_completion", "actual_completion")


class Context:
    """One document under validation, with the catalogue it is checked against."""

    def __init__(self, data: dict[str, Any], catalogue: Catalogue) -> None:
        self.data = data
        self.catalogue = catalogue
        # Plans repeat the same few dates and recommendations many times: each is read once.
        self._partials: dict[str, PartialDate | None] = {}
        self._found: dict[tuple[type, Any], Recommendation | None] = {}

    def partial(self, text: Any) -> PartialDate | None:
        """The date or month ``text`` writes, or None if it is not one in the calendar (or not
        text at all)."""
        if text.__class__ is not str:
            return None
        try:
            return self._partials[text]
        except KeyError:
            pass
        try:
            found: PartialDate | None = PartialDate.parse(text)
        except ValueError:
            found = None
        self._partials[text] = found
        return found

    def milestone(self, slug: Any) -> PartialDate | None:
        """A milestone's date by slug, or None (for an unknown slug, or not a slug at all)."""
        if slug.__class__ is not str:
            return None
        date = self.catalogue.milestone_date(slug)
        return None if date is None else self.partial(date.isoformat())

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

    # The rules walk the same parts of the document many times: each walk is made once.

    @cached_property
    def _responses(self) -> list[tuple[Path, dict[str, Any]]]:
        return list(_objects(self.data.get("responses"), ("responses",)))

    @cached_property
    def _actions(self) -> list[tuple[Path, dict[str, Any], dict[str, Any]]]:
        return [
            (action_path, action, response)
            for path, response in self._responses
            for action_path, action in _objects(response.get("actions"), (*path, "actions"))
        ]

    @cached_property
    def _update_lists(self) -> list[tuple[Path, list[tuple[Path, dict[str, Any]]]]]:
        lists = [
            ((*path, "updates"), list(_objects(response.get("updates"), (*path, "updates"))))
            for path, response in self._responses
        ]
        lists += [
            ((*path, "updates"), list(_objects(action.get("updates"), (*path, "updates"))))
            for path, action, _ in self._actions
        ]
        lists += [
            ((*path, "updates"), list(_objects(part.get("updates"), (*path, "updates"))))
            for path, part in self._parts
        ]
        return [(path, updates) for path, updates in lists if updates]

    @cached_property
    def _parts(self) -> list[tuple[Path, dict[str, Any]]]:
        return [
            part
            for path, response in self._responses
            for part in _objects(response.get("parts"), (*path, "parts"))
        ]

    def responses(self) -> Iterator[tuple[Path, dict[str, Any]]]:
        return iter(self._responses)

    def actions(self) -> Iterator[tuple[Path, dict[str, Any], dict[str, Any]]]:
        """(path, action, the response it belongs to)."""
        return iter(self._actions)

    def update_lists(self) -> Iterator[tuple[Path, list[tuple[Path, dict[str, Any]]]]]:
        """Each non-empty list of updates (a response's, an action's) with the path of the list."""
        return iter(self._update_lists)

    @cached_property
    def update_dates(self) -> list[list[tuple[Path, PartialDate]]]:
        """Each list of updates as the dates they are given, in order: (path of the update,
        date), leaving out the undated and the ill-written (other rules speak of those). One
        pass, shared by the rules on update dates."""
        partial = self.partial
        lists = (
            [(path, date) for path, update in updates if (date := partial(update.get("date")))]
            for _, updates in self._update_lists
        )
        return [dated for dated in lists if dated]

    def date_texts(self) -> list[str]:
        """Every date written in the document, as :meth:`dates` gives them, without their paths."""
        data, texts = self.data, []
        texts += [data[key] for key in ("published", "as_of") if isinstance(data.get(key), str)]
        for _, updates in self._update_lists:
            texts += [u["date"] for _, u in updates if isinstance(u.get("date"), str)]
        texts += [
            r["assessed_on"] for _, r in self._responses if isinstance(r.get("assessed_on"), str)
        ]
        for _, action, _ in self._actions:
            due = action.get("due")
            if isinstance(due, dict) and isinstance(due.get("date"), str):
                texts.append(due["date"])
            texts += [action[k] for k in _ACTION_DATES if isinstance(action.get(k), str)]
        return texts

    def dates(self) -> Iterator[tuple[Path, str]]:
        """Every date written in the document, well formed or not, with its path."""
        for key in ("published", "as_of"):
            if isinstance(self.data.get(key), str):
                yield (key,), self.data[key]
        for _, updates in self._update_lists:
            for path, update in updates:
                if isinstance(update.get("date"), str):
                    yield (*path, "date"), update["date"]
        for path, response in self._responses:
            if isinstance(response.get("assessed_on"), str):
                yield (*path, "assessed_on"), response["assessed_on"]
        for path, action, _ in self._actions:
            due = action.get("due")
            if isinstance(due, dict) and isinstance(due.get("date"), str):
                yield (*path, "due", "date"), due["date"]
            for key in _ACTION_DATES:
                if isinstance(action.get(key), str):
                    yield (*path, key), action[key]


def _objects(value: Any, path: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield (*path, index), item
