"""Two versions of one plan compared, as an accessible page: per recommendation, what was added
or removed, statuses changed, and words changed marked with ``<del>`` and ``<ins>``."""

import difflib
import os
import re
from typing import Any

from ..catalogue import Catalogue, given_or_shipped
from ..model import ActionPlan, PartialDate
from ..progress import Change, ChangeKind, diff
from ._env import environment
from ._messages import Messages, messages
from ._views import plan_title

__all__ = ["render_diff_html", "word_segments"]

_WORDS = re.compile(r"\S+|\s+")
#: Fields whose values are named in the message catalogue's groups of labels.
_VALUE_GROUPS = {
    "status": "status_values",
    "acceptance": "acceptance_values",
    "compliance": "compliance_values",
}


def word_segments(old: str, new: str) -> list[tuple[str, str, str]]:
    """``old`` changed into ``new`` word by word: (``equal``/``change``, old text, new text)
    triples; changed words separated only by blanks are one change. Joined, the old texts
    give ``old`` and the new give ``new``."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    out: list[tuple[str, str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op != "equal" and len(out) >= 2 and out[-2][0] == "change" and not out[-1][1].strip():
            # a change, a blank, a change: one change
            _, blank, _ = out.pop()
            _, was, now = out.pop()
            before, after = was + blank + before, now + blank + after
        out.append(("equal" if op == "equal" else "change", before, after))
    return out


def _field(name: str, t: Messages) -> str:
    names = t.texts["field_names"]
    return str(names[name]) if name in names else name.replace("_", " ").capitalize()


def _words(value: Any, t: Messages, field: str | None = None) -> str:
    """Any value of a plan in plain words: never JSON."""
    if value is None or value == "" or value == [] or value == {}:
        # no status is "not stated", never "not started"
        return t("not_stated") if field in _VALUE_GROUPS else t("diff_empty_value")
    if isinstance(value, bool):
        return t("yes") if value else t("no")
    if isinstance(value, str):
        group = _VALUE_GROUPS.get(field or "")
        if group and value in t.texts[group]:
            return t.value(group, value)
        return _date_words(value, t)
    if isinstance(value, list):
        return "; ".join(_words(item, t, field) for item in value)
    if isinstance(value, dict):
        if "url" in value and "title" in value:
            return f"{value['title']} ({value['url']})"
        return "; ".join(f"{_field(k, t)}: {_words(v, t, k)}" for k, v in value.items())
    return str(value)


def _update_words(update: dict[str, Any], t: Messages) -> str:
    head = [t.date(update["date"]) if update.get("date") else t("diff_undated")]
    if update.get("label"):
        head.append(update["label"])
    if update.get("status"):
        head.append(_words(update["status"], t, "status"))
    return ", ".join(head) + (f": {update['note']}" if update.get("note") else "")


def _item(change: Change, t: Messages) -> dict[str, Any]:
    """One change as the template shows it: a lead-in, then words, a list or an old/new pair."""
    prefix = t("diff_action_prefix", id=change.action) if change.action is not None else ""
    item: dict[str, Any] = {
        "kind": str(change.kind),
        "what": change.what,
        "segments": None,
        "old": None,
        "new": None,
        "dated": None,
        "detail": [],
    }
    if change.what == "response":
        source = change.new if change.kind is ChangeKind.ADDED else change.old
        item["lead"] = t(f"diff_response_{change.kind}")
        item["detail"] = [
            _words(source.get("status"), t, "status") if source.get("status") else None,
            source.get("narrative"),
        ]
    elif change.what == "action":
        source = change.new if change.kind is ChangeKind.ADDED else change.old
        item["lead"] = t(f"diff_action_{change.kind}", id=change.action)
        item["detail"] = [source.get("description")]
    elif change.what == "update":
        source = change.new if change.kind is ChangeKind.ADDED else change.old
        item["lead"] = prefix + t(f"diff_update_{change.kind}")
        item["detail"] = [_update_words(source, t)]
    else:
        item["lead"] = prefix + _field(change.what, t)
        if isinstance(change.old, str) and isinstance(change.new, str) and change.words:
            item["segments"] = word_segments(change.old, change.new)
        else:
            item["old"] = _words(change.old, t, change.what)
            item["new"] = _words(change.new, t, change.what)
        if change.dated:
            item["dated"] = t("diff_dated", date=_date_words(change.dated, t))
    item["detail"] = [d for d in item.get("detail", []) if d]
    return item


def _version(plan: ActionPlan, name: str | None, t: Messages) -> str:
    parts = [name] if name else []
    parts.append(
        t("diff_published", date=t.date(plan.published))
        if plan.published is not None
        else t("diff_not_published")
    )
    if plan.as_of is not None:
        parts.append(t("diff_as_of", date=t.date(plan.as_of)))
    return ", ".join(parts)


def render_diff_html(
    old: ActionPlan,
    new: ActionPlan,
    *,
    catalogue: Catalogue | None = None,
    language: str | os.PathLike[str] | Messages = "en",
    names: tuple[str | None, str | None] = (None, None),
) -> str:
    """A page comparing two versions of one responder's plan (``names``: how to call them,
    e.g. their file names). Raises :class:`superplan.progress.DiffError` as :func:`diff` does."""
    from .._version import __version__

    cat = given_or_shipped(catalogue)
    t = language if isinstance(language, Messages) else messages(language)
    result = diff(old, new, catalogue=cat)
    groups: dict[int | str | None, list[dict[str, Any]]] = {}
    for change in result.changes:
        groups.setdefault(change.recommendation, []).append(_item(change, t))
    sections = []
    for ref, items in groups.items():
        if ref is None:
            heading, anchor = t("diff_plan"), "plan"
        else:
            rec = cat.find(ref)
            title = rec.title if rec is not None else str(ref)
            number = rec.number if rec is not None else ref
            heading = t("recommendation_heading", number=number, title=title)
            anchor = f"recommendation-{number}"
        sections.append({"heading": heading, "anchor": anchor, "changes": items})
    title = t("diff_title", title=plan_title(new, cat, t))
    return (
        environment("html")
        .get_template("diff.html.j2")
        .render(
            t=t,
            version=__version__,
            page_title=title,
            home=None,
            title=title,
            before=_version(old, names[0], t),
            after=_version(new, names[1], t),
            count=len(result.changes),
            sections=sections,
        )
    )


def _date_words(text: str, t: Messages) -> str:
    """A date as words at its own precision; any other text as it is."""
    try:
        return t.date(PartialDate.parse(text))
    except ValueError:
        return text
