"""Findings and the report that gathers them."""

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from attrs import field, frozen

from .._json import pointer_order
from ..convert import structure_sound
from ..errors import located, printable
from ..model import ActionPlan

__all__ = ["DOCS_PAGE", "Finding", "Later", "Severity", "ValidationReport"]

#: The page of the documentation that explains every finding code.
DOCS_PAGE = "docs/rules.md"


class Severity(StrEnum):
    ERROR = "error"
    """The submission is wrong: fix it."""
    WARNING = "warning"
    """Probably a mistake, or something missing: check it (``--strict`` makes these fail)."""


@frozen(kw_only=True)
class Finding:
    """One thing found in a submission: what (code, message), where (pointer, line) and what to do."""

    code: str
    severity: Severity
    pointer: str
    message: str
    hint: str
    title: str
    line: int | None = None
    column: int | None = None

    @property
    def docs(self) -> str:
        """Where the code is explained, with an example of the problem and of its fix."""
        return f"{DOCS_PAGE}#{self.code.lower()}"

    def describe(self, source: str | None = None) -> str:
        """One line: ``file:line:column: error SP203 /pointer: message``."""
        text = f"{self.severity} {self.code} {self.pointer or '(top level)'}: {self.message}"
        return located(text, source, self.line, self.column)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "code": self.code,
            "severity": str(self.severity),
            "title": self.title,
            "pointer": self.pointer,
            "message": self.message,
            "hint": self.hint,
            "docs": self.docs,
        }
        if self.line is not None:
            result["line"] = self.line
            result["column"] = self.column
        return result


def _order(finding: Finding) -> tuple[list[tuple[int, int | str]], str]:
    return pointer_order(finding.pointer), finding.code


def _in_document_order(found: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(found, key=_order))


class Later:
    """The plan of a document the schema has proven sound, structured when first asked for: most
    callers of :func:`~superplan.validate` want the verdict alone."""

    __slots__ = ("_data", "_plan")

    def __init__(self, data: dict[str, Any]) -> None:
        self._data: dict[str, Any] | None = data
        self._plan: ActionPlan | None = None

    def plan(self) -> ActionPlan | None:
        data = self._data
        if data is not None:  # the plan is set before the data is let go: safe across threads
            self._plan = structure_sound(data, ActionPlan)
            self._data = None
        return self._plan

    def __reduce__(self) -> tuple[Any, ...]:
        return _given, (self.plan(),)


def _given(plan: ActionPlan | None) -> ActionPlan | None:
    return plan


@frozen(kw_only=True)
class ValidationReport:
    """Everything found in one submission, in document order.

    ``plan`` is the loaded :class:`~superplan.ActionPlan` when the document fits the model
    (structured on first use, when validation did not need it).
    """

    source: str | None = None
    findings: tuple[Finding, ...] = field(default=(), converter=_in_document_order)
    _plan: ActionPlan | Later | None = field(default=None, eq=False, alias="plan")

    @property
    def plan(self) -> ActionPlan | None:
        """The loaded plan, or None when the document does not fit the model."""
        return self._plan.plan() if isinstance(self._plan, Later) else self._plan

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def valid(self) -> bool:
        """True when nothing of error severity was found."""
        return not self.errors

    def passes(self, *, strict: bool = False) -> bool:
        """True when valid, and with ``strict`` when there are no warnings either."""
        return self.valid and not (strict and self.warnings)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)

    def counts(self) -> dict[str, int]:
        """How many findings of each code, most frequent first."""
        return dict(Counter(self.codes).most_common())

    def summary(self) -> str:
        errors, warnings = len(self.errors), len(self.warnings)
        if not errors and not warnings:
            return "valid"
        return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "valid": self.valid,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "counts": self.counts(),
            "findings": [finding.to_dict() for finding in self.findings],
        }

    def format_text(self, *, hints: bool = True) -> str:
        """One line per finding, then a summary line and, once per code, what to do about it."""
        lines = [finding.describe(self.source) for finding in self.findings]
        counts = self.counts()
        summary = f"{printable(self.source or 'input')}: {self.summary()}"
        if counts:
            summary += " (" + ", ".join(f"{code} x{n}" for code, n in counts.items()) + ")"
        lines.append(summary)
        if hints:
            shown: set[str] = set()
            for finding in self.findings:
                if finding.code not in shown:
                    shown.add(finding.code)
                    lines.append(
                        f"  {finding.code} {finding.title}: {finding.hint} "
                        f"More: `superplan rules {finding.code}` or {finding.docs}"
                    )
        return "\n".join(lines)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def merge(reports: Iterable[ValidationReport]) -> dict[str, int]:
    """Counts of findings by code across several reports, most frequent first."""
    total: Counter[str] = Counter()
    for report in reports:
        total.update(report.codes)
    return dict(total.most_common())
