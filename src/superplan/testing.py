"""Realistic synthetic plans for tests and benchmarks: valid, varied, and the same for a seed.

```python
>>> from superplan.testing import synthetic_plans
>>> plans = synthetic_plans(n_forces=3, seed=1)
>>> [plan.responder for plan in plans]
['avon-and-somerset', 'bedfordshire', 'cambridgeshire']
>>> synthetic_plans(n_forces=3, seed=1) == plans
True

```

Nothing here is about any real force's plan: the text is assembled from a fixed vocabulary.
"""

import random
from collections.abc import Iterator

import pendulum

from .catalogue import Catalogue, given_or_shipped
from .model import (
    SCHEMA_VERSION,
    Acceptance,
    Action,
    ActionPlan,
    ActionStatus,
    Compliance,
    Due,
    ProgressUpdate,
    Response,
)

__all__ = ["synthetic_plan", "synthetic_plans"]

_OPENINGS = (
    "We will",
    "The force will",
    "Public Protection will",
    "We have begun to",
    "Working with partners, we will",
)
_VERBS = (
    "review",
    "update",
    "publish",
    "embed",
    "audit",
    "train supervisors on",
    "monitor",
    "develop",
)
_OBJECTS = (
    "the stalking policy and procedures",
    "the use of Stalking Protection Orders",
    "crime recording of included offences",
    "risk assessment in stalking cases",
    "referrals to independent stalking advocates",
    "the Stalking Screening Tool",
    "digital safeguarding advice for victims",
    "multi-agency meetings for high-harm perpetrators",
)
_CLAUSES = (
    "and report progress to the force performance board",
    "so that every victim is told of their rights under the Victims' Code",
    "using dip-sampling of cases each quarter",
    "in line with College of Policing guidance",
    "with the local victim services",
)
_OWNERS = (
    "Head of Public Protection",
    "Learning and Development",
    "Force Crime Registrar",
    "Head of Crime",
    "Stalking Team",
    "Performance and Insight",
)
_LABELS = ("Six-month update", "March 2026 update", "Quarterly review", "Board update")


def _sentence(rng: random.Random) -> str:
    text = f"{rng.choice(_OPENINGS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    if rng.random() < 0.6:
        text += " " + rng.choice(_CLAUSES)
    return text + "."


def _text(rng: random.Random, low: int, high: int) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(low, high)))


def _between(rng: random.Random, start: pendulum.Date, end: pendulum.Date) -> pendulum.Date:
    return start.add(days=rng.randint(0, max((end - start).days, 0)))


def _updates(
    rng: random.Random, published: pendulum.Date, as_of: pendulum.Date
) -> tuple[ProgressUpdate, ...]:
    dates = sorted(_between(rng, published, as_of) for _ in range(rng.randint(0, 3)))
    path = [ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.COMPLETE]
    updates = []
    for step, date in enumerate(dates):
        state = path[min(step, 2)] if rng.random() < 0.85 else ActionStatus.ONGOING
        updates.append(
            ProgressUpdate(
                date=date,
                label=rng.choice(_LABELS),
                status=state,
                note=_text(rng, 1, 2),
            )
        )
    return tuple(updates)


def synthetic_plan(
    responder: str,
    rng: random.Random,
    *,
    catalogue: Catalogue | None = None,
    skip_rate: float = 0.05,
) -> ActionPlan:
    """One plan answering the recommendations addressed to ``responder`` (a few left out)."""
    cat = given_or_shipped(catalogue)
    published = pendulum.date(2024, 11, rng.randint(1, 22))
    as_of = published.add(days=rng.randint(60, 600))
    responses = []
    for rec in cat.addressed_to(responder):
        if rng.random() < skip_rate:
            continue
        actions = []
        for k in range(1, rng.randint(1, 6) + 1):
            updates = _updates(rng, published, as_of)
            status = updates[-1].status if updates else rng.choice(list(ActionStatus))
            evidence = (
                (f"{rng.choice(_OWNERS)} report, {as_of.format('MMMM YYYY')}",)
                if status == ActionStatus.COMPLETE or rng.random() < 0.3
                else ()
            )
            due = (
                Due(milestone=rec.deadline.value)
                if rec.deadline.value and rng.random() < 0.5
                else Due(date=_between(rng, published, as_of))
            )
            if cat.deadline(rec.number) is not None and due.date is not None:
                deadline = cat.deadline(rec.number)
                if deadline is not None and due.date.surely_after(deadline):
                    due = Due(date=due.date, reason="The work depends on a national system change.")
            actions.append(
                Action(
                    id=f"{rec.number}-{k}",
                    part=f"{rec.number}.{k}" if rng.random() < 0.5 else None,
                    description=_text(rng, 1, 4),
                    owner=rng.choice(_OWNERS),
                    due=due,
                    status=status,
                    evidence=evidence,
                    updates=updates,
                )
            )
        responses.append(
            Response(
                recommendation=rec.number if rng.random() < 0.8 else rec.slug,
                acceptance=rng.choice(list(Acceptance)),
                compliance=rng.choice(list(Compliance)),
                narrative=_text(rng, 1, 8),
                actions=tuple(actions),
            )
        )
    return ActionPlan(
        schema=f"urn:superplan:schema:action-plan:{SCHEMA_VERSION}",
        schema_version=SCHEMA_VERSION,
        responder=responder,
        title=f"Synthetic action plan {rng.randint(1000, 9999)}",
        published=published,
        as_of=as_of,
        responses=tuple(responses),
    )


def synthetic_plans(
    n_forces: int = 43, seed: int = 0, *, catalogue: Catalogue | None = None
) -> list[ActionPlan]:
    """``n_forces`` plans; beyond 43 the forces repeat, as later versions would. Each passes
    :func:`superplan.validate` with no errors, and the same seed gives the same plans."""
    cat = given_or_shipped(catalogue)
    rng = random.Random(seed)
    return [synthetic_plan(slug, rng, catalogue=cat) for slug in _forces(cat, n_forces)]


def _forces(cat: Catalogue, count: int) -> Iterator[str]:
    slugs = [force.slug for force in cat.forces]
    for index in range(count):
        yield slugs[index % len(slugs)]
