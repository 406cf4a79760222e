"""Hypothesis strategies for every model class, producing only valid objects."""

import string

import pendulum
from hypothesis import strategies as st

import superplan as sp
from superplan.catalogue import CatalogueAmendments, RecommendationAmendment

text = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")
maybe_text = st.none() | text
slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
dates = st.dates(min_value=pendulum.date(2000, 1, 1), max_value=pendulum.date(2099, 12, 31)).map(
    sp.model.to_date
)
certainty = st.sampled_from(list(sp.Certainty))
known_certainty = st.sampled_from([c for c in sp.Certainty if c is not sp.Certainty.UNKNOWN])
numbers = st.integers(min_value=1, max_value=29)
json_scalars = st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=10)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(string.ascii_letters, max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


def tuples(strategy: st.SearchStrategy, max_size: int = 3) -> st.SearchStrategy:
    return st.lists(strategy, max_size=max_size).map(tuple)


sources = st.builds(sp.Source, id=slug, title=text, url=maybe_text, note=maybe_text)


def facts(values: st.SearchStrategy) -> st.SearchStrategy:
    unknown = st.builds(
        sp.Fact,
        certainty=st.just(sp.Certainty.UNKNOWN),
        sources=tuples(slug),
        note=maybe_text,
    )
    known = st.builds(
        sp.Fact,
        value=values,
        certainty=known_certainty,
        sources=tuples(slug),
        note=maybe_text,
        amended_by=maybe_text,
    )
    return unknown | known


reports = st.builds(
    sp.Report,
    title=text,
    published=dates,
    authors=tuples(slug),
    super_complainant=text,
    on_behalf_of=text,
    url=maybe_text,
    recommendation_count=st.integers(0, 50),
    sources=tuples(slug),
)
milestones = st.builds(
    sp.Milestone,
    slug=slug,
    title=text,
    offset_days=st.integers(1, 400),
    stated_date=dates,
    stated_as=facts(text),
    sources=tuples(slug),
) | st.builds(
    sp.Milestone,
    slug=slug,
    title=text,
    offset_months=st.integers(1, 24),
    stated_date=dates,
    stated_as=facts(text),
)
agencies = st.builds(
    sp.Agency,
    slug=slug,
    name=text,
    abbreviation=maybe_text,
    kind=st.sampled_from([k for k in sp.AgencyKind if k is not sp.AgencyKind.GROUP]),
    roles=tuples(st.sampled_from(list(sp.AgencyRole))),
    note=maybe_text,
) | st.builds(
    sp.Agency,
    slug=slug,
    name=text,
    kind=st.just(sp.AgencyKind.GROUP),
    members=st.sampled_from(list(sp.GroupMembers)),
    roles=tuples(st.sampled_from(list(sp.AgencyRole))),
)
forces = st.builds(
    sp.Force, slug=slug, name=text, name_cy=maybe_text, country=st.sampled_from(list(sp.Country))
)
numberings = st.builds(
    sp.Numbering,
    certainty=certainty,
    range=st.none() | st.tuples(numbers, numbers),
    sources=tuples(slug),
    note=maybe_text,
)
addressees = st.builds(
    sp.Addressee,
    agency=slug,
    certainty=certainty,
    sources=tuples(slug),
    note=maybe_text,
    amended_by=maybe_text,
)
recommendations = st.builds(
    sp.Recommendation,
    number=numbers,
    slug=slug,
    numbering=numberings,
    short_title=facts(text),
    addressees=tuples(addressees),
    addressees_note=maybe_text,
    deadline=facts(slug),
    wording=facts(tuples(text)),
    sub_points=facts(tuples(text)),
    themes=tuples(slug),
    related=tuples(numbers),
    notes=tuples(text),
)
responders = st.builds(
    sp.Responder,
    slug=slug,
    name=text,
    kind=st.sampled_from(list(sp.ResponderKind)),
    answers_as=tuples(slug),
)
months = st.builds(sp.PartialDate, year=st.integers(2000, 2099), month=st.integers(1, 12))
days = dates.map(sp.PartialDate.of)
partial_dates = months | days
maybe_partial = st.none() | partial_dates
langs = st.sampled_from(["cy", "en", "en-GB", "cy-Latn", "gd"])
maybe_lang = st.none() | langs
links = st.builds(sp.Link, title=maybe_text, url=text)
leads = st.builds(sp.Lead, role=text, name=maybe_text)
translations = st.builds(sp.Translation, lang=langs, narrative=text)
dues = st.builds(
    sp.Due, date=partial_dates, not_before=st.booleans(), reason=maybe_text
) | st.builds(sp.Due, milestone=slug, reason=maybe_text)
statuses = st.none() | st.sampled_from(list(sp.DeliveryStatus))


def _on_or_after(after: pendulum.Date | None) -> st.SearchStrategy:
    """Partial dates not surely before ``after`` (a month in its month is allowed)."""
    if after is None:
        return partial_dates
    later = st.dates(min_value=after, max_value=pendulum.date(2099, 12, 31))
    return later.map(sp.PartialDate.of) | later.map(lambda d: sp.PartialDate(d.year, d.month))


def updates(after: pendulum.Date | None = None) -> st.SearchStrategy:
    return st.builds(
        sp.ProgressUpdate,
        date=st.none() | _on_or_after(after),
        label=maybe_text,
        status=statuses,
        status_text=maybe_text,
        note=maybe_text,
        lang=maybe_lang,
    )


part_numbers = st.tuples(numbers, st.integers(1, 9)).map(lambda p: f"{p[0]}.{p[1]}")
parts = st.none() | part_numbers


def response_parts(after: pendulum.Date | None = None) -> st.SearchStrategy:
    return st.builds(
        sp.Part,
        part=part_numbers,
        requirement=maybe_text,
        owner=maybe_text,
        due=st.none() | dues,
        status=statuses,
        status_text=maybe_text,
        evidence=tuples(text),
        updates=tuples(updates(after), 1),
        links=tuples(links, 1),
    )


def actions(after: pendulum.Date | None = None) -> st.SearchStrategy:
    return st.builds(
        sp.Action,
        id=text,
        part=parts,
        description=text,
        owner=maybe_text,
        due=st.none() | dues,
        planned_completion=maybe_partial,
        actual_completion=maybe_partial,
        status=statuses,
        status_text=maybe_text,
        evidence=tuples(text),
        updates=tuples(updates(after)),
        links=tuples(links, 2),
        lang=maybe_lang,
    )


def responses(after: pendulum.Date | None = None) -> st.SearchStrategy:
    return st.builds(
        sp.Response,
        recommendation=numbers | slug,
        recommendation_as_quoted=maybe_text,
        acceptance=st.none() | st.sampled_from(list(sp.Acceptance)),
        acceptance_text=maybe_text,
        compliance=st.none() | st.sampled_from(list(sp.Compliance)),
        compliance_text=maybe_text,
        assessed_on=maybe_partial,
        owner=maybe_text,
        narrative=maybe_text,
        lang=maybe_lang,
        translations=tuples(translations, 2),
        status=statuses,
        status_text=maybe_text,
        parts=tuples(response_parts(after), 1),
        actions=tuples(actions(after), 2),
        updates=tuples(updates(after), 2),
        links=tuples(links, 2),
        transcription_note=maybe_text,
    )


@st.composite
def action_plans(draw: st.DrawFn) -> sp.ActionPlan:
    published = draw(st.none() | dates)
    as_of = None
    if published is not None and draw(st.booleans()):
        as_of = published.add(days=draw(st.integers(0, 900)))
    return sp.ActionPlan(
        schema=draw(st.none() | st.sampled_from(sp.schema_ids("action-plan"))),
        schema_version=draw(st.sampled_from(sp.model.SCHEMA_VERSIONS)),
        responder=draw(slug),
        title=draw(maybe_text),
        lang=draw(maybe_lang),
        published=published,
        as_of=as_of,
        source_url=draw(maybe_text),
        source_urls=draw(tuples(text, 2)),
        leads=draw(tuples(leads, 2)),
        links=draw(tuples(links, 2)),
        introduction=draw(tuples(text)),
        transcription_note=draw(maybe_text),
        responses=draw(tuples(responses(published), 2)),
        extensions=draw(st.dictionaries(st.text(max_size=8), json_values, max_size=3)),
    )


# -- schema 1.0 documents, as 1.0 wrote them: the keys and values 1.0 knew, nothing newer ------

_dates_1_0 = dates.map(lambda d: d.isoformat())
_maybe_1_0 = {"status": st.sampled_from([s.value for s in sp.DeliveryStatus])}


def _optional_keys(draw: st.DrawFn, required: dict, optional: dict) -> dict:
    document = dict(required)
    for key, strategy in optional.items():
        if draw(st.booleans()):
            document[key] = draw(strategy)
    return document


@st.composite
def updates_1_0(draw: st.DrawFn, after: pendulum.Date | None) -> dict:
    lower = after or pendulum.date(2000, 1, 1)
    day = draw(st.dates(min_value=lower, max_value=pendulum.date(2099, 12, 31)))
    return _optional_keys(
        draw,
        {"date": day.isoformat()},
        {"label": text, "status": _maybe_1_0["status"], "note": text},
    )


@st.composite
def actions_1_0(draw: st.DrawFn, after: pendulum.Date | None) -> dict:
    due = draw(
        st.fixed_dictionaries({"date": _dates_1_0}, optional={"reason": text})
        | st.fixed_dictionaries({"milestone": slug}, optional={"reason": text})
    )
    return _optional_keys(
        draw,
        {"id": draw(text), "description": draw(text)},
        {
            "part": part_numbers,
            "owner": text,
            "due": st.just(due),
            "status": _maybe_1_0["status"],
            "evidence": st.lists(text, min_size=1, max_size=2),
            "updates": st.lists(updates_1_0(after), min_size=1, max_size=2),
        },
    )


@st.composite
def responses_1_0(draw: st.DrawFn, after: pendulum.Date | None) -> dict:
    return _optional_keys(
        draw,
        {"recommendation": draw(numbers | slug)},
        {
            "acceptance": st.sampled_from([a.value for a in sp.Acceptance]),
            "compliance": st.sampled_from([c.value for c in sp.Compliance]),
            "narrative": text,
            "status": _maybe_1_0["status"],
            "actions": st.lists(actions_1_0(after), min_size=1, max_size=2),
            "updates": st.lists(updates_1_0(after), min_size=1, max_size=2),
            "transcription_note": text,
        },
    )


@st.composite
def documents_1_0(draw: st.DrawFn) -> dict:
    """A schema 1.0 action plan as JSON, as a 1.0 tool would have written it."""
    published = draw(st.none() | dates)
    document: dict = {}
    if draw(st.booleans()):
        document["$schema"] = "urn:superplan:schema:action-plan:1.0"
    document["schema_version"] = "1.0"
    document["responder"] = draw(slug)
    if published is not None:
        document["published"] = published.isoformat()
        if draw(st.booleans()):
            document["as_of"] = published.add(days=draw(st.integers(0, 900))).isoformat()
    return _optional_keys(
        draw,
        document,
        {
            "title": text,
            "source_url": text,
            "introduction": st.lists(text, min_size=1, max_size=2),
            "transcription_note": text,
            "responses": st.lists(responses_1_0(published), min_size=1, max_size=3),
            "extensions": st.dictionaries(st.text(max_size=8), json_values, min_size=1, max_size=2),
        },
    )


amendments = st.builds(
    CatalogueAmendments,
    schema=st.none() | text,
    sources=tuples(sources),
    recommendations=tuples(
        st.builds(
            RecommendationAmendment,
            recommendation=numbers | slug,
            source=slug,
            certainty=certainty,
            note=maybe_text,
            numbering=st.none() | certainty,
            short_title=maybe_text,
            addressees=st.none() | tuples(slug),
            deadline=st.none() | slug,
            wording=st.none() | tuples(text),
            sub_points=st.none() | tuples(text),
        )
    ),
)

#: Every model class with a strategy for it: the round-trip laws run over all of them.
EVERY_CLASS = {
    sp.Source: sources,
    sp.Fact[str]: facts(text),
    sp.Fact[tuple[str, ...]]: facts(tuples(text)),
    sp.Report: reports,
    sp.Milestone: milestones,
    sp.Agency: agencies,
    sp.Force: forces,
    sp.Numbering: numberings,
    sp.Addressee: addressees,
    sp.Recommendation: recommendations,
    sp.Responder: responders,
    sp.Due: dues,
    sp.Link: links,
    sp.Lead: leads,
    sp.Translation: translations,
    sp.Part: response_parts(),
    sp.ProgressUpdate: updates(),
    sp.Action: actions(),
    sp.Response: responses(),
    sp.ActionPlan: action_plans(),
    CatalogueAmendments: amendments,
}


#: Action plans holding only what schema 1.0 knew (for code not yet taught the 1.1 fields).
plans_1_0 = documents_1_0().map(sp.from_dict)
