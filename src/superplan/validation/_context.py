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
from ..model import Responder

__all__ = ["Context", "Path"]

Path = tuple[str | int, ...]

#: A date as the schema writes one: a day (YYYY-MM-DD) or a month (YYYY-MM) where allowed.
DATE = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?")


class Context:
    """One document under validation, with the catalogue it is checked against."""

    def __init__(self, data: dict[str, Any], catalogue: Catalogue) -> None:
        self.data = data
        self.catalogue = catalogue

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
            for key in ("planned_completion", "actual_completion"):
                if isinstance(action.get(key), str):
                    yield (*path, key), action[key]


def _objects(value: Any, path: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield (*path, index), item
