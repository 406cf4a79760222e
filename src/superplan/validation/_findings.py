"""Findings and the report that gathers them."""

import os
from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen

from .._json import pointer_order
from ..errors import located, printable

if TYPE_CHECKING:
    from ..model import ActionPlan

__all__ = ["DOCS_PAGE", "Finding", "Later", "Severity", "ValidationReport"]

#: The page of the documentation that explains every finding code.
DOCS_PAGE = "docs/rules.md"
#: The environment variable that sets where the documentation is read (a base URL, such as a
#: project's published documentation site: ``https://example.org/superplan/``).
DOCS_URL_VARIABLE = "SUPERPLAN_DOCS_URL"


def docs_url(code: str, base: str | None = None) -> str:
    """The full URL of a finding code's explanation: under ``base`` (else the
    ``SUPERPLAN_DOCS_URL`` environment variable), a ``rules.md`` page there (or, for a base
    ending in ``/`` that names no ``.md`` page, its ``rules/`` page, as a documentation site
    builds it); with neither, the installed ``rules.md`` as a ``file:`` URL (or the relative
    ``docs/rules.md`` where none is installed)."""
    base = base or os.environ.get(DOCS_URL_VARIABLE) or None
    anchor = f"#{code.lower()}"
    if base is None:
        from .._files import docs_folder

        folder = docs_folder()
        if folder is None:
            return DOCS_PAGE + anchor
        return (folder / "rules.md").as_uri() + anchor
    if base.endswith((".md", ".html")):
        return base + anchor
    return base.rstrip("/") + "/rules/" + anchor


class Severity(StrEnum):
    """How much a finding matters: an error fails validation; a warning only with strict."""

    ERROR = "error"
    """The submission is wrong: fix it."""
    WARNING = "warning"
    """Probably a mistake, or something missing: check it (``--strict`` makes these fail)."""


@frozen(kw_only=True)
class Finding:
    """One thing found in a submission: what (code, message), where (pointer, line) and what to do."""

    code: str
    """The finding code, such as ``SP205`` (stable: never reused for another meaning)."""
    severity: Severity
    """Error or warning."""
    pointer: str
    """The JSON pointer of the value it is about (``""`` for the whole document)."""
    message: str
    """What is wrong, in words, with the values concerned."""
    hint: str
    """What to do about it, in a sentence."""
    title: str
    """The code's title, such as "Addressed recommendation not answered"."""
    line: int | None = None
    """The line of the value in the text (from 1), where the input was text."""
    column: int | None = None
    """The column of the value on its line (from 1), where the input was text."""

    def _placed(self, line: int, column: int) -> "Finding":
        """The same finding at ``line`` and ``column`` of the text (built directly: a report
        places its findings in a hot path, where ``attrs.evolve`` costs twice as much)."""
        return Finding(
            code=self.code,
            severity=self.severity,
            pointer=self.pointer,
            message=self.message,
            hint=self.hint,
            title=self.title,
            line=line,
            column=column,
        )

    @property
    def docs(self) -> str:
        """Where the code is explained, with an example of the problem and of its fix: a full
        URL (see :func:`docs_url`; set ``SUPERPLAN_DOCS_URL`` to point it elsewhere)."""
        return docs_url(self.code)

    def describe(self, source: str | None = None) -> str:
        """One line: ``file:line:column: error SP203 /pointer: message``."""
        text = f"{self.severity} {self.code} {self.pointer or '(top level)'}: {self.message}"
        return located(text, source, self.line, self.column)

    def to_dict(self, *, docs_base: str | None = None) -> dict[str, Any]:
        """The finding as JSON's types (``line`` and ``column`` where known); ``docs`` is a
        full URL under ``docs_base`` (see :func:`docs_url`)."""
        result: dict[str, Any] = {
            "code": self.code,
            "severity": str(self.severity),
            "title": self.title,
            "pointer": self.pointer,
            "message": self.message,
            "hint": self.hint,
            "docs": docs_url(self.code, docs_base),
        }
        if self.line is not None:
            result["line"] = self.line
            result["column"] = self.column
        return result


def _order(finding: Finding) -> tuple[tuple[tuple[int, int | str], ...], str]:
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

    def plan(self) -> "ActionPlan | None":
        data = self._data
        if data is not None:  # the plan is set before the data is let go: safe across threads
            from ..convert import structure_sound  # not above: most callers never ask
            from ..model import ActionPlan

            self._plan = structure_sound(data, ActionPlan)
            self._data = None
        return self._plan

    def __reduce__(self) -> tuple[Any, ...]:
        return _given, (self.plan(),)


