"""Every finding code, as data: code, severity, title, message, hint, examples and its check.

``superplan rules`` lists this table and ``docs/rules.md`` is rendered from it, so the code and its
documentation cannot drift apart. Codes are stable: a code is never reused for another meaning.

- SP0xx: the input could not be read as a JSON object;
- SP1xx: the document does not have the shape the schema gives;
- SP2xx: the document disagrees with the catalogue, or with itself.
"""

from typing import Any

from .._schema import MESSAGES as SHAPE_MESSAGES
from ._checks import (
    _check_addressed,
    _check_as_of,
    _check_before_the_report,
    _check_calendar,
    _check_complete_without_evidence,
    _check_duplicate_action_ids,
    _check_duplicate_responses,
    _check_empty_responses,
    _check_expected_responder,
    _check_late_due_dates,
    _check_milestones,
    _check_missing_responses,
    _check_not_addressed_inferred,
    _check_number_as_text,
    _check_parts,
    _check_recommendation_exists,
    _check_renumbered,
    _check_responder,
    _check_schema_id,
    _check_schema_version,
    _check_update_order,
    _check_updates_after_as_of,
    _check_updates_after_publication,
    _check_web_addresses,
)
from ._findings import Severity
from ._rule import Rule

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
        name="before-the-report",
        severity=_W,
        title="Date before the report",
        message="{what} is {date}, before the report this plan answers was published ({report})",
        hint="Check the year: a plan answering the report cannot be published, described or "
        "due before the report itself (27 September 2024).",
        check=_check_before_the_report,
        bad=_plan(published="0001-01-01"),
        fixed=_plan(published="2024-11-22"),
    ),
    Rule(
        code="SP221",
        name="not-a-web-address",
        severity=_W,
        title="Address that is not a web address",
        message="{url!r} is not a web address a page can link to, so pages show it as text",
        hint="Give the address in full, as a browser shows it (https://www.example.police.uk/"
        "plan); check for a missing ] or a port that is not a number.",
        check=_check_web_addresses,
        bad=_plan(source_url="http://[::1"),
        fixed=_plan(source_url="https://www.example.police.uk/stalking-plan"),
    ),
    Rule(
        code="SP222",
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


def _no_duplicate_codes() -> None:  # a safety net for editors of this table
    if len(_BY_CODE) != len(RULES) or len(_BY_NAME) != len(RULES):
        raise RuntimeError("two rules share a code or a name")


_no_duplicate_codes()
