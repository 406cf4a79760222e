"""What a page shows, worked out once for both HTML and Markdown: plain values, already in words."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pendulum
from attrs import frozen

from ..catalogue import Catalogue
from ..errors import UnknownAgency
from ..model import ActionPlan, Link, Recommendation, Response
from ..progress import RecommendationProgress, gives_answer, status_as_of
from ..validation import web_address as safe_url  # the one test of a web address
from ._items import action_rows, links, part_rows, quote_differs, schedule_note
from ._messages import Messages
from ._tags import DELIVERY_COLOURS, SCHEDULE_COLOURS, schedule_tag, status_tag, timeline

__all__ = [
    "PlanView",
    "plan_title",
    "plan_view",
    "recommendation_view",
    "responder_name",
    "safe_url",
    "status_tag",
    "welsh_name",
]


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
    lang: str
    """The language of the plan's own text (title, introduction), when it is not English."""
    responder_cy: str
    leads: list[str]
    links: list[dict[str, str | None]]
    summary: list[dict[str, Any]]
    """How many of the recommendations addressed to the responder stand in each state."""
    schedule_summary: list[dict[str, Any]]
    """How many stand in each schedule state, as of the plan's date."""
    as_of: str
    introduction: list[str]
    note: list[str]
    about: list[str]
    """Plain-English notes on how the record was made (the sources of the wording)."""
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


def _lang(value: str | None) -> str:
    return value or ""


def _links(items: tuple[Link, ...], e: Escape) -> list[dict[str, str | None]]:
    return links(items, e, safe_url)


_NO_RESPONSE: dict[str, Any] = {
    "given": False,
    "status": None,
    "facts": [],
    "narrative": [],
    "lang": "",
    "translations": [],
    "quoted": [],
    "note": [],
    "links": [],
    "parts": [],
    "actions": [],
    "show_part": False,
    "timeline": [],
}


def _response_view(
    response: Response | None,
    rec: RecommendationProgress | None,
    day: dt.date | None,
    wording: list[str],
    cat: Catalogue,
    t: Messages,
    e: Escape,
) -> dict[str, Any]:
    """The response, its actions and parts (each with its due date, status, schedule and own
    updates) and the response's own updates."""
    if response is None:
        return _NO_RESPONSE
    facts: list[tuple[str, str, str]] = []
    if response.acceptance or response.acceptance_text:
        value = t.value("acceptance_values", response.acceptance) if response.acceptance else ""
        facts.append((t("acceptance"), value, response.acceptance_text or ""))
    if response.compliance or response.compliance_text:
        value = t.value("compliance_values", response.compliance) if response.compliance else ""
        if response.assessed_on is not None:
            value = t("assessed_on", assessment=value, date=t.date(response.assessed_on))
        facts.append((t("compliance"), value, response.compliance_text or ""))
    if response.owner:
        facts.append((t("lead"), response.owner, ""))
    actions = action_rows(response, rec, day, cat, t, e, safe_url)
    translations = [
        {
            "lang": translation.lang,
            "heading": e(t("translation_heading", language=_language_name(translation.lang, t))),
            "paragraphs": [e(p) for p in _paragraphs(translation.narrative)],
        }
        for translation in response.translations
    ]
    quoted = response.recommendation_as_quoted or ""
    return {
        "given": gives_answer(response),
        "status": status_tag(response.status, response.status_text, t, e),
        "facts": [(e(label), e(value), e(own)) for label, value, own in facts],
        "narrative": [e(p) for p in _paragraphs(response.narrative)],
        "lang": _lang(response.lang),
        "translations": translations,
        # The plan's quotation, only where it says something the report's wording does not
        "quoted": [e(p) for p in _paragraphs(quoted)]
        if quoted and (not wording or quote_differs(wording, quoted))
        else [],
        "note": [e(p) for p in _paragraphs(response.transcription_note)],
        "links": _links(response.links, e),
        "parts": part_rows(response, rec, day, t, e, safe_url, cat),
        "actions": actions,
        "show_part": any(a["part"] for a in actions),
        "timeline": timeline([("", response.updates)], t, e),
    }


def _language_name(tag: str, t: Messages) -> str:
    names = t.texts["language_names"]
    return str(names.get(tag.split("-")[0].lower(), tag))


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


_END_OF_TIME = pendulum.date(9999, 12, 31)


def _wording(rec: Recommendation) -> list[str]:
    return list(rec.wording.value or ())


