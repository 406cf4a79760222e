"""Every finding code, as data: code, severity, title, message, hint, examples and its check.

``superplan rules`` lists this table and ``docs/rules.md`` is rendered from it, so the code and its
documentation cannot drift apart. Codes are stable: a code is never reused for another meaning.

- SP0xx: the input could not be read as a JSON object;
- SP1xx: the document does not have the shape the schema gives;
- SP2xx: the document disagrees with the catalogue, or with itself.
"""

from collections.abc import Callable, Iterator
from typing import Any

import pendulum
from attrs import frozen

from .._shape import MESSAGES as SHAPE_MESSAGES
from .._words import one_of, whole_number
from ..model import SCHEMA_VERSIONS, ActionStatus, PartialDate, to_date
from ._context import DATE, Context, Path
from ._findings import Finding, Severity

__all__ = ["RULES", "Hit", "Rule", "rule"]

Hit = tuple[Path, dict[str, Any]]
"""Where a rule found something, and the values its message needs."""

Check = Callable[[Context], Iterator[Hit]]

_UNSEEN: Any = object()


@frozen(kw_only=True)
class Rule:
    """One finding code."""

    code: str
    """The finding code, such as ``SP205``."""
    name: str
    """A name for the code, such as ``missing-response`` (``superplan rules`` takes either)."""
    severity: Severity
    """Error or warning."""
    title: str
    """What the code means, in a few words."""
    message: str
    """A template for the message; its fields come from the check."""
    hint: str
    """What to do about it, in a sentence."""
    check: Check | None = None
    """The catalogue check; None for codes that the reading and schema layers raise."""
    model_refuses: bool = False
    """The model refuses what this check finds, so it cannot fire on a document the model has
    structured: then it is not run."""
    bad: Any = None
    """An example document with the problem (a JSON value, or raw text as a ``str``)."""
    fixed: Any = None
    """The same example, fixed."""

    def finding(
        self,
        pointer: str,
        *,
        line: int | None = None,
        column: int | None = None,
        **params: Any,
    ) -> Finding:
        """A finding of this code at ``pointer``, its message and hint filled in from ``params``."""
        return Finding(
            code=self.code,
            severity=self.severity,
            title=self.title,
            pointer=pointer,
            message=self.message.format(**params),
            hint=self.hint.format(**params),
            line=line,
            column=column,
        )


def _date(text: Any) -> pendulum.Date | None:
    """The date ``text`` writes, or None if it is not a well-formed date in the calendar."""
    if not isinstance(text, str):
        return None
    try:
        return to_date(text)
    except ValueError:
        return None


# -- catalogue and consistency checks ---------------------------------------------------------


def _check_schema_version(ctx: Context) -> Iterator[Hit]:
    version = ctx.data.get("schema_version")
    if isinstance(version, str) and version not in SCHEMA_VERSIONS:
        yield ("schema_version",), {"version": version, "known": one_of(SCHEMA_VERSIONS)}


def _check_schema_id(ctx: Context) -> Iterator[Hit]:
    from .._schema import schema_id, schema_ids

    named = ctx.data.get("$schema")
    expected = schema_id("action-plan")
    # A path or URL of the schema's file, as editors are given it, names the same schema.
    if (
        isinstance(named, str)
        and named not in schema_ids("action-plan")
        and not _names_schema_file(named)
    ):
        yield ("$schema",), {"named": named, "expected": expected}


def _names_schema_file(named: str) -> bool:
    return named.replace("\\", "/").rsplit("/", 1)[-1] == "action-plan.schema.json"


def _check_responder(ctx: Context) -> Iterator[Hit]:
    slug = ctx.data.get("responder")
    if isinstance(slug, str) and ctx.responder is None:
        import difflib

        close = difflib.get_close_matches(slug, [r.slug for r in ctx.catalogue.responders], n=2)
        suggestion = f"; did you mean {one_of(close)}?" if close else ""
        yield ("responder",), {"slug": slug, "suggestion": suggestion}


