"""A roll-up that keeps only the plans that may count gives the same summary as one that keeps all."""

import attrs
import pendulum
from hypothesis import HealthCheck, given, settings, strategies as st

import superplan as sp
from superplan.cli import main
from superplan.progress import Candidates, summarise

from ...conftest import EXAMPLES

_BASE = [sp.load_plan(path) for path in EXAMPLES]
_DAY = pendulum.date(2025, 3, 1)
_DATES = st.one_of(
    st.none(),
    st.sampled_from([pendulum.date(2024, 11, 22), _DAY, pendulum.date(2025, 6, 1)]),
    st.dates(min_value=pendulum.date(2024, 1, 1), max_value=pendulum.date(2026, 1, 1)).map(
        lambda d: pendulum.date(d.year, d.month, d.day)
    ),
)


def _plan(base, responder, as_of, published):
    if as_of is not None and published is not None and as_of < published:
        as_of, published = published, as_of  # a plan's as-of date is never before publication
    return attrs.evolve(_BASE[base], responder=responder, as_of=as_of, published=published)


_PLAN = st.builds(
    _plan,
    st.integers(0, len(_BASE) - 1),
    st.sampled_from(["north-yorkshire", "merseyside", "kent", "not-a-force"]),
    _DATES,
    _DATES,
)


def _kept(plans, day):
    candidates = Candidates(day)
    for plan in plans:
        candidates.add(plan)
    return candidates


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(plans=st.lists(_PLAN, max_size=12), day=st.sampled_from([_DAY, "2024-12-31", "2026-01-01"]))
def test_the_summary_of_the_plans_kept_is_the_summary_of_all(plans, day):
    candidates = _kept(plans, day)
    kept = candidates.plans()
    assert len(kept) == len(plans)
    whole = summarise(plans, day)
    lean = summarise(kept, day)
    assert lean == whole
    assert lean.choices == whole.choices
    assert lean.notes == whole.notes
    assert lean.to_csv() == whole.to_csv()
    assert lean.format_table() == whole.format_table()
    for choice in lean.choices:
        if choice.used is not None:
            assert candidates.whole(choice.used)
            assert kept[choice.used] is plans[choice.used]


def test_at_most_one_plan_a_responder_is_kept_whole_once_a_dated_one_counts():
    plans = [
        attrs.evolve(_BASE[0], responder="kent", as_of=pendulum.date(2024, 12, day))
        for day in range(1, 29)
    ]
    plans.insert(5, attrs.evolve(_BASE[0], responder="kent", as_of=None, published=None))
    candidates = _kept(plans, _DAY)
    whole = [i for i in range(len(plans)) if candidates.whole(i)]
    assert whole == [len(plans) - 1]  # the latest dated on or before the day
    hollow = candidates.plans()[0]
    assert hollow.responses == ()
    assert (hollow.responder, hollow.as_of) == ("kent", pendulum.date(2024, 12, 1))


def test_summarise_on_the_command_line_gives_what_the_library_gives(tmp_path, capsys):
    folder = tmp_path / "plans"
    folder.mkdir()
    plans = []
    for index, day in enumerate([5, 20, 1, 28, 14]):
        for base in _BASE:
            plan = attrs.evolve(base, as_of=pendulum.date(2025, 2, day), title=f"v{index}")
            plans.append(plan)
    for index, plan in enumerate(plans):
        (folder / f"plan-{index:02d}.json").write_text(sp.dumps(plan), encoding="utf-8")
    for kind in ("csv", "json", "table"):
        assert main(["summarise", str(folder), "--as-of", "2025-03-01", "--format", kind]) == 0
        out = capsys.readouterr().out
        expected = summarise(plans, "2025-03-01")
        text = {
            "csv": expected.to_csv(),
            "json": expected.to_json(),
            "table": expected.format_table().removesuffix("\n") + "\n",
        }[kind]
        assert out == text
