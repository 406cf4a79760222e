"""Validation: the published schema, then the catalogue rules, reported as findings people can act on."""

from ._checks import web_address as web_address
from ._docs import (
    PLACEHOLDER as PLACEHOLDER,
    render_rules_markdown as render_rules_markdown,
    rule_section as rule_section,
)
from ._findings import (
    DOCS_PAGE as DOCS_PAGE,
    Finding,
    Severity,
    ValidationReport,
    docs_url as docs_url,
    merge as merge,
)
from ._reporters import (
    github_report as github_report,
    junit_report as junit_report,
    sarif_report as sarif_report,
)
from ._rule import Rule
from ._rules import RULES, rule
from ._validate import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, validate, validate_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "ValidationReport",
    "rule",
    "validate",
    "validate_text",
]
