"""What changed between two versions of one plan: responses, actions, fields, statuses, words."""

from collections.abc import Iterator
from enum import StrEnum
from typing import Any

import attrs
from attrs import frozen

from .._json import json_pointer
from ..catalogue import Catalogue, given_or_shipped
from ..convert import to_dict
from ..errors import DiffError
from ..model import Action, ActionPlan, Part, Response
from ._words import word_segments

__all__ = ["Change", "ChangeKind", "DiffError", "PlanDiff", "diff", "word_diff"]


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@frozen(kw_only=True)
class Change:
    """One difference. ``where`` is the JSON pointer in the new version (the old one for a removal)."""

    kind: ChangeKind
    what: str
    """``response``, ``action``, ``update`` or the name of the field that changed."""
    where: str
    recommendation: int | str | None = None
    part: str | None = None
    action: str | None = None
    old: Any = None
    new: Any = None
    words: str | None = None
    """For text: the edit as a word diff, ``[-removed-]{+added+}``."""
    dated: str | None = None
    """For a status change: the date the new status is given for, where the plan says."""

    def describe(self) -> str:
        """The change in words: values are said, never shown as JSON."""
        subject = []
        if self.recommendation is not None:
            subject.append(f"recommendation {self.recommendation}")
        if self.part is not None:
            subject.append(f"part {self.part}")
        if self.action is not None:
            subject.append(f"action {self.action!r}")
        about = ", ".join(subject) or "plan"
        if self.kind is not ChangeKind.CHANGED:
            value = self.new if self.kind is ChangeKind.ADDED else self.old
            detail = f": {_say_update(value)}" if self.what == "update" else ""
            return f"{self.kind} {self.what}{detail} ({about}, at {self.where})"
        if self.words is not None:
            return f"changed {self.what} of {about}: {self.words}"
        dated = f" (stated for {self.dated})" if self.dated else ""
        return f"changed {self.what} of {about}: {_say(self.old)} -> {_say(self.new)}{dated}"

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in attrs.asdict(self).items() if v is not None}


