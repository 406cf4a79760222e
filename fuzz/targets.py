"""The properties every entry point keeps, whatever the bytes: one function per entry point.

Each returns normally or raises superplan's own errors (LoadError, OutputError); anything else is
a crash. Used by the atheris harness (fuzz/fuzz.py) and by tests/test_hardening.py, which runs
every target on the adversarial corpus.
"""

import contextlib
import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import superplan as sp
from superplan.importers import import_page, table_to_plan
from superplan.render import messages, render_html, render_markdown
from superplan.tables import export_table

_SCRATCH = Path(tempfile.mkdtemp(prefix="superplan-fuzz-"))


def _file(name: str, data: bytes) -> Path:
    path = _SCRATCH / name
    path.write_bytes(data)
    return path


def _plan(data: bytes) -> sp.ActionPlan | None:
    report = sp.validate(data)
    report.format_text()  # the report can always be shown
    return report.plan if report.valid else None


def fuzz_loads(data: bytes) -> None:
    try:
        plan = sp.loads(data)
    except sp.LoadError as error:
        if not error.problems or not all(p.message for p in error.problems):
            raise AssertionError("a LoadError without a message") from error
        str(error)
        return
    if sp.loads(sp.dumps(plan)) != plan:
        raise AssertionError("a plan did not survive dumps and loads")


def fuzz_validate(data: bytes) -> None:
    report = sp.validate(data)
    if not isinstance(report, sp.ValidationReport):
        raise AssertionError("validate returned something other than a report")
    report.format_text()
    report.to_dict()
    if report.valid and report.plan is None:
        raise AssertionError("a valid report without its plan")
    # The fast route gives exactly the reference route's report.
    reference = sp.validate(data, fast=False)
    if [f.to_dict() for f in report.findings] != [f.to_dict() for f in reference.findings]:
        raise AssertionError("the fast and reference routes found different things")
    if report.plan != reference.plan:
        raise AssertionError("the fast and reference routes gave different plans")


def fuzz_render(data: bytes) -> None:
    plan = _plan(data)
    if plan is not None:  # render never dies on what validation accepted
        render_html(plan)
        render_markdown(plan)


def fuzz_export(data: bytes) -> None:
    plan = _plan(data)
    if plan is None:
        return
    for kind in ("csv", "xlsx"):
        try:
            table = export_table(plan, kind=kind)
        except sp.LoadError:
            continue  # refused with a pointer (a cell too long for a spreadsheet, say)
        try:
            back = table_to_plan(_file(f"export.{kind}", table))
        except sp.LoadError:
            continue  # refused with a reason; never a crash
        if back != plan:  # what export writes, import gives back (issue 26)
            raise AssertionError(f"export then import ({kind}) changed the plan")


def fuzz_import_table(data: bytes) -> None:
    name = "table.xlsx" if data[:2] == b"PK" else "table.csv"
    with contextlib.suppress(sp.LoadError):
        table_to_plan(_file(name, data))


def fuzz_import_page(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    result = import_page(text, responder="kent")
    result.report.format_text()
    sp.validate(result.plan)


def fuzz_amendments(data: bytes) -> None:
    with contextlib.suppress(sp.LoadError):
        sp.catalogue(amendments=_file("amendments.json", data))


_EXAMPLE = Path(__file__).parent.parent / "examples" / "merseyside-police.json"


@functools.cache
def _example_plan() -> sp.ActionPlan:
    return sp.loads(_EXAMPLE.read_bytes())


def fuzz_translations(data: bytes) -> None:
    try:
        texts = messages(os.fspath(_file("language.json", data)))
    except sp.LoadError:
        return
    render_html(_example_plan(), language=texts)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "loads": fuzz_loads,
    "validate": fuzz_validate,
    "render": fuzz_render,
    "export": fuzz_export,
    "import-table": fuzz_import_table,
    "import-page": fuzz_import_page,
    "amendments": fuzz_amendments,
    "translations": fuzz_translations,
}
