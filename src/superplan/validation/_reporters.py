"""Validation reports in the forms CI systems read: GitHub Actions workflow commands, SARIF 2.1.0
(code scanning) and JUnit XML (test result panels). Each takes every report of a run and gives
the text to print; ``superplan validate --format github|sarif|junit`` prints it.
"""

import json
from collections.abc import Sequence

from .._version import __version__
from ..errors import printable
from ._findings import Finding, Severity, ValidationReport, docs_url
from ._rules import RULES

__all__ = ["FORMATS", "github_report", "junit_report", "sarif_report"]

FORMATS = ("github", "sarif", "junit")


def _escape_data(text: str) -> str:
    # The workflow command format: %, CR and LF in a message are written as escapes; any other
    # control character (a terminal's escape sequence) as the escape a terminal is shown.
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _place(finding: Finding) -> str:
    return finding.pointer or "(top level)"


def github_report(reports: Sequence[ValidationReport], *, docs_base: str | None = None) -> str:
    """One ``::error`` or ``::warning`` workflow command per finding, placed at its file, line
    and column, so that GitHub shows it on the pull request's lines."""
    lines = []
    for report in reports:
        for finding in report.findings:
            level = "error" if finding.severity is Severity.ERROR else "warning"
            properties = []
            if report.source:
                properties.append(f"file={_escape_property(report.source)}")
            if finding.line is not None:
                properties.append(f"line={finding.line}")
                if finding.column is not None:
                    properties.append(f"col={finding.column}")
            properties.append(f"title={_escape_property(f'{finding.code} {finding.title}')}")
            message = (
                f"{_place(finding)}: {finding.message}. {finding.hint} "
                f"{docs_url(finding.code, docs_base)}"
            )
            lines.append(f"::{level} {','.join(properties)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def sarif_report(reports: Sequence[ValidationReport], *, docs_base: str | None = None) -> str:
    """A SARIF 2.1.0 log: every rule superplan has, and a result per finding."""
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": f"{rule.title}. {rule.hint}"},
            "helpUri": docs_url(rule.code, docs_base),
            "help": {"text": rule.hint},
            "defaultConfiguration": {
                "level": "error" if rule.severity is Severity.ERROR else "warning"
            },
        }
        for rule in RULES
    ]
    index = {rule.code: i for i, rule in enumerate(RULES)}
    results = []
    for report in reports:
        for finding in report.findings:
            region = {}
            if finding.line is not None:
                region["startLine"] = finding.line
                if finding.column is not None:
                    region["startColumn"] = finding.column
            location: dict[str, object] = {
                "physicalLocation": {
                    "artifactLocation": {"uri": report.source or "stdin"},
                    **({"region": region} if region else {}),
                },
                "logicalLocations": [
                    {"fullyQualifiedName": finding.pointer or "/", "kind": "member"}
                ],
            }
            results.append(
                {
                    "ruleId": finding.code,
                    "ruleIndex": index[finding.code],
                    "level": "error" if finding.severity is Severity.ERROR else "warning",
                    "message": {"text": f"{_place(finding)}: {finding.message}"},
                    "locations": [location],
                }
            )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "superplan",
                        "version": __version__,
                        "informationUri": docs_url("", docs_base).removesuffix("#"),
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def junit_report(
    reports: Sequence[ValidationReport], *, strict: bool = False, docs_base: str | None = None
) -> str:
    """JUnit XML: a test case per file, failed by its errors (and, with ``strict``, its
    warnings), each finding a line of the failure's text."""
    # Here, not above: it imports urllib.request (and with it http, ssl and email), a tenth of
    # `superplan validate FILE`'s start-up, which only this reporter needs.
    from xml.sax.saxutils import escape, quoteattr

    cases = []
    failures = 0
    for report in reports:
        name = quoteattr(printable(report.source or "(standard input)"))
        failing = not report.passes(strict=strict)
        failures += failing
        body = "\n".join(
            f"{finding.describe(report.source)} ({docs_url(finding.code, docs_base)})"
            for finding in report.findings
        )
        if failing:
            message = quoteattr(report.summary())
            inner = f'<failure message={message} type="validation">{escape(body)}</failure>'
        elif body:
            inner = f"<system-out>{escape(body)}</system-out>"
        else:
            inner = ""
        cases.append(f'  <testcase classname="superplan.validate" name={name}>{inner}</testcase>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuite name="superplan validate" tests="{len(reports)}" failures="{failures}" '
        'errors="0" skipped="0">\n' + "\n".join(cases) + ("\n" if cases else "") + "</testsuite>\n"
    )
