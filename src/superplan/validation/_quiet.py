"""Compiled quiet checks: for several catalogue rules, a JSON Schema that a sound plan passes only
if the rule has nothing to say of it, checked by jsonschema-rs at Rust speed.

The rules stay the one truth: a compiled condition is *sufficient*, never exact. Where it holds,
the rule's Python check could only yield nothing, so it is not run; where it fails, the check runs
as ever and says what is wrong, and where (a property test holds each condition to its rule on
generated plans, sound and not). A condition asks for the types it relies on, as the Python
check reads any value, so it holds for a plan of any shape. A usual plan passes them all, and the
Python checks left to run are those no schema can say (two ids alike, updates out of order, dates
against each other) and those Python does as quickly (see :data:`CONDITIONS`).

Each condition is written for one catalogue (its deadlines, slugs and report date) and
compiled on the second plan checked against that catalogue: a single check from the command line
does not pay to compile what it would use once.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from .._kept import KeptFor
from .._schema import published, schema_ids
from .._wording import whole_number
from ..catalogue import CatalogueIndex
from ..model import SCHEMA_VERSIONS
from ._checks import PLAIN_WEB_ADDRESS, SAYS_NOTHING

if TYPE_CHECKING:
    from ..catalogue import Catalogue

#: A path or web address of the action plan schema's file, as editors are given it (the Python
#: check's reading of it, as a pattern).
SCHEMA_FILE = r"(?:^|[/\\])action-plan\.schema\.json\z"

__all__ = ["quiet_codes"]

Schema = dict[str, Any]

#: Text that is not empty: what the Python checks read as given.
_SOME_TEXT: Schema = {"type": "string", "minLength": 1}
#: What a response or action member holds when it states nothing (as the Python check reads it).
_NOTHING: Schema = {"enum": [None, "", [], {}]}


def _sorting(bound: str, *, above: bool) -> str:
    """A pattern for the text of ``bound``'s form (a digit where it has a digit, its own character
    elsewhere) that sorts at or above ``bound`` (or at or below it). For dates written
    YYYY-MM-DD (or YYYY-MM), to sort after is to come after."""
    alternatives = [bound]
    for index, character in enumerate(bound):
        if not character.isdigit():
            continue
        low, high = (int(character) + 1, 9) if above else (0, int(character) - 1)
        if low <= high:
            tail = "".join("[0-9]" if c.isdigit() else c for c in bound[index + 1 :])
            alternatives.append(f"{bound[:index]}[{low}-{high}]{tail}")
    return "(?:" + "|".join(alternatives) + ")"


def not_before(day: str) -> str:
    """A date (YYYY-MM-DD) or month (YYYY-MM) that is not surely before ``day``: a day on or
    after it, or a month whose last day is."""
    return rf"^(?:{_sorting(day[:7], above=True)}|{_sorting(day, above=True)})\z"


def not_after(day: str) -> str:
    """A date or month that is not surely after ``day``: a day on or before it, or a month whose
    first day is."""
    return rf"^(?:{_sorting(day[:7], above=False)}|{_sorting(day, above=False)})\z"


def _each_response(clause: Schema) -> Schema:
    return {"properties": {"responses": {"items": clause}}}


def _each_action(clause: Schema) -> Schema:
    return _each_response({"properties": {"actions": {"items": clause}}})


def _by_deadline(cat: CatalogueIndex, clause: Callable[[Any], Schema]) -> Schema:
    """Each response's actions under ``clause(deadline)`` of the recommendation it answers, by
    its deadline (a few, where recommendations are many), named by its number or its slug as
    ``Catalogue.find`` reads them. A number written as text is left to the Python check."""
    recs = sorted(cat.recommendations, key=lambda rec: rec.number)
    named: dict[Any, list[int | str]] = {}
    for rec in recs:
        deadline = cat.milestone_date(rec.deadline)
        if deadline is not None:  # no deadline: nothing is late
            named.setdefault(deadline, []).extend((rec.number, rec.slug))
    branches = [
        {
            "if": {
                "required": ["recommendation"],
                "properties": {"recommendation": _one_of(refs)},
            },
            "then": {"properties": {"actions": {"items": clause(deadline)}}},
        }
        for deadline, refs in named.items()
    ]
    known = {"anyOf": [{"type": "integer"}, {"enum": [rec.slug for rec in recs]}]}
    response: Schema = {"properties": {"recommendation": known}}
    if branches:  # (an empty allOf is not a schema)
        response["allOf"] = branches
    return _each_response(response)


def _one_of(refs: list[int | str]) -> Schema:
    """Any of ``refs``, numbers and slugs: an enum of each kind (jsonschema-rs checks an enum
    of one kind of value several times quicker than one of numbers and text mixed)."""
    numbers = [ref for ref in refs if isinstance(ref, int)]
    slugs = [ref for ref in refs if isinstance(ref, str)]
    return {"anyOf": [{"enum": numbers}, {"enum": slugs}]}


def _late_due_date(cat: CatalogueIndex) -> Schema:  # SP215
    known = cat.milestone_dates

    def clause(deadline: Any) -> Schema:
        on_time = [slug for slug, date in known.items() if date is not None and date <= deadline]
        # Late on purpose (given a reason); else by a milestone the catalogue knows, which is
        # then on time; else by a date (if any) on time.
        by_milestone = {
            "required": ["milestone"],
            "properties": {"milestone": {"enum": list(known)}},
        }
        due = {
            "if": {"required": ["reason"], "properties": {"reason": _SOME_TEXT}},
            "else": {
                "if": by_milestone,
                "then": {"properties": {"milestone": {"enum": on_time}}},
                "else": {"properties": {"date": {"pattern": not_after(deadline.isoformat())}}},
            },
        }
        return {"properties": {"due": due}}

    return _by_deadline(cat, clause)


def _empty_response(_: CatalogueIndex) -> Schema:  # SP219
    members = published("action-plan")["$defs"]["Response"]["properties"]
    stating = sorted(set(members) - SAYS_NOTHING, key=lambda key: key != "actions")
    return _each_response(
        {"anyOf": [{"required": [key], "properties": {key: {"not": _NOTHING}}} for key in stating]}
    )


def _before_the_report(cat: CatalogueIndex) -> Schema:  # SP220
    date = {"pattern": not_before(cat.report_published.isoformat())}
    return {
        "properties": {"published": date, "as_of": date},
        "allOf": [_each_action({"properties": {"due": {"properties": {"date": date}}}})],
    }


def _not_a_web_address(_: CatalogueIndex) -> Schema:  # SP221
    url = {"pattern": rf"^{PLAIN_WEB_ADDRESS.pattern}\z"}
    links = {"items": {"properties": {"url": url}}}
    held = {"properties": {"links": links}}
    return {
        "properties": {"source_url": url, "source_urls": {"items": url}, "links": links},
        "allOf": [
            _each_response(
                {
                    "properties": {
                        "links": links,
                        "parts": {"items": held},
                        "actions": {"items": held},
                    }
                }
            )
        ],
    }


def _unknown_schema_version(_: CatalogueIndex) -> Schema:  # SP201
    return {"properties": {"schema_version": {"enum": list(SCHEMA_VERSIONS)}}}


def _other_schema(_: CatalogueIndex) -> Schema:  # SP218
    named = [{"enum": list(schema_ids("action-plan"))}, {"pattern": SCHEMA_FILE}]
    return {"properties": {"$schema": {"anyOf": named}}}


def _named_by_number(cat: CatalogueIndex) -> Schema:  # SP217
    # A recommendation named by its number, or by a slug that is not a number written as text.
    slugs = [rec.slug for rec in cat.recommendations if whole_number(rec.slug) is None]
    named = {"anyOf": [{"type": "integer"}, {"enum": slugs}]}
    return _each_response({"properties": {"recommendation": named}})


def _renumbered(cat: CatalogueIndex) -> Schema:  # SP231
    moved = list(cat.moved)
    if not moved:
        return {}  # no amendment moved a number: the rule has nothing to say of any plan
    # Named by a number no amendment moved, or by a slug.
    slugs = [rec.slug for rec in cat.recommendations if whole_number(rec.slug) is None]
    named = {"anyOf": [{"type": "integer", "not": {"enum": moved}}, {"enum": slugs}]}
    return _each_response({"properties": {"recommendation": named}})


#: Each rule with a compiled condition, and how the condition is written for a catalogue. A rule
#: has one only where checking it costs less than the Python check it spares: SP208 (an unknown
#: milestone) and SP216 (complete without evidence) look at one value or two of each action, which
#: Python does as quickly as jsonschema-rs.
CONDITIONS: dict[str, Callable[[CatalogueIndex], Schema]] = {
    "SP201": _unknown_schema_version,
    "SP218": _other_schema,
    "SP215": _late_due_date,
    "SP219": _empty_response,
    "SP220": _before_the_report,
    "SP221": _not_a_web_address,
    "SP217": _named_by_number,
    "SP231": _renumbered,
}


class QuietChecks:
    """The compiled conditions of one catalogue (given, or by its index)."""

    __slots__ = ("_each", "codes")

    def __init__(self, given: "Catalogue | CatalogueIndex") -> None:
        cat = given if isinstance(given, CatalogueIndex) else CatalogueIndex.of(given)
        conditions = {code: make(cat) for code, make in CONDITIONS.items()}
        self.codes = frozenset(conditions)
        self._each = [
            (code, jsonschema_rs.validator_for(condition)) for code, condition in conditions.items()
        ]

    def quiet(self, data: Any) -> frozenset[str]:
        """The codes of the rules that cannot fire on a plan: those whose condition it meets.
        (Each is asked alone: all of them at once take as long, and say less.)"""
        return frozenset(code for code, validator in self._each if validator.is_valid(data))


#: Per catalogue (by identity, while it lives): _SEEN once a plan was checked against it, and its
#: compiled conditions from the second plan on.
_COMPILED: KeptFor[CatalogueIndex, QuietChecks | object] = KeptFor()
_SEEN = object()


def quiet_codes(given: "Catalogue | CatalogueIndex", data: Any) -> frozenset[str]:
    """The codes of the rules whose Python check need not run on the sound plan ``data``, checked
    against a catalogue (given, or by its index; none for the first plan checked against a
    catalogue)."""
    cat = given if isinstance(given, CatalogueIndex) else CatalogueIndex.of(given)
    checks = _COMPILED.get(cat)
    if checks is None:  # the first plan checked against this catalogue
        _COMPILED.keep(cat, _SEEN)
        return frozenset()
    if checks is _SEEN:
        checks = _COMPILED.keep(cat, QuietChecks(cat))
    assert isinstance(checks, QuietChecks)
    return checks.quiet(data)
