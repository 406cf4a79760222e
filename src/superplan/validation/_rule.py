"""One finding code: what it is called, what it says, and the check that finds it."""

from typing import Any

from attrs import frozen

from ._checks import Check
from ._findings import Finding, Severity


@frozen(kw_only=True)
class Rule:
    """One finding code."""

    code: str
    """The finding code, such as ``SP205``."""
    name: str
    """A name for the code, such as ``missing-response`` (``superplan rules`` takes either)."""
    severity: Severity
    """Error or warning."""
    title: str
    """What the code means, in a few words."""
    message: str
    """A template for the message; its fields come from the check."""
    hint: str
    """What to do about it, in a sentence."""
    check: Check | None = None
    """The catalogue check; None for codes that the reading and schema layers raise."""
    model_refuses: bool = False
    """The model refuses what this check finds, so it cannot fire on a document the model has
    structured: then it is not run."""
    bad: Any = None
    """An example document with the problem (a JSON value, or raw text as a ``str``)."""
    fixed: Any = None
    """The same example, fixed."""

    def finding(
        self,
        pointer: str,
        *,
        line: int | None = None,
        column: int | None = None,
        **params: Any,
    ) -> Finding:
        """A finding of this code at ``pointer``, its message and hint filled in from ``params``."""
        return Finding(
            code=self.code,
            severity=self.severity,
            title=self.title,
            pointer=pointer,
            message=self.message.format(**params),
            hint=self.hint.format(**params),
            line=line,
            column=column,
        )
