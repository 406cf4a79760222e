"""Two versions of one plan compared, as an accessible page: per recommendation, what was added
or removed, statuses changed, and words changed marked with ``<del>`` and ``<ins>``."""

import os
from typing import Any

from ..catalogue import Catalogue, given_or_shipped
from ..model import ActionPlan
from ..progress import Change, ChangeKind, diff, word_segments as progress_words
from ._diff_summary import due_past_deadline, summary_by_kind
from ._env import environment
from ._messages import Messages, messages
from ._tags import status_tag
from ._views import plan_title

__all__ = ["render_diff_html", "word_segments"]

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
    out: list[tuple[str, str, str]] = []
    for op, before, after in progress_words(old, new):
        if op != "equal" and len(out) >= 2 and out[-2][0] == "change" and not out[-1][1].strip():
            # a change, a blank, a change: one change
            _, blank, _ = out.pop()
            _, was, now = out.pop()
            before, after = was + blank + before, now + blank + after
        out.append((op, before, after))
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


def _content(source: dict[str, Any], what: str, t: Messages) -> list[str]:
    """What a response, action or part added or removed says, in words: nothing is hidden."""
    lines: list[str] = []
    if source.get("status"):
        lines.append(f"{t('status')}: {_words(source['status'], t, 'status')}")
    for key in ("narrative", "description", "requirement"):
        if source.get(key):
            lines.append(str(source[key]))
    for key in ("owner", "due", "recommendation_as_quoted", "transcription_note"):
        if source.get(key):
            lines.append(f"{_field(key, t)}: {_words(source[key], t, key)}")
    if what == "response":
        for action in source.get("actions", ()):
            lines.append(
                t("diff_action_prefix", id=action.get("id", ""))
                + str(action.get("description", ""))
            )
    for update in source.get("updates", ()):
        lines.append(_update_words(update, t))
    return lines


def _item(change: Change, t: Messages, cat: Catalogue) -> dict[str, Any]:
    """One change as the template shows it: a lead-in, then words, a list, an old/new pair, or
    two status tags."""
    prefix = t("diff_action_prefix", id=change.action) if change.action is not None else ""
    item: dict[str, Any] = {
        "kind": str(change.kind),
        "what": change.what,
        "segments": None,
        "old": None,
        "new": None,
        "tags": None,
        "dated": None,
        "flag": None,
        "detail": [],
    }
    if change.what in ("response", "action", "part"):
        source = change.new if change.kind is ChangeKind.ADDED else change.old
        ident = change.action if change.what == "action" else change.part
        item["lead"] = t(f"diff_{change.what}_{change.kind}", id=ident)
        item["detail"] = _content(source or {}, change.what, t)
    elif change.what == "update":
        source = change.new if change.kind is ChangeKind.ADDED else change.old
        item["lead"] = prefix + t(f"diff_update_{change.kind}")
        item["detail"] = [_update_words(source, t)]
    else:
        item["lead"] = prefix + _field(change.what, t)
        if change.what == "status":
            # statuses as the tags the plan page shows, never as red and green diff colours
            item["tags"] = (
                status_tag(change.old, None, t),
                status_tag(change.new, None, t),
            )
        elif isinstance(change.old, str) and isinstance(change.new, str) and change.words:
            item["segments"] = word_segments(change.old, change.new)
        else:
            item["old"] = _words(change.old, t, change.what)
            item["new"] = _words(change.new, t, change.what)
        if change.dated:
            item["dated"] = t("diff_dated", date=_date_words(change.dated, t))
        past = due_past_deadline(change, cat)
        if past is not None:
            item["flag"] = t("diff_past_deadline", date=t.date(past))
    item["detail"] = [d for d in item["detail"] if d]
    return item


def _version(plan: ActionPlan, name: str | None, t: Messages) -> dict[str, str]:
    """A version named by its dates; its file name, if given, in small print."""
    if plan.published is None:
        published = t("diff_not_published")
        words = (
            t("diff_version_unpublished_as_of", date=t.date(plan.as_of))
            if plan.as_of is not None
            else published
        )
    else:
        published = t.date(plan.published)
        words = (
            t("diff_version_as_of", published=published, date=t.date(plan.as_of))
            if plan.as_of is not None
            else t("diff_version", published=published)
        )
    return {"words": words, "file": t("diff_file", name=name) if name else "", "date": published}


def render_diff_html(
    old: ActionPlan,
    new: ActionPlan,
    *,
    catalogue: Catalogue | None = None,
    language: str | os.PathLike[str] | Messages = "en",
    names: tuple[str | None, str | None] = (None, None),
) -> str:
    """A page comparing two versions of one responder's plan, named by their dates (``names``,
    e.g. their file names, are given in small print). Raises
    :class:`superplan.progress.DiffError` as :func:`diff` does."""
    from .._version import __version__

    cat = given_or_shipped(catalogue)
    t = language if isinstance(language, Messages) else messages(language)
    result = diff(old, new, catalogue=cat)
    groups: dict[int | str | None, list[dict[str, Any]]] = {}
    for change in result.changes:
        groups.setdefault(change.recommendation, []).append(_item(change, t, cat))
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
    before, after = _version(old, names[0], t), _version(new, names[1], t)
    count = t.count(
        "diff_count", len(result.changes), sections=t.count("diff_sections", len(sections))
    )
    return (
        environment("html")
        .get_template("diff.html.j2")
        .render(
            t=t,
            version=__version__,
            page_title=title,
            home=None,
            title=title,
            between=t("diff_between", before=before["date"], after=after["date"]),
            before=before,
            after=after,
            count=count if result.changes else "",
            summary=summary_by_kind(result.changes, t),
            sections=sections,
        )
    )


def _date_words(text: str, t: Messages) -> str:
    """A date as words at its own precision; any other text as it is."""
    return t.date(text)
