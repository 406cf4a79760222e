"""What a page shows, worked out once for both HTML and Markdown: plain values, already in words."""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from attrs import frozen

from ..catalogue import Catalogue
from ..errors import UnknownAgency
from ..model import Action, ActionPlan, ProgressUpdate, Recommendation, Response
from ._messages import Messages

__all__ = [
    "PlanView",
    "plan_title",
    "plan_view",
    "recommendation_view",
    "responder_name",
    "safe_url",
    "welsh_name",
]


def safe_url(url: str | None) -> str | None:
    """The URL if it is a web address to link to; None for anything else (javascript: and so on)."""
    if not url or any(c.isspace() or not c.isprintable() for c in url.strip()):
        return None
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 -- a bad port ("http://x:y") raises only when it is read
    except ValueError:  # "http://[::1": validation accepts it as text, so it is shown as text
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _paragraphs(text: str | None) -> list[str]:
    if not text:
        return []
    return [part.strip() for part in text.split("\n\n") if part.strip()]


@frozen
class PlanView:
    title: str
    responder: str
    meta: list[tuple[str, str, str | None]]
    """(label, text, link) rows describing the plan."""
    introduction: list[str]
    note: list[str]
    sections: list[dict[str, Any]]
    other_sections: list[dict[str, Any]]


Escape = Callable[[str], str]


def _same(text: str) -> str:
    return text


def recommendation_view(
    rec: Recommendation, cat: Catalogue, t: Messages, e: Escape = _same
) -> dict[str, Any]:
    """The recommendation as the catalogue knows it, in words (each text passed through ``e``)."""
    deadline_date = cat.deadline(rec.number)
    if deadline_date is not None and rec.deadline.value is not None:
        milestone = cat.milestone(rec.deadline.value)
        deadline = t(
            "deadline_value", date=t.date(deadline_date), milestone=milestone.title.lower()
        )
    else:
        deadline = t("deadline_unknown")
    addressees = [
        cat.agency(a.agency).name + (" " + t("inferred_mark") if a.certainty == "inferred" else "")
        for a in rec.addressees
    ]
    wording = list(rec.wording.value or ())
    sub_points = [e(point) for point in rec.sub_points.value or ()]
    return {
        "number": rec.number,
        "slug": rec.slug,
        "anchor": f"recommendation-{rec.number}",
        "heading": e(t("recommendation_heading", number=rec.number, title=rec.title)),
        "deadline": e(deadline),
        "addressees": e(", ".join(addressees) if addressees else t("addressees_unknown")),
        "wording": [e(paragraph) for paragraph in wording],
        "wording_blocks": _wording_blocks(wording, held_list=bool(sub_points), e=e),
        "wording_known": bool(wording),
        "wording_sources": e(", ".join(cat.source(s).title for s in rec.wording.sources)),
        "sub_points": sub_points,
    }


def _wording_blocks(wording: list[str], *, held_list: bool, e: Escape) -> list[dict[str, Any]]:
    """The quoted wording, cut after each paragraph that opens a list ("so it:") which the
    catalogue does not hold, so that the page can say so there instead of stopping short."""
    blocks: list[dict[str, Any]] = []
    current: list[str] = []
    for paragraph in wording:
        current.append(e(paragraph))
        if not held_list and paragraph.rstrip().endswith(":"):
            blocks.append({"paragraphs": current, "list_not_held": True})
            current = []
    if current or not blocks:
        blocks.append({"paragraphs": current, "list_not_held": False})
    return blocks


def _update_rows(
    updates: tuple[ProgressUpdate, ...], t: Messages, e: Escape
) -> list[dict[str, str]]:
    return [
        {
            "date": e(t.date(update.date)),
            "label": e(update.label or ""),
            "status": e(t.value("status_values", update.status)) if update.status else "",
            "note": e(update.note or ""),
        }
        for update in updates
    ]


def _due(action: Action, cat: Catalogue, t: Messages) -> str:
    if action.due is None:
        return ""
    if action.due.date is not None:
        text = t.date(action.due.date)
    else:
        slug = action.due.milestone or ""
        date = cat.milestone_date(slug)
        if date is None:
            text = slug
        else:
            milestone = cat.milestone(slug).title.lower()
            text = t("deadline_value", date=t.date(date), milestone=milestone)
    return text + (f" ({action.due.reason})" if action.due.reason else "")


