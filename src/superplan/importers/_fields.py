"""Lines that carry a field: part lines (``7.1 - Evidence requirements ...: ...``), labelled
values ("Owner: Head of Crime", "Status: Ongoing", "Target date: March 2026") put into the part
or response they describe, recommendation headings, and actions made from response text."""

import re
from typing import Any

from ._columns import leading_number
from ._dates import parse_date
from ._draft import Draft, ResponseDraft
from ._items import PageLine
from ._vocabulary import Vocabulary

__all__ = [
    "LABELLED",
    "LABEL_FIELDS",
    "PART_LINE",
    "PUNCTUATION",
    "FieldWriter",
    "clean",
    "part_line",
    "recommendation_heading",
]

# "7.1 - Evidence requirements of progress/completion: Processes should ..."
PART_LINE = re.compile(
    r"^\s*(?:rec(?:ommendation)?\.?\s*)?([0-9]{1,2})\.([0-9]{1,2})(?![0-9.])\s*[-\u2013:.)]?\s+(.{10,})$",
    re.IGNORECASE,
)
# "Owner: Head of Crime", "Status: Complete" (the label a known heading)
LABELLED = re.compile(r"^([A-Za-z][^:|]{1,50}):\s*(\S.*)$")
LABEL_FIELDS = frozenset(
    {"requirement", "owner", "update", "status", "evidence", "date", "due", "action"}
)
#: Labelled fields a part or an action holds and a response does not: under a recommendation
#: that names no part, each is kept in the response's narrative.
ONLY_BELOW_A_RESPONSE = frozenset({"requirement", "evidence", "due"})
PUNCTUATION = re.compile(r"[|:\s-]+")
"""A line of table punctuation alone (a rule, a lone "|")."""


def part_line(text: str) -> "re.Match[str] | None":
    """``7.1 - ...`` or ``Rec 7.1: ...``, looked for only where a line could be one."""
    if not (text[:1].isdigit() or text[:3].lower() == "rec"):
        return None
    return PART_LINE.match(text)


def clean(text: str) -> str:
    """A value without the table punctuation a text capture leaves around it."""
    return text.strip().strip("|").strip()


def recommendation_heading(item: PageLine) -> int | None:
    """The number of a heading that only names a recommendation ("Recommendation 13")."""
    if len(item.text) > 40 or not re.match(
        r"^\s*(rec|recommendation|argymhelliad)\b", item.text, re.IGNORECASE
    ):
        return None
    number, part, rest = leading_number(item.text)
    return number if number is not None and part is None and not rest.strip(" :.-") else None


class FieldWriter:
    """Writes values into the draft, recording where each came from."""

    def __init__(self, draft: Draft, words: Vocabulary) -> None:
        self.draft = draft
        self.words = words

    def put(
        self,
        response: ResponseDraft,
        holder: dict[str, Any],
        pointer: str,
        name: str,
        text: str,
        item: PageLine,
        date: Any = None,
        *,
        part: str | None,
        score: float,
    ) -> str:
        """A labelled value into a part (or the response); returns where it went."""
        at = f"line {item.number}"
        if holder is response.data and name in ONLY_BELOW_A_RESPONSE:
            # A response holds none of these (its parts and actions do): nothing is lost.
            return self.keep_in_narrative(response, item, text)
        updates = response.updates if holder is response.data else None
        if name == "update":
            update: dict[str, Any] = {"note": text}
            if date is not None:
                update["date"] = date.iso
            target_list = updates if updates is not None else holder.setdefault("updates", [])
            target_list.append(update)
            pointer = f"{pointer}/updates/{len(target_list) - 1}"
        elif name == "date":
            found = parse_date(text)
            target_list = updates if updates is not None else holder.get("updates", [])
            if found is None or not target_list or "date" in target_list[-1]:
                return self.keep_in_narrative(response, item, text)
            target_list[-1]["date"] = found.iso
            pointer = f"{pointer}/updates/{len(target_list) - 1}/date"
        elif name == "status":
            status, _sure = self.words.status("delivery", text)
            holder["status_text"] = text
            if status is not None:
                holder["status"] = status
            pointer = f"{pointer}/status_text"
        elif name == "evidence":
            holder.setdefault("evidence", []).append(text)
            pointer = f"{pointer}/evidence"
        elif name == "action":
            return self.action(response, text, item, part, score)
        elif name == "due":
            found = parse_date(text)
            if found is None:
                return self.keep_in_narrative(response, item, text)
            holder["due"] = {
                "date": found.iso,
                **({"not_before": True} if found.not_before else {}),
            }
            pointer = f"{pointer}/due"
        else:  # requirement, owner
            holder[name] = f"{holder[name]}; {text}" if holder.get(name) else text
            pointer = f"{pointer}/{name}"
        self.draft.capture(response.number, pointer, name, text, at, item.number, 80.0)
        return pointer

    def keep_in_narrative(self, response: ResponseDraft, item: PageLine, text: str) -> str:
        response.narrative.append(item.text)
        pointer = f"{response.pointer}/narrative"
        self.draft.capture(
            response.number, pointer, "narrative", text, f"line {item.number}", item.number, 60.0
        )
        return pointer

    def action(
        self, response: ResponseDraft, text: str, item: PageLine, part: str | None, score: float
    ) -> str:
        action: dict[str, Any] = {
            "id": f"{response.number}-{len(response.actions) + 1}",
            "description": text,
        }
        if part is not None:
            action["part"] = part
        response.actions.append(action)
        pointer = f"{response.pointer}/actions/{len(response.actions) - 1}/description"
        self.draft.capture(
            response.number,
            pointer,
            "action",
            text,
            f"line {item.number}",
            item.number,
            score,
        )
        return pointer