def _check_recommendation_exists(ctx: Context) -> Iterator[Hit]:
    for path, response in ctx.unknown_recommendations:
        ref = response.get("recommendation")
        well_typed = isinstance(ref, int | str) and not isinstance(ref, bool)
        if well_typed and ctx.recommendation(ref) is None:
            yield (*path, "recommendation"), {"ref": ref}


def _check_number_as_text(ctx: Context) -> Iterator[Hit]:
    for path, response, _ in ctx.response_recommendations:
        ref = response.get("recommendation")
        number = whole_number(ref) if isinstance(ref, str) else None
        if number is not None:
            yield (*path, "recommendation"), {"ref": ref, "number": number}


def _check_addressed(ctx: Context) -> Iterator[Hit]:
    responder = ctx.responder
    if responder is None:
        return
    for path, _, rec in ctx.unanswered:
        if not rec.addressees:
            continue  # unknown addressees cannot be checked
        names = [ctx.catalogue.agency(slug).name.lower() for slug in rec.addressee_slugs]
        yield (
            (*path, "recommendation"),
            {
                "number": rec.number,
                "responder": responder.name,
                "addressees": ", ".join(names),
            },
        )


def _check_not_addressed_inferred(ctx: Context) -> Iterator[Hit]:
    responder = ctx.responder
    if responder is None:
        return
    for path, _, rec in ctx.unanswered:
        if not rec.not_addressed_to:
            continue  # SP204 speaks for known addressees
        for fact in rec.not_addressed_to:
            if fact.agency in responder.answers_as:
                confirmed = fact.certainty == "confirmed"
                yield (
                    (*path, "recommendation"),
                    {
                        "number": rec.number,
                        "probably": "" if confirmed else "probably ",
                        "agency": ctx.catalogue.agency(fact.agency).name.lower(),
                        "responder": responder.name,
                        "certainty": fact.certainty
                        if confirmed
                        else f"{fact.certainty}, not confirmed",
                        "sources": ", ".join(fact.sources),
                    },
                )
                break


def _check_renumbered(ctx: Context) -> Iterator[Hit]:
    moved = ctx.catalogue.moved_numbers()
    if not moved:
        return
    for path, response in ctx.responses():
        ref = response.get("recommendation")
        if isinstance(ref, str) and (number := whole_number(ref)) is not None:
            ref = number
        if not isinstance(ref, int) or isinstance(ref, bool) or ref not in moved:
            continue
        was = moved[ref]
        now = ctx.recommendation(ref)
        yield (
            (*path, "recommendation"),
            {
                "number": ref,
                "was": was.slug,
                "moved_to": was.number,
                "now": now.slug if now is not None else "nothing",
                "file": was.numbering.amended_by or "an amendment file",
            },
        )


def _check_missing_responses(ctx: Context) -> Iterator[Hit]:
    responder = ctx.responder
    if responder is None:
        return
    answered = {rec.number for _, _, rec in ctx.response_recommendations}
    for rec in ctx.catalogue.addressed_to(responder.slug):
        if rec.number not in answered:
            yield (
                ("responses",),
                {"number": rec.number, "title": rec.title, "responder": responder.name},
            )


def _check_duplicate_responses(ctx: Context) -> Iterator[Hit]:
    first: dict[int, Path] = {}
    for path, _, rec in ctx.response_recommendations:
        if rec.number in first:
            where = ctx.pointer(first[rec.number])
            yield (*path, "recommendation"), {"number": rec.number, "first": where}
        else:
            first[rec.number] = path


def _check_duplicate_action_ids(ctx: Context) -> Iterator[Hit]:
    ids = [action.get("id") for action in ctx.action_objects]
    try:
        if len(set(ids)) == len(ids):
            return  # no two alike, text or not: the usual plan
    except TypeError:  # an id that is a list or an object
        pass
    first: dict[str, int] = {}
    for index, action_id in enumerate(ids):
        if not isinstance(action_id, str):
            continue
        if action_id in first:
            where = ctx.pointer(ctx.action_path(first[action_id]))
            yield (*ctx.action_path(index), "id"), {"id": action_id, "first": where}
        else:
            first[action_id] = index


