"""What running text on a page says: site furniture, Welsh, plan leads, acceptance and compliance
in the force's words, and whether a line reads as the responder's own work or as reported speech."""

import re

from ._dates import find_date
from ._draft import Draft, ResponseDraft
from ._vocabulary import Vocabulary

__all__ = [
    "ACTION",
    "HEADING",
    "LEAD",
    "WELSH_HINT",
    "assessment_in_prose",
    "is_boilerplate",
    "lead",
    "reads_as_response",
    "reported_speech",
    "welsh",
]

_COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
_FURNITURE = re.compile(
    r"skip to (main )?content"
    r"|sorry, there was a technical problem"
    r"|this site is a beta\b"
    r"|quickly exit this site"
    r"|(leave|exit) this site$"
    r"|(back to top|print this page|share this page)$",
    re.IGNORECASE,
)
HEADING = re.compile(r"^(our )?(initial )?response:?$", re.IGNORECASE)
ACTION = re.compile(r"\bwill\b|\bwe (are|have|plan)\b", re.IGNORECASE)

# "Executive Lead: ACC Jane Doe", "Strategic / Executive Lead: D/Supt Abbie Leeson"
_ROLE = r"(?:executive|operational|strategic|tactical|senior|chief officer|force|portfolio)"
LEAD = re.compile(
    rf"^({_ROLE}(?:\s*(?:/|&|and)\s*{_ROLE})*\s+lead(?:\s+officer)?)\s*[:\-\u2013]\s*(.+)$",
    re.IGNORECASE,
)
# Reported speech and journalism: "..., said Chief Constable Smith", "Published: 3 May 2025".
_SPEECH = re.compile(
    r"\b(said|says|added|told|explained|according to|commented|spokesperson|reporter)\b"
    r"|^[\"\u201c\u2018']",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"'(])")
_WELSH = frozenset(
    (
        "yr", "yn", "ein", "bydd", "byddwn", "heddlu", "mae", "wedi", "gyda", "hyn", "bod",
        "cynllun", "argymhelliad", "ymateb", "rydym", "erbyn", "drwy", "gan", "eu", "ei", "ac",
        "sydd", "fydd", "hefyd", "gwaith", "swyddogion", "dioddefwyr", "stelcio", "ni'n", "i'r",
        "o'r", "a'r", "dylai", "prif", "gwnstabliaid",
    )
)  # fmt: skip


WELSH_HINT = re.compile(
    r"\b(yn|ein|mae|wedi|gyda|sydd|bydd|byddwn|rydym|heddlu|drwy|hefyd|erbyn|ymateb)\b",
    re.IGNORECASE,
)


def welsh(text: str) -> bool:
    """Text in Welsh, by its common words (for text captures, which carry no ``lang``)."""
    if WELSH_HINT.search(text) is None:
        return False
    words = re.findall(r"[\w']+", text.lower())
    hits = sum(1 for word in words if word in _WELSH)
    return len(words) >= 3 and hits >= 2 and hits >= 0.2 * len(words)


def lead(role: str, name: str) -> dict[str, str]:
    """A plan lead, its role as written ("Operational lead", "Strategic / Executive Lead")."""
    return {"role": " ".join(role.split()), "name": name.strip()}


def assessment_in_prose(
    draft: Draft, response: ResponseDraft, text: str, line_no: int, words: Vocabulary
) -> None:
    """ "We accept this recommendation. Our initial assessment, 21 November 2024, is that we
    comply with most aspects": acceptance and compliance in the force's words, and the date."""
    lower = text.lower()
    if "accept" not in lower and "compli" not in lower and "comply" not in lower:
        return  # most lines say neither; the phrase tables are consulted only when one might
    for kind in ("acceptance", "compliance"):
        if kind in response.data:
            continue
        value, _phrase = words.phrase(kind, text)
        if value is None or (
            kind == "compliance" and not re.search(r"\b(we|force)\b", text, re.IGNORECASE)
        ):
            continue
        response.data[kind] = value
        response.data[f"{kind}_text"] = _sentence_saying(text, _phrase or "") or text
        draft.capture(
            response.number,
            f"{response.pointer}/{kind}",
            kind,
            value,
            f"line {line_no}",
            line_no,
            70.0,
        )
        found = find_date(text)
        if found is not None and kind == "compliance" and "assessed_on" not in response.data:
            response.data["assessed_on"] = found.iso
            draft.capture(
                response.number,
                f"{response.pointer}/assessed_on",
                "assessed_on",
                found.iso,
                f"line {line_no}",
                line_no,
                70.0,
            )


def _sentence_saying(text: str, phrase: str) -> str | None:
    """The sentence of ``text`` that says ``phrase`` (its words, in lower case), as written."""
    words = phrase.split()
    for sentence in _SENTENCE.split(text):
        if (
            words
            and " ".join(re.findall(r"[^\W_]+", sentence.casefold())).find(" ".join(words)) >= 0
        ):
            return sentence.strip()
    return None


_SPEECH_WORDS = ("said", "says", "added", "told", "explained", "according to", "comment",
                 "spokes", "reporter")  # fmt: skip


def reported_speech(line: str) -> bool:
    """A line that reports what someone said, or reads as journalism, not as the plan itself."""
    lower = line.lower()
    if not lower.startswith(("'", '"', "\u201c", "\u2018")) and not any(
        word in lower for word in _SPEECH_WORDS
    ):
        return False  # most lines say none of them; the regex is consulted only when one might
    return _SPEECH.search(line) is not None


def is_boilerplate(line: str) -> bool:
    if len(line) >= 400:
        return False
    if ("ookie" in line or "OOKIE" in line) and _COOKIES.search(line):
        return True
    return _FURNITURE.match(line) is not None


def reads_as_response(line: str) -> bool:
    """Text about the responder's own work: what it does, will do, or has done."""
    return bool(
        ACTION.search(line)
        or re.search(r"\b(we|our|us|complete|completed|police)\b", line, re.IGNORECASE)
    )
