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
dues = st.builds(sp.Due, date=dates) | st.builds(sp.Due, milestone=slug)
statuses = st.none() | st.sampled_from(list(sp.ActionStatus))


def updates(after: pendulum.Date | None = None) -> st.SearchStrategy:
    lower = after or pendulum.date(2000, 1, 1)
    return st.builds(
        sp.ProgressUpdate,
        date=st.dates(min_value=lower, max_value=pendulum.date(2099, 12, 31)).map(sp.model.to_date),
        label=maybe_text,
        status=statuses,
        note=maybe_text,
    )


parts = st.none() | st.tuples(numbers, st.integers(1, 9)).map(lambda p: f"{p[0]}.{p[1]}")


def actions(after: pendulum.Date | None = None) -> st.SearchStrategy:
    return st.builds(
        sp.Action,
        id=text,
        part=parts,
        description=text,
        owner=maybe_text,
        due=st.none() | dues,
        status=statuses,
        evidence=tuples(text),
        updates=tuples(updates(after)),
    )


def responses(after: pendulum.Date | None = None) -> st.SearchStrategy:
    return st.builds(
        sp.Response,
        recommendation=numbers | slug,
        acceptance=st.none() | st.sampled_from(list(sp.Acceptance)),
        compliance=st.none() | st.sampled_from(list(sp.Compliance)),
        narrative=maybe_text,
        status=statuses,
        actions=tuples(actions(after), 2),
        updates=tuples(updates(after), 2),
        transcription_note=maybe_text,
    )


@st.composite
def action_plans(draw: st.DrawFn) -> sp.ActionPlan:
    published = draw(st.none() | dates)
    as_of = None
    if published is not None and draw(st.booleans()):
        as_of = published.add(days=draw(st.integers(0, 900)))
    return sp.ActionPlan(
        schema=draw(st.none() | st.just("urn:superplan:schema:action-plan:1.0")),
        responder=draw(slug),
        title=draw(maybe_text),
        published=published,
        as_of=as_of,
        source_url=draw(maybe_text),
        introduction=draw(tuples(text)),
        transcription_note=draw(maybe_text),
        responses=draw(tuples(responses(published), 3)),
        extensions=draw(st.dictionaries(st.text(max_size=8), json_values, max_size=3)),
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
    sp.ProgressUpdate: updates(),
    sp.Action: actions(),
    sp.Response: responses(),
    sp.ActionPlan: action_plans(),
    CatalogueAmendments: amendments,
}