def _check_milestones(ctx: Context) -> Iterator[Hit]:
    known = [m.slug for m in ctx.catalogue.milestones]
    slugs = frozenset(known)
    dues = ctx.dues
    try:
        written = {due.get("milestone") for due in dues if due is not None}
    except TypeError:  # a milestone that is a list or an object
        pass
    else:
        written.discard(None)
        if written <= slugs:
            return  # every milestone named is known: the usual plan
    for index, due in enumerate(dues):
        if due is not None:
            slug = due.get("milestone")
            if isinstance(slug, str) and slug not in slugs:
                path = (*ctx.action_path(index), "due", "milestone")
                yield path, {"slug": slug, "known": one_of(known)}


def _check_parts(ctx: Context) -> Iterator[Hit]:
    actions = ctx.action_objects
    heads: dict[str, int | None] = {}  # a plan names the same few parts many times
    for rec, places in ctx.recommendation_spans:
        number = rec.number
        own = f"{number}."  # a part of this recommendation: nothing to judge
        for place in places:
            part = actions[place].get("part")
            if part is None or (part.__class__ is str and part.startswith(own)):
                continue
            if not isinstance(part, str) or "." not in part:
                continue
            try:
                head = heads[part]
            except KeyError:
                head = heads[part] = whole_number(part.split(".", 1)[0])
            if head is not None and head != number:
                yield (*ctx.action_path(place), "part"), {"part": part, "number": number}


def _check_calendar(ctx: Context) -> Iterator[Hit]:
    for path, text in ctx.impossible_dates():
        if DATE.fullmatch(text):
            yield path, {"date": text}


def _check_as_of(ctx: Context) -> Iterator[Hit]:
    published, as_of = _date(ctx.data.get("published")), _date(ctx.data.get("as_of"))
    if published is not None and as_of is not None and as_of < published:
        yield ("as_of",), {"as_of": as_of, "published": published}


def _check_updates_after_publication(ctx: Context) -> Iterator[Hit]:
    published = _date(ctx.data.get("published"))
    span = ctx.update_span
    if published is None or span is None or span[0] >= published:
        return  # no update date ends before publication
    for index, date in enumerate(ctx.update_dates):
        # Only a date surely before: a month-precision update in the month of publication is
        # not before it.
        if date.surely_before(published):
            yield (*ctx.update_path(index), "date"), {"date": date, "published": published}


def _check_update_order(ctx: Context) -> Iterator[Hit]:
    dates = ctx.update_dates
    # Each date against the one before it, all at once; a list's first date follows another
    # list's last, so those pairs do not count.
    surely_before = list(map(PartialDate.surely_before, dates[1:], dates))
    for start in ctx.update_starts[1:]:
        surely_before[start - 1] = False
    if not any(surely_before):
        return  # every list in order: the usual plan
    for place, earlier in enumerate(surely_before, 1):
        if earlier:
            path = (*ctx.update_path(place), "date")
            yield path, {"date": dates[place], "previous": dates[place - 1]}


def _check_updates_after_as_of(ctx: Context) -> Iterator[Hit]:
    as_of = _date(ctx.data.get("as_of"))
    span = ctx.update_span
    if as_of is None or span is None or span[1] <= as_of:
        return  # no update date starts after as_of
    for index, date in enumerate(ctx.update_dates):
        if date.surely_after(as_of):
            yield (*ctx.update_path(index), "date"), {"date": date, "as_of": as_of}


