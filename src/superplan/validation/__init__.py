"""Validation: the published schema, then the catalogue rules, reported as findings people can act on."""

from ._findings import Finding, Severity, ValidationReport
from ._rules import RULES, Rule, rule
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