def _given(plan: "ActionPlan | None") -> "ActionPlan | None":
    return plan


@frozen(kw_only=True)
class ValidationReport:
    """Everything found in one submission, in document order.

    ``plan`` is the loaded :class:`~superplan.ActionPlan` when the document fits the model
    (structured on first use, when validation did not need it).
    """

    source: str | None = None
    """The file checked (as given), or None for text, a dict or a plan."""
    findings: tuple[Finding, ...] = field(default=(), converter=_in_document_order)
    """Every finding, in document order."""
    _plan: "ActionPlan | Later | None" = field(default=None, eq=False, alias="plan")

    @property
    def plan(self) -> "ActionPlan | None":
        """The loaded plan, or None when the document does not fit the model."""
        return self._plan.plan() if isinstance(self._plan, Later) else self._plan

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of error severity, in document order."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of warning severity, in document order."""
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
        """The codes found, each once, in the order they first occur (:meth:`counts` says how
        many of each)."""
        return tuple(dict.fromkeys(f.code for f in self.findings))

    def counts(self) -> dict[str, int]:
        """How many findings of each code, most frequent first."""
        return dict(Counter(f.code for f in self.findings).most_common())

    def summary(self) -> str:
        """``valid``, or ``2 errors, 1 warning``."""
        errors, warnings = len(self.errors), len(self.warnings)
        if not errors and not warnings:
            return "valid"
        return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"

    def to_dict(self, *, docs_base: str | None = None) -> dict[str, Any]:
        """The report as JSON's types: ``source``, ``valid``, ``error_count`` and
        ``warning_count`` (``len(report.errors)``, ``len(report.warnings)``), ``codes`` (as
        :attr:`codes`), ``counts`` (as :meth:`counts`) and ``findings`` (each
        :meth:`Finding.to_dict`)."""
        return {
            "source": self.source,
            "valid": self.valid,
            "error_count": len(self.errors),
            "warning_count": len(self.warnings),
            "codes": list(self.codes),
            "counts": self.counts(),
            "findings": [finding.to_dict(docs_base=docs_base) for finding in self.findings],
        }

    def filtered(
        self, *, select: Iterable[str] = (), ignore: Iterable[str] = ()
    ) -> "ValidationReport":
        """The report with only the findings whose code starts with one of ``select`` (all,
        when empty) and with none of ``ignore``: ``select=["SP2"]`` keeps the catalogue
        findings, ``ignore=["SP215"]`` drops one code. Codes are compared without case."""
        chosen = tuple(code.upper() for code in select)
        dropped = tuple(code.upper() for code in ignore)
        kept = [
            finding
            for finding in self.findings
            if (not chosen or finding.code.startswith(chosen))
            and not (dropped and finding.code.startswith(dropped))
        ]
        return attrs.evolve(self, findings=kept)

    def format_text(
        self, *, hints: bool = True, show_all: bool = True, docs_base: str | None = None
    ) -> str:
        """One line per finding, then a summary line and, once per code, what to do about it.

        ``show_all=False`` gives the first finding of a rule that fires for many
        recommendations (a missing or empty response, one not addressed to the responder) and
        a line saying how many more there are."""
        lines = []
        shown_codes: dict[str, int] = {}
        for finding in self.findings:
            seen = shown_codes.get(finding.code, 0)
            shown_codes[finding.code] = seen + 1
            if show_all or seen == 0 or finding.code not in PER_RECOMMENDATION:
                lines.append(finding.describe(self.source))
        for code, count in shown_codes.items():
            if not show_all and code in PER_RECOMMENDATION and count > 1:
                lines.append(
                    f"{printable(self.source or 'input')}: ... and {count - 1} more {code} "
                    "(--show-all lists them)"
                )
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
                        f"More: `superplan rules {finding.code}` or "
                        f"{docs_url(finding.code, docs_base)}"
                    )
        return "\n".join(lines)


#: Rules that fire once for each recommendation they concern: shown once per file unless all
#: are asked for (``--show-all``).
PER_RECOMMENDATION = frozenset({"SP204", "SP205", "SP219", "SP230"})


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def merge(reports: Iterable[ValidationReport]) -> dict[str, int]:
    """Counts of findings by code across several reports, most frequent first."""
    total: Counter[str] = Counter()
    for report in reports:
        total.update(report.counts())
    return dict(total.most_common())