def _check_late_due_dates(ctx: Context) -> Iterator[Hit]:
    milestone, partial, dues = ctx.milestone, ctx.partial, ctx.dues
    # Plans give the same few due dates many times: each is judged once against each
    # recommendation's deadline, by (milestone, date).
    judged: dict[int, dict[tuple[Any, Any], Any]] = {}
    for rec, places in ctx.recommendation_spans:
        deadline = milestone(rec.deadline.value)
        if deadline is None:
            continue
        number = rec.number
        late = judged.setdefault(number, {})
        for place in places:
            due = dues[place]
            if due is None or due.get("reason"):
                continue  # a due date given with a reason is late on purpose
            key = due.get("milestone"), due.get("date")
            try:
                date = late.get(key, _UNSEEN)  # (not late[key]: a KeyError costs far more)
            except TypeError:  # an unhashable value where a slug or date goes: not judged here
                continue
            if date is _UNSEEN:
                date = milestone(key[0]) or partial(key[1])
                if date is not None and not date.surely_after(deadline):
                    date = None
                late[key] = date
            if date is not None:
                yield (
                    (*ctx.action_path(place), "due"),
                    {"due": date, "number": number, "deadline": deadline.exact or deadline},
                )


def _check_complete_without_evidence(ctx: Context) -> Iterator[Hit]:
    for place, action in enumerate(ctx.action_objects):
        if action.get("status") == ActionStatus.COMPLETE and not (
            action.get("evidence") or action.get("updates")
        ):
            yield (*ctx.action_path(place), "status"), {}


def _check_expected_responder(ctx: Context) -> Iterator[Hit]:
    expected = ctx.expected
    slug = ctx.data.get("responder")
    if expected is None or not isinstance(slug, str) or slug == expected:
        return
    yield ("responder",), {"slug": slug, "expected": expected}


#: What a response may hold without stating anything: which recommendation it answers, how the
#: report words it, and the language it is written in.
_SAYS_NOTHING = frozenset({"recommendation", "recommendation_as_quoted", "lang"})


def _check_empty_responses(ctx: Context) -> Iterator[Hit]:
    for path, response, rec in ctx.response_recommendations:
        if not any(
            value not in (None, "", [], {})
            for key, value in response.items()
            if key not in _SAYS_NOTHING
        ):
            yield path, {"number": rec.number, "title": rec.title}


# -- the table --------------------------------------------------------------------------------

_PLAN = {"$schema": "urn:superplan:schema:action-plan:1.0", "schema_version": "1.0"}


def _plan(**fields: Any) -> dict[str, Any]:
    return {**_PLAN, "responder": "kent", **fields}


def _answer(**response: Any) -> dict[str, Any]:
    """A plan answering recommendation 7 with ``response``."""
    return _plan(responses=[{"recommendation": 7, **response}])


def _act(**action: Any) -> dict[str, Any]:
    """A plan answering recommendation 7 with one action."""
    return _answer(actions=[{"id": "7-1", "description": "D.", **action}])


_E, _W = Severity.ERROR, Severity.WARNING

