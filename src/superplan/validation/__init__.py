"""Validation: the published schema, then the catalogue rules, reported as findings people can act on."""

from ._docs import (
    PLACEHOLDER as PLACEHOLDER,
    render_rules_markdown as render_rules_markdown,
    rule_section as rule_section,
)
from ._findings import DOCS_PAGE as DOCS_PAGE, Finding, Severity, ValidationReport, merge as merge
from ._rules import RULES, Rule, rule
from ._validate import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, validate

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
]
