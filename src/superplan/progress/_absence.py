"""The one vocabulary of absence: what superplan says where something is not there.

Absence is never "not started". Four situations, each with one name used alike on plan pages,
in At a glance, in the roll-up (page, table, CSV) and in the API (``to_dict``/JSON). The pages
take their words from the message catalogue (``absence_values`` in ``render/messages/en.json``;
a test holds it to this table); docs/progress.md gives the same table.
"""

from enum import StrEnum

from attrs import frozen

__all__ = ["ABSENCE", "Absence", "AbsenceTerm", "absence_of"]


class Absence(StrEnum):
    NOT_ANSWERED = "not-answered"
    NO_STATUS_STATED = "no-status-stated"
    NOT_YET_DUE = "not-yet-due"
    NO_PLAN = "no-plan"


@frozen(kw_only=True)
class AbsenceTerm:
    words: str
    """What a reader is told, in English (``{date}`` filled in where there is one)."""
    meaning: str
    states: tuple[str, ...]
    """The states of the roll-up and of superplan.progress that this absence names."""


ABSENCE: dict[Absence, AbsenceTerm] = {
    Absence.NOT_ANSWERED: AbsenceTerm(
        words="Not answered",
        meaning="the plan gives no response to a recommendation addressed to its responder",
        states=("unanswered",),
    ),
    Absence.NO_STATUS_STATED: AbsenceTerm(
        words="No status stated",
        meaning="a response (or an action or part) gives no delivery status, and neither do "
        "all of its actions and parts; never read as not started",
        states=("not-stated",),
    ),
    Absence.NOT_YET_DUE: AbsenceTerm(
        words="Not yet due",
        meaning="the deadline is more than 30 days after the date the status is taken on",
        states=("not-yet-due",),
    ),
    Absence.NO_PLAN: AbsenceTerm(
        words="No plan as of {date}",
        meaning="a responder the recommendations address has no plan dated on or before the "
        "roll-up's date (the dates of any later versions are given beside it)",
        states=("no-plan",),
    ),
}
"""The vocabulary: each absence, its words, its meaning and the states it names."""


def absence_of(state: str | None) -> Absence | None:
    """The absence a roll-up or progress state names, if it is one."""
    for absence, term in ABSENCE.items():
        if state in term.states:
            return absence
    return None
