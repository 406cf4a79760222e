"""The draft plan as it is built: responses, their parts, actions and updates, and the evidence
(where each value came from, and how sure) for every value put in.

Lists are collected and joined once at the end, so that a page of any length is built in time
proportional to its size.
"""

from typing import Any

from attrs import define, field, frozen

__all__ = ["Capture", "Draft", "ResponseDraft"]


@frozen(kw_only=True)
class Capture:
    """One imported value: where it went, what it is, where it came from, how sure."""

    recommendation: int | None
    pointer: str
    field: str
    value: str
    source: str
    """"line 12", or "table 1, row 3, column 'Owner'"."""
    line: int
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "recommendation": self.recommendation,
            "field": self.field,
            "pointer": self.pointer,
            "value": self.value,
            "source": self.source,
            "line": self.line,
            "confidence": round(self.confidence, 1),
        }


@define
class ResponseDraft:
    number: int
    position: int
    data: dict[str, Any] = field(factory=dict)
    narrative: list[str] = field(factory=list)
    quoted: list[str] = field(factory=list)
    translations: dict[str, list[str]] = field(factory=dict)
    actions: list[dict[str, Any]] = field(factory=list)
    parts: dict[str, dict[str, Any]] = field(factory=dict)
    updates: list[dict[str, Any]] = field(factory=list)
    links: list[dict[str, str]] = field(factory=list)

    @property
    def pointer(self) -> str:
        return f"/responses/{self.position}"

    def part(self, key: str) -> tuple[int, dict[str, Any]]:
        if key not in self.parts:
            self.parts[key] = {"part": key}
        return list(self.parts).index(key), self.parts[key]

    def build(self) -> dict[str, Any]:
        result: dict[str, Any] = {"recommendation": self.number}
        result.update(self.data)
        if self.quoted:
            result["recommendation_as_quoted"] = "\n\n".join(self.quoted)
        if self.narrative:
            result["narrative"] = "\n\n".join(self.narrative)
        if self.translations:
            result["translations"] = [
                {"lang": lang, "narrative": "\n\n".join(texts)}
                for lang, texts in self.translations.items()
            ]
        if self.links:
            result["links"] = _unique(self.links)
        if self.parts:
            result["parts"] = list(self.parts.values())
        if self.actions:
            result["actions"] = self.actions
        if self.updates:
            result["updates"] = self.updates
        return result


def _unique(links: list[dict[str, str]]) -> list[dict[str, str]]:
    seen: set[tuple[str, str]] = set()
    result = []
    for link in links:
        key = (link["title"], link["url"])
        if key not in seen:
            seen.add(key)
            result.append(link)
    return result


@define
class Draft:
    responses: dict[int, ResponseDraft] = field(factory=dict)
    captures: list[Capture] = field(factory=list)
    introduction: list[str] = field(factory=list)
    links: list[dict[str, str]] = field(factory=list)
    leads: list[dict[str, str]] = field(factory=list)

    def response(self, number: int) -> ResponseDraft:
        if number not in self.responses:
            self.responses[number] = ResponseDraft(number=number, position=len(self.responses))
        return self.responses[number]

    def capture(
        self,
        recommendation: int | None,
        pointer: str,
        field_name: str,
        value: str,
        source: str,
        line: int,
        confidence: float,
    ) -> None:
        self.captures.append(
            Capture(
                recommendation=recommendation,
                pointer=pointer,
                field=field_name,
                value=value,
                source=source,
                line=line,
                confidence=confidence,
            )
        )

    def build(self, **plan: Any) -> dict[str, Any]:
        result: dict[str, Any] = {key: value for key, value in plan.items() if value}
        if self.leads:
            result["leads"] = self.leads
        if self.links:
            result["links"] = _unique(self.links)
        if self.introduction:
            result["introduction"] = self.introduction
        result["responses"] = [response.build() for response in self.responses.values()]
        return result
