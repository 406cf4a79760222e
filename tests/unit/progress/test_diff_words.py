"""The word-level diff: a true account of both texts, in near-linear time; and the diff page
for any two versions of a plan, dated updates included (issue 26, points 1 and 5)."""

import itertools
import json

import attrs
from hypothesis import given, settings, strategies as st

import superplan as sp
from superplan.progress import word_diff, word_segments
from superplan.render import messages
from superplan.render._diff_page import render_diff_html, word_segments as page_segments

from ...conftest import EXAMPLES
from ...strategies import action_plans

#: Few distinct words, so that texts share many and repeat them: the hard case for a diff.
_word = st.sampled_from(["the", "force", "will", "review", "policy", "a", "7.1", "Ωmega", "x"])
_blank = st.sampled_from([" ", "  ", "\n", "\n\n", "\t"])
texts = st.lists(st.tuples(_word, _blank), max_size=60).map(
    lambda pairs: "".join(w + b for w, b in pairs)
) | st.text(max_size=80)


@given(texts, texts)
def test_the_segments_rebuild_both_texts(old, new):
    segments = word_segments(old, new)
    assert "".join(s[1] for s in segments) == old
    assert "".join(s[2] for s in segments) == new
    for kind, before, after in segments:
        assert kind in ("equal", "change")
        if kind == "equal":
            assert before == after
            assert before
        else:
            assert before != after
    # no two segments of the same kind side by side: each run is said once
    assert all(a[0] != b[0] for a, b in itertools.pairwise(segments))


@given(texts, texts)
def test_the_page_segments_rebuild_both_texts(old, new):
    segments = page_segments(old, new)
    assert "".join(s[1] for s in segments) == old
    assert "".join(s[2] for s in segments) == new


@given(texts)
def test_a_text_against_itself_is_one_equal_segment(text):
    assert word_segments(text, text) == ([("equal", text, text)] if text else [])


@given(texts, texts)
def test_word_diff_marks_exactly_what_changed(old, new):
    marked = word_diff(old, new)
    # taking out the added parts and unmarking the removed ones gives the old text back
    rebuilt, rest = [], marked
    while rest:
        if rest.startswith("[-"):
            end = rest.index("-]", 2)
            rebuilt.append(rest[2:end])
            rest = rest[end + 2 :]
        elif rest.startswith("{+"):
            rest = rest[rest.index("+}", 2) + 2 :]
        else:
            cut = min(i for i in (rest.find("[-"), rest.find("{+"), len(rest)) if i >= 0)
            cut = cut or 1
            rebuilt.append(rest[:cut])
            rest = rest[cut:]
    if "[-" not in old and "{+" not in old and "-]" not in old and "+}" not in old:
        assert "".join(rebuilt) == old


def test_an_edit_in_a_long_text_is_found_where_it_is():
    words = [f"word{i % 300}" for i in range(3000)]
    changed = list(words)
    for index in range(0, 3000, 100):
        changed[index] = "CHANGED"
    segments = word_segments(" ".join(words), " ".join(changed))
    changes = [s for s in segments if s[0] == "change"]
    assert len(changes) == 30
    assert all(s[2] == "CHANGED" for s in changes)


def test_a_rewritten_text_is_one_change_on_the_page():
    old = " ".join(f"old{i}" for i in range(2000))
    new = " ".join(f"new{i}" for i in range(2000))
    segments = word_segments(old, new)
    assert "".join(s[1] for s in segments) == old
    assert "".join(s[2] for s in segments) == new
    # word for word, the blanks kept; on the page, one change
    assert page_segments(old, new) == [("change", old, new)]


def test_a_date_given_as_text_is_said_as_a_date():
    t = messages("en")
    assert t.date("2025-03") == "March 2025"
    assert t.date("2025-03-27") == "27 March 2025"
    assert t.date("not a date") == "not a date"


def _plan(**changes):
    plan = sp.load_plan(EXAMPLES[0])
    return attrs.evolve(plan, **changes)


def _with_update(plan, update):
    response = plan.responses[0]
    response = attrs.evolve(response, updates=(*response.updates, update))
    return attrs.evolve(plan, responses=(response, *plan.responses[1:]))


def test_a_dated_update_added_or_removed_is_shown_with_its_date(tmp_path, capsys):
    old = _plan()
    update = sp.ProgressUpdate(
        date=sp.PartialDate.parse("2025-03"), status="in-progress", note="Training begun"
    )
    new = _with_update(old, update)
    for before, after, words in ((old, new, "added"), (new, old, "removed")):
        page = render_diff_html(before, after)
        assert "March 2025" in page
        assert "Training begun" in page
        assert f"Progress update {words}" in page
    # and through the command line: exit 1 (differences), never 3
    (tmp_path / "old.json").write_text(sp.dumps(old), encoding="utf-8")
    (tmp_path / "new.json").write_text(sp.dumps(new), encoding="utf-8")
    from superplan.cli import main

    code = main(
        ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--format", "html"]
    )
    out = capsys.readouterr()
    assert code == 1, out.err
    assert "March 2025" in out.out


@settings(max_examples=40, deadline=None)
@given(action_plans(), action_plans())
def test_any_two_versions_of_a_plan_give_a_page(old, new):
    new = attrs.evolve(new, responder=old.responder)
    page = render_diff_html(old, new)
    assert page.startswith("<!DOCTYPE html>")
    assert json.dumps(sp.diff(old, new).to_dict())  # the JSON form too