def _response_view(
    response: Response | None, cat: Catalogue, t: Messages, e: Escape
) -> dict[str, Any]:
    if response is None:
        return {
            "given": False,
            "facts": [],
            "narrative": [],
            "note": [],
            "actions": [],
            "show_part": False,
            "updates": [],
        }
    facts = []
    if response.acceptance:
        facts.append((t("acceptance"), t.value("acceptance_values", response.acceptance)))
    if response.compliance:
        facts.append((t("compliance"), t.value("compliance_values", response.compliance)))
    if response.status:
        facts.append((t("status"), t.value("status_values", response.status)))
    actions = [
        {
            "id": e(action.id),
            "part": e(action.part or ""),
            "description": e(action.description),
            "owner": e(action.owner or ""),
            "due": e(_due(action, cat, t)),
            "status": e(t.value("status_values", action.status)) if action.status else "",
            "evidence": [e(item) for item in action.evidence],
            "updates": _update_rows(action.updates, t, e),
            "updates_caption": e(t("action_updates_caption", id=action.id)),
        }
        for action in response.actions
    ]
    return {
        "given": bool(response.narrative or response.actions or response.updates or facts),
        "facts": [(e(label), e(value)) for label, value in facts],
        "narrative": [e(p) for p in _paragraphs(response.narrative)],
        "note": [e(p) for p in _paragraphs(response.transcription_note)],
        "actions": actions,
        "show_part": any(a["part"] for a in actions),
        "updates": _update_rows(response.updates, t, e),
    }


def responder_name(plan: ActionPlan, cat: Catalogue) -> str:
    """The responder's name, or its slug where the catalogue does not know it."""
    try:
        return cat.responder(plan.responder).name
    except UnknownAgency:
        return plan.responder


def welsh_name(slug: str, cat: Catalogue) -> str | None:
    """A Welsh force's name in Welsh (shown beside its English name, marked ``lang="cy"``)."""
    return next((force.name_cy for force in cat.forces if force.slug == slug), None)


def plan_title(plan: ActionPlan, cat: Catalogue, t: Messages) -> str:
    """The plan's own title, or one made from its responder's name."""
    return plan.title or t("plan_title", responder=responder_name(plan, cat))


def plan_view(plan: ActionPlan, cat: Catalogue, t: Messages, e: Escape = _same) -> PlanView:
    """Everything a plan's page shows, in the order it shows it; submitted text through ``e``."""
    name = responder_name(plan, cat)
    try:
        addressed = list(cat.addressed_to(plan.responder))
    except UnknownAgency:
        addressed = []
    answered: dict[int, Response] = {}
    for response in plan.responses:
        rec = cat.find(response.recommendation)
        if rec is not None:
            answered.setdefault(rec.number, response)
    sections = []
    for rec in addressed:
        shown = _response_view(answered.get(rec.number), cat, t, e)
        sections.append(
            {**recommendation_view(rec, cat, t, e), "response": shown, "not_addressed": None}
        )
    addressed_numbers = {rec.number for rec in addressed}
    others = [
        {
            **recommendation_view(cat.recommendation(number), cat, t, e),
            "response": _response_view(response, cat, t, e),
            "not_addressed": e(t("not_addressed_note", responder=name)),
        }
        for number, response in sorted(answered.items())
        if number not in addressed_numbers
    ]
    meta: list[tuple[str, str, str | None]] = [
        (e(t("responder")), e(name), None),
        (e(t("published")), e(t.date(plan.published)), None),
    ]
    if plan.as_of is not None:
        meta.append((e(t("as_of")), e(t.date(plan.as_of)), None))
    if plan.source_url:
        meta.append((e(t("source")), e(plan.source_url), safe_url(plan.source_url)))
    return PlanView(
        title=e(plan_title(plan, cat, t)),
        responder=e(name),
        meta=meta,
        introduction=[e(p) for p in plan.introduction],
        note=[e(p) for p in _paragraphs(plan.transcription_note)],
        sections=sections,
        other_sections=others,
    )
