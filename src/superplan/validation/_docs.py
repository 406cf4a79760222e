"""The finding codes as a Markdown page: ``docs/rules.md`` is this function's output."""

import json
import re
from typing import Any

from ._rule import Rule
from ._rules import RULES

__all__ = ["render_rules_markdown"]

PLACEHOLDER = re.compile(r"\{(\w+)(?:![rsa])?\}")

_INTRO = """\
# Finding codes

`superplan validate` reports every problem it finds as a **finding**: a stable code, a severity,
the JSON pointer of the value, a message and a hint. This page is generated from the rules
themselves (`superplan rules --format markdown`); a test keeps it in step with the code.

- **SP0xx**: the input could not be read as a JSON object.
- **SP1xx**: the document does not have the shape the published schema gives
  (`schemas/action-plan.schema.json`).
- **SP2xx**: the document disagrees with the catalogue, or with itself.

An **error** means the submission is wrong. A **warning** means it is probably a mistake or
incomplete; `--strict` makes warnings fail too.

| code | name | severity | title |
|---|---|---|---|
"""


def _example(value: Any) -> str:
    if isinstance(value, bytes):
        return "```text\n" + repr(value) + "\n```"
    if isinstance(value, str):
        return "```json\n" + (value if value else "") + "\n```"
    return "```json\n" + json.dumps(value, ensure_ascii=False, indent=2) + "\n```"


def rule_section(rule: Rule) -> str:
    message = PLACEHOLDER.sub(r"<\1>", rule.message)
    lines = [
        f"## {rule.code}",
        "",
        f"**{rule.title}** (`{rule.name}`, {rule.severity})",
        "",
        f"Message: {message}",
        "",
        f"What to do: {rule.hint}",
    ]
    if rule.bad is not None:
        lines += ["", "Fails:", "", _example(rule.bad)]
    if rule.fixed is not None:
        lines += ["", "Fixed:", "", _example(rule.fixed)]
    return "\n".join(lines)


def render_rules_markdown() -> str:
    """The whole page."""
    table = "".join(
        f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity} | {r.title} |\n"
        for r in RULES
    )
    sections = "\n\n".join(rule_section(rule) for rule in RULES)
    return _INTRO + table + "\n" + sections + "\n"