def _standing(
    rec: RecommendationProgress, day: dt.date | None, t: Messages, e: Escape
) -> dict[str, Any]:
    """Where a recommendation stands, from superplan.progress: its delivery as stated (or no
    status stated, or not answered), and its schedule state as of the plan's date (none where
    the plan has no date)."""
    delivery = str(rec.delivery) if rec.answered else "unanswered"
    standing: dict[str, Any] = {
        "delivery": delivery,
        "delivery_tag": status_tag(delivery, rec.status_text, t, e),
        "delivery_from": e(t("delivery_from_actions")) if rec.delivery_from == "actions" else "",
        "schedule": str(rec.schedule) if day is not None else None,
        "schedule_tag": None,
        "schedule_note": e(t("schedule_no_date")),
    }
    if day is not None:
        note = t("schedule_as_of", date=t.date(day))
        uncertain = schedule_note(rec, t, _same)
        standing["schedule_tag"] = schedule_tag(str(rec.schedule), t, e)
        standing["schedule_note"] = e(note + ("; " + uncertain if uncertain else ""))
    return standing


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
    day = plan.as_of or plan.published
    # With no date on the plan, every statement counts and no schedule is shown.
    progress = status_as_of(plan, day or _END_OF_TIME, catalogue=cat)
    sections = []
    for rec in addressed:
        given = answered.get(rec.number)
        sections.append(
            {
                **recommendation_view(rec, cat, t, e),
                "response": _response_view(
                    given, progress.recommendation(rec.number), day, _wording(rec), cat, t, e
                ),
                "not_addressed": None,
                **_standing(progress.recommendation(rec.number), day, t, e),
            }
        )
    addressed_numbers = {rec.number for rec in addressed}
    others = [
        {
            **recommendation_view(cat.recommendation(number), cat, t, e),
            "response": _response_view(
                response,
                progress.recommendation(number),
                day,
                _wording(cat.recommendation(number)),
                cat,
                t,
                e,
            ),
            "not_addressed": e(t("not_addressed_note", responder=name)),
            **_standing(progress.recommendation(number), day, t, e),
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
    for url in (plan.source_url, *plan.source_urls):
        if url:
            meta.append((e(t("source")), e(url), safe_url(url)))
    leads = [
        e(t("lead_named", role=lead.role, name=lead.name) if lead.name else lead.role)
        for lead in plan.leads
    ]
    return PlanView(
        title=e(plan_title(plan, cat, t)),
        responder=e(name),
        meta=meta,
        lang=_lang(plan.lang),
        responder_cy=e(welsh_name(plan.responder, cat) or ""),
        leads=leads,
        links=_links(plan.links, e),
        summary=_summary(sections, t, e),
        schedule_summary=_schedule_summary(sections, t, e),
        as_of=e(t.date(day)) if day is not None else "",
        introduction=[e(p) for p in plan.introduction],
        note=[e(p) for p in _paragraphs(plan.transcription_note)],
        about=_about(sections, others, cat, t, e),
        sections=sections,
        other_sections=others,
    )


def _about(
    sections: list[dict[str, Any]],
    others: list[dict[str, Any]],
    cat: Catalogue,
    t: Messages,
    e: Escape,
) -> list[str]:
    """Where the wording shown comes from, said once for the page."""
    cited: list[str] = []
    for section in [*sections, *others]:
        rec = cat.recommendation(section["number"])
        for source in rec.wording.sources if rec.wording.value else ():
            if source not in cited:
                cited.append(source)
    if not cited:
        return []
    return [e(t("about_wording", sources=", ".join(cat.source(s).title for s in cited)))]


#: The order the summary counts states in; "unanswered" is a recommendation with no response.
_SUMMARY_ORDER = (*DELIVERY_COLOURS, "not-stated", "unanswered")


def _glance(
    sections: list[dict[str, Any]], key: str, order: tuple[str, ...]
) -> dict[str, list[dict[str, Any]]]:
    """The sections in each state of ``key``, in ``order``: how many, and which."""
    found: dict[str, list[dict[str, Any]]] = {}
    for section in sections:
        if section[key] is not None:
            found.setdefault(section[key], []).append(
                {"number": section["number"], "anchor": section["anchor"]}
            )
    return {state: found[state] for state in order if state in found}


def _summary(sections: list[dict[str, Any]], t: Messages, e: Escape) -> list[dict[str, Any]]:
    return [
        {
            "tag": status_tag(state, None, t, e),
            "count": e(t.count("count_recommendations", len(which))),
            "which": which,
        }
        for state, which in _glance(sections, "delivery", _SUMMARY_ORDER).items()
    ]


def _schedule_summary(
    sections: list[dict[str, Any]], t: Messages, e: Escape
) -> list[dict[str, Any]]:
    answered = [section for section in sections if section["delivery"] != "unanswered"]
    return [
        {
            "tag": schedule_tag(state, t, e),
            "count": e(t.count("count_recommendations", len(which))),
            "which": which,
        }
        for state, which in _glance(answered, "schedule", tuple(SCHEDULE_COLOURS)).items()
    ]