RULES: tuple[Rule, ...] = (
    Rule(
        code="SP001",
        name="unreadable-file",
        severity=_E,
        title="File cannot be read",
        message="{reason}",
        hint="Check the path, and that the file exists and can be read.",
    ),
    Rule(
        code="SP002",
        name="too-large",
        severity=_E,
        title="Input too large",
        message="{message}",
        hint="Split the plan, or raise the limit (max_bytes, or --max-bytes) if it is genuine.",
    ),
    Rule(
        code="SP003",
        name="not-utf8",
        severity=_E,
        title="Not UTF-8 text",
        message="{message}",
        hint="Save the file as UTF-8 (most editors offer it under 'Save as' or 'Encoding').",
        bad=b'{"responder": "k\xe9nt"}',
        fixed='{"responder": "kent"}',
    ),
    Rule(
        code="SP004",
        name="empty",
        severity=_E,
        title="Empty input",
        message="the input is empty; expected a JSON object",
        hint='Write the plan as one JSON object, with at least a "responder".',
        bad="",
        fixed='{"responder": "kent"}',
    ),
    Rule(
        code="SP005",
        name="not-json",
        severity=_E,
        title="Not valid JSON",
        message="{message}",
        hint="Fix the JSON at the line and column given; a trailing comma or a missing quote is usual.",
        bad='{"responder": "kent",}',
        fixed='{"responder": "kent"}',
    ),
    Rule(
        code="SP006",
        name="duplicate-key",
        severity=_E,
        title="Key given twice",
        message="{message}",
        hint="Keep one of the two; JSON readers disagree on which one wins.",
        bad='{"responder": "kent", "responder": "essex"}',
        fixed='{"responder": "kent"}',
    ),
    Rule(
        code="SP007",
        name="not-a-number",
        severity=_E,
        title="NaN or Infinity",
        message="{message}",
        hint="JSON has no NaN or Infinity; write a number, or leave the key out.",
        bad='{"responder": "kent", "extensions": {"score": NaN}}',
        fixed='{"responder": "kent", "extensions": {"score": 0.5}}',
    ),
    Rule(
        code="SP008",
        name="too-deep",
        severity=_E,
        title="Nested too deeply",
        message="the document is nested more than {limit} levels deep",
        hint="An action plan needs only a few levels; look for runaway brackets.",
    ),
    Rule(
        code="SP009",
        name="not-an-object",
        severity=_E,
        title="Not a JSON object",
        message="expected a JSON object at the top level, got {got}",
        hint="Put the plan in one object; to check several plans, give several files.",
        bad=[{"responder": "kent"}],
        fixed={"responder": "kent"},
    ),
    Rule(
        code="SP010",
        name="lone-surrogate",
        severity=_E,
        title="Half a character",
        message="{message}",
        hint="A \\ud800-\\udfff escape must come in a pair that makes one character; remove "
        "the stray half, or write the character itself.",
        bad='{"responder": "kent", "title": "Plan \\ud800"}',
        fixed='{"responder": "kent", "title": "Plan"}',
    ),
    Rule(
        code="SP011",
        name="inexact-number",
        severity=_E,
        title="Number cannot be kept exactly",
        message="{message}",
        hint="Numbers are kept as 64-bit floats or whole numbers of up to 4300 digits; put a "
        "number that needs more in quotes, as text.",
        bad='{"responder": "kent", "extensions": {"budget": 1e400}}',
        fixed='{"responder": "kent", "extensions": {"budget": "1e400"}}',
    ),
    Rule(
        code="SP101",
        name="missing-key",
        severity=_E,
        title="Required key missing",
        message=SHAPE_MESSAGES["SP101"],
        hint="Add the key; the schema reference says what it holds.",
        bad=_plan(responses=[{"narrative": "We accept this recommendation."}]),
        fixed=_plan(
            responses=[{"recommendation": 7, "narrative": "We accept this recommendation."}]
        ),
    ),
    Rule(
        code="SP102",
        name="unknown-key",
        severity=_E,
        title="Unknown key",
        message=SHAPE_MESSAGES["SP102"],
        hint="Check the spelling against the schema; anything of your own goes under 'extensions'.",
        bad=_plan(owner_email="someone@example.org"),
        fixed=_plan(extensions={"owner_email": "someone@example.org"}),
    ),
    Rule(
        code="SP103",
        name="wrong-type",
        severity=_E,
        title="Wrong type of value",
        message=SHAPE_MESSAGES["SP103"],
        hint="Write the value as the message says: text in quotes, numbers without, lists in [ ].",
        bad=_plan(introduction="Our plan."),
        fixed=_plan(introduction=["Our plan."]),
    ),
    Rule(
        code="SP104",
        name="not-allowed",
        severity=_E,
        title="Value not allowed",
        message=SHAPE_MESSAGES["SP104"],
        hint="Use one of the values listed.",
        bad=_answer(acceptance="yes"),
        fixed=_answer(acceptance="accepted"),
    ),
    Rule(
        code="SP105",
        name="wrong-format",
        severity=_E,
        title="Value in the wrong format",
        message=SHAPE_MESSAGES["SP105"],
        hint="Write it in the format shown.",
        bad=_plan(published="22/11/2024"),
        fixed=_plan(published="2024-11-22"),
    ),
    Rule(
        code="SP106",
        name="out-of-range",
        severity=_E,
        title="Value out of range",
        message=SHAPE_MESSAGES["SP106"],
        hint="Use a value within the range given.",
        bad=_plan(responses=[{"recommendation": 30}]),
        fixed=_plan(responses=[{"recommendation": 29}]),
    ),
    Rule(
        code="SP107",
        name="schema-violation",
        severity=_E,
        title="Does not match the schema",
        message=SHAPE_MESSAGES["SP107"],
        hint="Compare the value with the schema reference.",
        bad=_act(due={"date": "2025-03-27", "milestone": "six-months"}),
        fixed=_act(due={"milestone": "six-months"}),
    ),
    Rule(
        code="SP108",
        name="does-not-fit-model",
        severity=_E,
        title="Does not fit the model",
        message="{message}",
        hint="Correct the value as the message says.",
    ),
    Rule(
        code="SP201",
        name="unknown-schema-version",
        severity=_E,
        title="Unknown schema version",
        message="this release of superplan does not know schema version {version!r}; it knows {known}",
        hint="Use a version this release knows (the message's list), or upgrade superplan.",
        check=_check_schema_version,
        bad=_plan(schema_version="7.0"),
        fixed=_plan(schema_version="1.0"),
    ),
    Rule(
        code="SP202",
        name="unknown-responder",
        severity=_E,
        title="Unknown responder",
        message="there is no responder {slug!r}{suggestion}",
        hint="Use the slug of a force (kent), a local policing body (kent-pcc) or an agency; `superplan catalogue` lists the agencies.",
        check=_check_responder,
        bad={**_PLAN, "responder": "kent-police"},
        fixed={**_PLAN, "responder": "kent"},
    ),
    Rule(
        code="SP203",
        name="unknown-recommendation",
        severity=_E,
        title="Unknown recommendation",
        message="there is no recommendation {ref!r}",
        hint="Name it by its number (1 to 29) or its slug; `superplan catalogue` lists them.",
        check=_check_recommendation_exists,
        bad=_plan(responses=[{"recommendation": "crime-records"}]),
        fixed=_plan(responses=[{"recommendation": "crime-recording"}]),
    ),
    Rule(
        code="SP204",
        name="not-addressed",
        severity=_E,
        title="Recommendation not addressed to this responder",
        message="recommendation {number} is not addressed to {responder}; it is addressed to: {addressees}",
        hint="Answer only the recommendations made to you (`superplan catalogue --addressee SLUG`), or correct the number.",
        check=_check_addressed,
        bad=_plan(responses=[{"recommendation": 15}]),
        fixed=_plan(responses=[{"recommendation": 16}]),
    ),
    Rule(
        code="SP205",
        name="missing-response",
        severity=_W,
        title="Addressed recommendation not answered",
        message="no response to recommendation {number} ({title}), which is addressed to {responder}",
        hint="Answer every recommendation addressed to you; where the plan truly gives no response, add one with a transcription_note saying so.",
        check=_check_missing_responses,
        bad={**_PLAN, "responder": "home-office", "responses": []},
        fixed={
            **_PLAN,
            "responder": "home-office",
            "responses": [{"recommendation": 27, "acceptance": "accepted"}],
        },
    ),
    Rule(
        code="SP206",
        name="duplicate-response",
        severity=_E,
        title="Recommendation answered twice",
        message="recommendation {number} is already answered at {first}",
        hint="Merge the two responses into one.",
        check=_check_duplicate_responses,
        bad=_plan(responses=[{"recommendation": 7}, {"recommendation": "crime-recording"}]),
        fixed=_plan(responses=[{"recommendation": 7}]),
    ),
    Rule(
        code="SP207",
        name="duplicate-action-id",
        severity=_E,
        title="Action id used twice",
        message="the action id {id!r} is already used at {first}",
        hint="Give every action in the plan its own id, e.g. '7-1', '7-2'.",
        check=_check_duplicate_action_ids,
        bad=_plan(
            responses=[
                {"recommendation": 7, "actions": [{"id": "a", "description": "First."}]},
                {"recommendation": 10, "actions": [{"id": "a", "description": "Second."}]},
            ]
        ),
        fixed=_plan(
            responses=[
                {"recommendation": 7, "actions": [{"id": "7-1", "description": "First."}]},
                {"recommendation": 10, "actions": [{"id": "10-1", "description": "Second."}]},
            ]
        ),
    ),
    Rule(
        code="SP208",
        name="unknown-milestone",
        severity=_E,
        title="Unknown milestone",
        message="there is no milestone {slug!r}",
        hint="Use fifty-six-days, six-months or twelve-months, or give a date instead.",
        check=_check_milestones,
        bad=_act(due={"milestone": "march"}),
        fixed=_act(due={"milestone": "six-months"}),
    ),
    Rule(
        code="SP209",
        name="part-mismatch",
        severity=_E,
        title="Part of another recommendation",
        message="part {part!r} belongs to another recommendation; this response answers recommendation {number}",
        hint="Number the parts of recommendation N as N.1, N.2 and so on, or move the action to the response it belongs to.",
        check=_check_parts,
        bad=_act(part="8.1"),
        fixed=_act(part="7.1"),
    ),
    Rule(
        code="SP210",
        name="impossible-date",
        severity=_E,
        title="No such date",
        message="{date!r} is not a date in the calendar",
        hint="Check the day and the month.",
        check=_check_calendar,
        model_refuses=True,
        bad=_plan(published="2025-02-30"),
        fixed=_plan(published="2025-02-28"),
    ),
    Rule(
        code="SP211",
        name="as-of-before-published",
        severity=_E,
        title="as_of before publication",
        message="the plan is described as of {as_of}, before it was published ({published})",
        hint="as_of is the date the statuses describe; it cannot precede the publication date.",
        check=_check_as_of,
        bad=_plan(published="2024-11-22", as_of="2024-03-27"),
        fixed=_plan(published="2024-11-22", as_of="2025-03-27"),
    ),
    Rule(
        code="SP212",
        name="update-before-published",
        severity=_E,
        title="Update dated before the plan",
        message="this update is dated {date}, before the plan was published ({published})",
        hint="Check the update's date, and the plan's published date.",
        check=_check_updates_after_publication,
        bad={**_answer(updates=[{"date": "2024-03-27"}]), "published": "2024-11-22"},
        fixed={**_answer(updates=[{"date": "2025-03-27"}]), "published": "2024-11-22"},
    ),
    Rule(
        code="SP213",
        name="updates-out-of-order",
        severity=_E,
        title="Updates out of date order",
        message="this update is dated {date}, before the update above it ({previous})",
        hint="List updates oldest first, and check the dates.",
        check=_check_update_order,
        bad=_answer(updates=[{"date": "2026-03-27"}, {"date": "2025-03-27"}]),
        fixed=_answer(updates=[{"date": "2025-03-27"}, {"date": "2026-03-27"}]),
    ),
    Rule(
        code="SP214",
        name="update-after-as-of",
        severity=_E,
        title="Update dated after as_of",
        message="this update is dated {date}, after the date the plan is described as of ({as_of})",
        hint="Move as_of forward to the latest update, or check the update's date.",
        check=_check_updates_after_as_of,
        bad={**_answer(updates=[{"date": "2026-03-27"}]), "as_of": "2025-03-27"},
        fixed={**_answer(updates=[{"date": "2026-03-27"}]), "as_of": "2026-03-27"},
    ),
    Rule(
        code="SP215",
        name="late-due-date",
        severity=_W,
        title="Due after the recommendation's deadline",
        message="this action is due {due}, after recommendation {number}'s deadline ({deadline}), and gives no reason",
        hint="Bring the date forward, or say why under due.reason.",
        check=_check_late_due_dates,
        bad=_act(due={"date": "2025-12-31"}),
        fixed=_act(
            due={
                "date": "2025-12-31",
                "reason": "The supplier's system release is due in December 2025.",
            }
        ),
    ),
    Rule(
        code="SP216",
        name="complete-without-evidence",
        severity=_W,
        title="Complete, with no evidence or update",
        message="this action is marked complete but gives no evidence and no update",
        hint="Add the evidence of completion, or a dated update saying what was done.",
        check=_check_complete_without_evidence,
        bad=_act(status="complete"),
        fixed=_act(status="complete", evidence=["Crime recording system change CR-123 is live."]),
    ),
    Rule(
        code="SP217",
        name="number-as-text",
        severity=_W,
        title="Recommendation number written as text",
        message="the recommendation is written as the text {ref!r}",
        hint="Write the number without quotes ({number}), or use the recommendation's slug.",
        check=_check_number_as_text,
        bad=_plan(responses=[{"recommendation": "7"}]),
        fixed=_answer(),
    ),
    Rule(
        code="SP218",
        name="other-schema",
        severity=_W,
        title="Names another schema",
        message="the document names the schema {named!r}; it was checked as {expected!r}",
        hint="Set $schema to the action-plan schema's $id, or to the path of its file "
        "(`superplan schema action-plan --path`), or leave it out.",
        check=_check_schema_id,
        bad={**_plan(), "$schema": "urn:superplan:schema:catalogue-forces:1.0"},
        fixed=_plan(),
    ),
    Rule(
        code="SP219",
        name="empty-response",
        severity=_W,
        title="Response that states nothing",
        message="the response to recommendation {number} ({title}) states nothing: no acceptance, compliance, status, response text, action or update",
        hint="Say at least whether you accept the recommendation, or give your response in words; where the published plan truly says nothing, give a transcription_note saying so.",
        check=_check_empty_responses,
        bad=_plan(responses=[{"recommendation": 7}]),
        fixed=_answer(acceptance="accepted", narrative="We accept this recommendation."),
    ),
    Rule(
        code="SP220",
        name="other-responder",
        severity=_E,
        title="Another responder's plan",
        message="this is {slug!r}'s plan; {expected!r}'s was expected",
        hint="Check that the right file was sent (or the responder named in it): a plan checked as one responder's must name that responder.",
        check=_check_expected_responder,
    ),
    Rule(
        code="SP230",
        name="probably-not-addressed",
        severity=_W,
        title="Recommendation probably not addressed to this responder",
        message=(
            "recommendation {number} is {probably}not addressed to {agency}, so not to "
            "{responder} (certainty: {certainty}; sources: {sources})"
        ),
        hint=(
            "Check the number against the report (`superplan show N` gives the evidence) "
            "and correct it, or name the recommendation by its slug; if the report shows it is "
            "addressed to you, supply that in a catalogue amendment file (docs/catalogue.md)."
        ),
        check=_check_not_addressed_inferred,
        bad=_plan(responses=[{"recommendation": 1}]),
        fixed=_plan(responses=[{"recommendation": "crime-recording"}]),
    ),
    Rule(
        code="SP231",
        name="renumbered",
        severity=_W,
        title="Refers to a number the amended catalogue moved",
        message=(
            "the number {number} belonged to {was!r} in the shipped catalogue; {file} moved it "
            "to {moved_to}, and {number} is now {now!r}"
        ),
        hint=(
            "Check which recommendation the plan means and name it by its slug, which no "
            "amendment changes."
        ),
        check=_check_renumbered,
    ),
)

_BY_CODE = {r.code: r for r in RULES}
_BY_NAME = {r.name: r for r in RULES}


def rule(code_or_name: str) -> Rule:
    """A rule by code (``SP203``) or name (``unknown-recommendation``)."""
    found = _BY_CODE.get(code_or_name.upper()) or _BY_NAME.get(code_or_name)
    if found is None:
        raise LookupError(f"there is no finding code {code_or_name!r}")
    return found


def run_checks(ctx: Context, *, structured: bool = False) -> Iterator[Finding]:
    """Every catalogue and consistency finding for a document; ``structured``: the model has
    structured it, so the checks whose findings the model refuses cannot fire."""
    for each in RULES:
        if each.check is None or (structured and each.model_refuses):
            continue
        for path, params in each.check(ctx):
            yield each.finding(ctx.pointer(path), **params)


def _no_duplicate_codes() -> None:  # a safety net for editors of this table
    if len(_BY_CODE) != len(RULES) or len(_BY_NAME) != len(RULES):
        raise RuntimeError("two rules share a code or a name")


_no_duplicate_codes()