@frozen(kw_only=True)
class PlanDiff:
    responder: str
    changes: tuple[Change, ...]

    @property
    def empty(self) -> bool:
        return not self.changes

    def format_text(self) -> str:
        if not self.changes:
            return f"{self.responder}: no differences"
        lines = [change.describe() for change in self.changes]
        count = len(self.changes)
        lines.append(f"{self.responder}: {count} change{'' if count == 1 else 's'}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"responder": self.responder, "changes": [c.to_dict() for c in self.changes]}


def _say(value: Any) -> str:
    """A value from a plan in plain words: text quoted, lists and objects spelled out."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, list):
        return "; ".join(_say(item) for item in value) if value else "(none)"
    if isinstance(value, dict):
        return ", ".join(f"{key.replace('_', ' ')} {_say(item)}" for key, item in value.items())
    return str(value)


def _say_update(update: Any) -> str:
    if not isinstance(update, dict):
        return _say(update)
    head = ", ".join(
        str(update[key]) for key in ("date", "label", "status", "status_text") if key in update
    )
    note = update.get("note")
    return f"{head or 'undated'}" + (f": {_say(note)}" if note else "")


def word_diff(old: str, new: str) -> str:
    """``old`` changed into ``new``, word by word: ``[-removed-]`` and ``{+added+}`` (in
    near-linear time: see :mod:`._words`)."""
    out: list[str] = []
    for op, before, after in word_segments(old, new):
        if op == "equal":
            out.append(before)
            continue
        if before:
            out.append("[-" + before + "-]")
        if after:
            out.append("{+" + after + "+}")
    return "".join(out)


#: Free-text fields, whose edits are shown word by word.
_TEXT = frozenset(
    {
        "title",
        "narrative",
        "description",
        "transcription_note",
        "owner",
        "requirement",
        "recommendation_as_quoted",
        "acceptance_text",
        "compliance_text",
        "status_text",
    }
)
_PLAN_FIELDS = (
    "title",
    "lang",
    "published",
    "as_of",
    "source_url",
    "source_urls",
    "leads",
    "links",
    "introduction",
    "transcription_note",
)
_RESPONSE_FIELDS = (
    "recommendation_as_quoted",
    "acceptance",
    "acceptance_text",
    "compliance",
    "compliance_text",
    "assessed_on",
    "owner",
    "narrative",
    "lang",
    "translations",
    "status",
    "status_text",
    "links",
    "transcription_note",
)
_PART_FIELDS = ("requirement", "owner", "due", "status", "status_text", "evidence", "links")
_ACTION_FIELDS = (
    "description",
    "part",
    "owner",
    "due",
    "planned_completion",
    "actual_completion",
    "status",
    "status_text",
    "evidence",
    "links",
    "lang",
)


def _value(obj: Any, name: str) -> Any:
    return (
        to_dict(getattr(obj, name))
        if attrs.has(type(getattr(obj, name)))
        else _plain(getattr(obj, name))
    )


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [to_dict(item) if attrs.has(type(item)) else _plain(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value) if isinstance(value, StrEnum) else value


def _fields(
    old: Any,
    new: Any,
    names: tuple[str, ...],
    base: tuple[str | int, ...],
    stated_on: str | None = None,
    **about: Any,
) -> Iterator[Change]:
    for name in names:
        a, b = _value(old, name), _value(new, name)
        if a == b:
            continue
        dated = None
        if name == "status":
            # A new status is dated by the latest update that gives one, else by the plan's date.
            given = [u.date for u in getattr(new, "updates", ()) if u.status is not None and u.date]
            dated = str(max(given, key=lambda d: d.sort_key)) if given else stated_on
        yield Change(
            kind=ChangeKind.CHANGED,
            what=name,
            where=json_pointer((*base, name)),
            old=a,
            new=b,
            words=word_diff(a, b)
            if name in _TEXT and isinstance(a, str) and isinstance(b, str)
            else None,
            dated=dated,
            **about,
        )


def _updates(old: Any, new: Any, base: tuple[str | int, ...], **about: Any) -> Iterator[Change]:
    before = [to_dict(u) for u in old.updates]
    for index, update in enumerate(new.updates):
        as_dict = to_dict(update)
        if as_dict in before:
            before.remove(as_dict)
        else:
            where = json_pointer((*base, "updates", index))
            yield Change(kind=ChangeKind.ADDED, what="update", where=where, new=as_dict, **about)
    for update in before:
        index = [to_dict(u) for u in old.updates].index(update)
        where = json_pointer((*base, "updates", index))
        yield Change(kind=ChangeKind.REMOVED, what="update", where=where, old=update, **about)


def _actions(
    old: Response, new: Response, base: tuple[str | int, ...], ref: int | str, stated_on: str | None
) -> Iterator[Change]:
    old_actions = {a.id: (i, a) for i, a in enumerate(old.actions)}
    new_ids = {a.id for a in new.actions}
    for index, action in enumerate(new.actions):
        path = (*base, "actions", index)
        if action.id not in old_actions:
            yield Change(
                kind=ChangeKind.ADDED,
                what="action",
                where=json_pointer(path),
                recommendation=ref,
                action=action.id,
                new=to_dict(action),
            )
            continue
        previous: Action = old_actions[action.id][1]
        yield from _fields(
            previous,
            action,
            _ACTION_FIELDS,
            path,
            recommendation=ref,
            action=action.id,
            stated_on=stated_on,
        )
        yield from _updates(previous, action, path, recommendation=ref, action=action.id)
    for action_id, (index, action) in old_actions.items():
        if action_id not in new_ids:
            yield Change(
                kind=ChangeKind.REMOVED,
                what="action",
                where=json_pointer((*base, "actions", index)),
                recommendation=ref,
                action=action_id,
                old=to_dict(action),
            )


def _parts(
    old: Response, new: Response, base: tuple[str | int, ...], ref: int | str, stated_on: str | None
) -> Iterator[Change]:
    old_parts = {p.part: (i, p) for i, p in enumerate(old.parts)}
    new_numbers = {p.part for p in new.parts}
    for index, part in enumerate(new.parts):
        path = (*base, "parts", index)
        if part.part not in old_parts:
            yield Change(
                kind=ChangeKind.ADDED,
                what="part",
                where=json_pointer(path),
                recommendation=ref,
                part=part.part,
                new=to_dict(part),
            )
            continue
        previous: Part = old_parts[part.part][1]
        yield from _fields(
            previous,
            part,
            _PART_FIELDS,
            path,
            recommendation=ref,
            part=part.part,
            stated_on=stated_on,
        )
        yield from _updates(previous, part, path, recommendation=ref, part=part.part)
    for number, (index, part) in old_parts.items():
        if number not in new_numbers:
            yield Change(
                kind=ChangeKind.REMOVED,
                what="part",
                where=json_pointer((*base, "parts", index)),
                recommendation=ref,
                part=number,
                old=to_dict(part),
            )


def diff(old: ActionPlan, new: ActionPlan, *, catalogue: Catalogue | None = None) -> PlanDiff:
    """Every difference between two versions of one responder's plan, in the new one's order.

    Responses are matched by recommendation (a number and its slug match), actions by id within
    their response. Raises :class:`DiffError` if the responders differ.
    """
    if old.responder != new.responder:
        raise DiffError(
            f"can only compare two versions of the same plan; these are by {old.responder!r} "
            f"and {new.responder!r}"
        )
    cat = given_or_shipped(catalogue)

    def key(ref: int | str) -> int | str:
        found = cat.find(ref)
        return found.number if found is not None else ref

    stated_on = new.as_of or new.published
    stated = stated_on.isoformat() if stated_on else None
    changes = list(_fields(old, new, _PLAN_FIELDS, ()))
    if dict(old.extensions) != dict(new.extensions):
        changes.append(
            Change(
                kind=ChangeKind.CHANGED,
                what="extensions",
                where="/extensions",
                old=dict(old.extensions),
                new=dict(new.extensions),
            )
        )
    old_responses = {key(r.recommendation): (i, r) for i, r in enumerate(old.responses)}
    new_keys = {key(r.recommendation) for r in new.responses}
    for index, response in enumerate(new.responses):
        ref = key(response.recommendation)
        base = ("responses", index)
        if ref not in old_responses:
            changes.append(
                Change(
                    kind=ChangeKind.ADDED,
                    what="response",
                    where=json_pointer(base),
                    recommendation=ref,
                    new=to_dict(response),
                )
            )
            continue
        previous = old_responses[ref][1]
        changes += _fields(
            previous, response, _RESPONSE_FIELDS, base, recommendation=ref, stated_on=stated
        )
        changes += _updates(previous, response, base, recommendation=ref)
        changes += _parts(previous, response, base, ref, stated)
        changes += _actions(previous, response, base, ref, stated)
    for ref, (index, response) in old_responses.items():
        if ref not in new_keys:
            changes.append(
                Change(
                    kind=ChangeKind.REMOVED,
                    what="response",
                    where=json_pointer(("responses", index)),
                    recommendation=ref,
                    old=to_dict(response),
                )
            )
    return PlanDiff(responder=new.responder, changes=tuple(changes))
