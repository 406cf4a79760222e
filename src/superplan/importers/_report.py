"""What a page import reports: every line's disposition, every captured value, the notes."""

from enum import StrEnum
from typing import Any

import attrs
from attrs import frozen

from ..model import ActionPlan
from ._draft import Capture

__all__ = ["REVIEW", "Disposition", "ImportReport", "ImportResult", "Line"]

REVIEW = 90.0
"""Assignments whose confidence is below this are flagged for review."""


class Disposition(StrEnum):
    BOILERPLATE = "boilerplate"
    HEADING = "heading"
    QUOTED = "quoted"
    INTRODUCTION = "introduction"
    NARRATIVE = "narrative"
    ACTION = "action"
    ROW = "row"
    """A table row, read cell by cell (the report's captures say where each cell went)."""
    TRANSLATION = "translation"
    """Text in the page's other language (Welsh on an English page), kept beside the response."""
    UNASSIGNED = "unassigned"


@frozen(kw_only=True)
class Line:
    number: int
    text: str
    disposition: Disposition
    recommendation: int | None = None
    target: str | None = None
    """The JSON pointer in the draft plan where the text went."""
    confidence: float | None = None

    @property
    def needs_review(self) -> bool:
        return self.confidence is not None and self.confidence < REVIEW

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "line": self.number,
            "disposition": str(self.disposition),
            "text": self.text,
        }
        if self.recommendation is not None:
            result["recommendation"] = self.recommendation
        if self.target is not None:
            result["target"] = self.target
        if self.confidence is not None:
            result["confidence"] = round(self.confidence, 1)
            result["review"] = self.needs_review
        return result


@frozen(kw_only=True)
class ImportReport:
    source: str | None
    responder: str
    lines: tuple[Line, ...]
    found: tuple[int, ...]
    not_found: tuple[int, ...]
    """Recommendations addressed to the responder that the page does not quote."""
    notes: tuple[str, ...]
    captures: tuple[Capture, ...] = ()
    """Every value put into the draft: where it went, where it came from, how sure."""
    layouts: tuple[str, ...] = ()
    """The shape each table on the page was read as."""
    links: tuple[tuple[str, str], ...] = ()
    """Every link the page's content gives (title, URL)."""

    @property
    def empty(self) -> bool:
        """True when the page holds no recommendation-level content (an introduction, a link)."""
        return not self.found

    @property
    def unassigned(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.disposition is Disposition.UNASSIGNED)

    @property
    def for_review(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.needs_review)

    def captured(self, recommendation: int | None) -> tuple[Capture, ...]:
        return tuple(c for c in self.captures if c.recommendation == recommendation)

    def to_dict(self) -> dict[str, Any]:
        per_recommendation = []
        for number in self.found:
            captures = self.captured(number)
            per_recommendation.append(
                {
                    "recommendation": number,
                    "captured": [c.to_dict() for c in captures],
                    "low_confidence": [c.to_dict() for c in captures if c.confidence < REVIEW],
                }
            )
        return {
            "source": self.source,
            "responder": self.responder,
            "found": list(self.found),
            "not_found": list(self.not_found),
            "empty": self.empty,
            "notes": list(self.notes),
            "layouts": list(self.layouts),
            "links": [{"title": t, "url": u} for t, u in self.links],
            "counts": {
                d.value: sum(1 for line in self.lines if line.disposition is d) for d in Disposition
            },
            "recommendations": per_recommendation,
            "plan_level": [c.to_dict() for c in self.captured(None)],
            "unplaced": [line.to_dict() for line in self.unassigned],
            "lines": [line.to_dict() for line in self.lines],
        }

    def format_text(self) -> str:
        out = [
            f"{self.source or 'page'}: {len(self.lines)} lines; recommendations found: "
            + (", ".join(map(str, self.found)) or "none"),
        ]
        if self.not_found:
            out.append(
                "addressed to the responder but not found: " + ", ".join(map(str, self.not_found))
            )
        out.extend(f"  {layout}" for layout in self.layouts)
        for number in self.found:
            captures = self.captured(number)
            fields: dict[str, int] = {}
            for capture in captures:
                fields[capture.field] = fields.get(capture.field, 0) + 1
            summary = ", ".join(f"{name} {count}" for name, count in fields.items())
            out.append(f"  recommendation {number}: {summary or 'nothing captured'}")
            for capture in captures:
                if capture.confidence < REVIEW:
                    out.append(
                        f"    check: {capture.field} from {capture.source} (line {capture.line}, "
                        f"confidence {capture.confidence:.0f}): {capture.value[:70]}"
                    )
        for line in self.lines:
            if line.disposition is Disposition.UNASSIGNED:
                out.append(f"  line {line.number}: unassigned: {line.text[:100]}")
            elif line.needs_review and line.disposition is Disposition.QUOTED:
                out.append(
                    f"  line {line.number}: check: {line.disposition} for recommendation "
                    f"{line.recommendation} (confidence {line.confidence:.0f}): {line.text[:80]}"
                )
        out.extend(f"  note: {note}" for note in self.notes)
        counts = {d: sum(1 for line in self.lines if line.disposition is d) for d in Disposition}
        out.append("  " + ", ".join(f"{d.value} {n}" for d, n in counts.items() if n))
        return "\n".join(out)


@frozen(kw_only=True)
class ImportResult:
    plan: ActionPlan
    report: ImportReport
    data: dict[str, Any] = attrs.field(factory=dict, eq=False)
    """The draft as JSON data (what ``plan`` was built from)."""
