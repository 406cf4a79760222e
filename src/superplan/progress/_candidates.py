"""Plans given one at a time for a roll-up, of which only those that may count are kept whole.

:func:`~superplan.progress.summarise` counts, for each responder, its latest plan dated on or before
the as-of date (or, with none dated, the last undated one given). A roll-up of thousands of plans
need not hold them all: :class:`Candidates` keeps each responder's plan that counts so far, and of
every other plan only what the roll-up's notes say of it (its responder and dates), in a hollow plan
with no responses. The list it gives to ``summarise`` is therefore read by the same rules to the same
choices, notes and figures, in a fraction of the memory.
"""

import datetime as dt

import pendulum

from ..model import ActionPlan, to_date

__all__ = ["Candidates"]


class Candidates:
    """The plans of a roll-up as of ``as_of``, added one at a time in the order given."""

    def __init__(self, as_of: dt.date | str) -> None:
        self._day = to_date(as_of)
        self._given: list[ActionPlan] = []
        self._hollow: set[int] = set()
        #: Each responder's dated plan that counts so far: (index, its sort key).
        self._dated: dict[str, tuple[int, tuple[pendulum.Date, pendulum.Date]]] = {}
        #: Each responder's last undated plan (it counts only if no dated one does).
        self._undated: dict[str, int] = {}

    def add(self, plan: ActionPlan) -> None:
        """Take the next plan; let go of what can no longer count."""
        index = len(self._given)
        self._given.append(plan)
        responder = plan.responder
        date = plan.as_of or plan.published
        if date is None:
            self._let_go(self._undated.get(responder))
            self._undated[responder] = index
            if responder in self._dated:
                self._let_go(index)  # a dated plan counts before any undated one
        elif date > self._day:
            self._let_go(index)  # dated after the as-of date: never counted
        else:
            # As summarise orders them: by date, then published date, then the order given.
            key = (date, plan.published or date)
            best = self._dated.get(responder)
            if best is None or key >= best[1]:
                self._dated[responder] = (index, key)
                self._let_go(best[0] if best is not None else None)
            else:
                self._let_go(index)
            self._let_go(self._undated.get(responder))

    def plans(self) -> list[ActionPlan]:
        """Every plan given, in order: whole where it may count, else hollow."""
        return list(self._given)

    def whole(self, index: int) -> bool:
        """Whether the plan at ``index`` is kept whole (the one a roll-up uses must be)."""
        return index not in self._hollow

    def _let_go(self, index: int | None) -> None:
        if index is None or index in self._hollow:
            return
        plan = self._given[index]
        # What summarise reads of a plan it does not use: its responder and its dates.
        self._given[index] = ActionPlan(
            schema=plan.schema,
            schema_version=plan.schema_version,
            responder=plan.responder,
            published=plan.published,
            as_of=plan.as_of,
        )
        self._hollow.add(index)
