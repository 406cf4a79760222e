"""Every fixed piece of page text, from one message catalogue per language.

A new language is a new JSON file with the same keys as ``messages/en.json`` (a Welsh edition is
``cy.json``): no code changes. A file with keys missing or extra is refused, naming them.
"""

import datetime as dt
import json
import os
import re
import string
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .._files import read_json
from .._json import json_pointer, parse_json
from ..errors import LoadError, Problem
from ..model import PartialDate

__all__ = ["Messages", "messages"]


class Messages:
    """One language's page texts."""

    def __init__(self, texts: dict[str, Any], name: str, *, shipped: bool = False) -> None:
        self.texts = texts
        self.name = name
        self.shipped = shipped
        """A language shipped with superplan; otherwise a translation file a user gave."""

    def for_markdown(self) -> "Messages":
        """The texts as Markdown pages take them. A translation file is data, not markup: its
        texts' own characters that Markdown or HTML would act on (``<svg onload>``,
        ``[x](javascript:)``) are escaped, as the HTML pages escape them; the placeholders are
        filled in after, with values escaped on their own. Shipped texts are used as written."""
        if self.shipped:
            return self
        return Messages(_escaped_texts(self.texts), self.name)

    @property
    def language(self) -> str:
        return str(self.texts["language"])

    def __call__(self, key: str, **params: Any) -> str:
        return str(self.texts[key]).format(**params)

    def value(self, group: str, member: object) -> str:
        """The label of an enumerated value, e.g. ``value("status_values", "in-progress")``."""
        return str(self.texts[group][str(member)])

    def count(self, group: str, count: int, **params: Any) -> str:
        """A count in words with its noun in the right number: ``count("count_recommendations",
        1)`` is "1 recommendation", and 2 gives "2 recommendations"."""
        forms = self.texts[group]
        return str(forms["one"] if count == 1 else forms["other"]).format(count=count, **params)

    def date(self, value: dt.date | PartialDate | str | None) -> str:
        """A date in words at the precision it was given: a day ("27 March 2025"), or a month
        ("November 2024") for a month-precision date. A date may come as text, as it does in
        a plan's JSON ("2025-03"); text that is not a date is given back as it is."""
        if value is None:
            return self("not_stated")
        if isinstance(value, str):
            try:
                value = PartialDate.parse(value)
            except ValueError:
                return str(value)
        month = self.texts["months"][value.month - 1]
        if isinstance(value, PartialDate) and value.day is None:
            return str(self.texts["month_format"]).format(month=month, year=value.year)
        return str(self.texts["date_format"]).format(day=value.day, month=month, year=value.year)


#: What names a shipped language rather than a file: a BCP 47-like tag, with no path in it.
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def _shipped(language: str) -> bytes | None:
    if not _LANGUAGE_TAG.fullmatch(language):
        return None  # never joined into a path inside the package
    path = resources.files("superplan.render").joinpath("messages", f"{language}.json")
    return path.read_bytes() if path.is_file() else None


def _shipped_languages() -> list[str]:
    folder = resources.files("superplan.render").joinpath("messages")
    return sorted(
        p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
    )


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return len(value)
    return type(value).__name__


@cache
def _english() -> dict[str, Any]:
    data = _shipped("en")
    assert data is not None
    texts: dict[str, Any] = json.loads(data)
    return texts


def _placeholders(text: str) -> set[str]:
    """The names a text fills in; ValueError where its braces are not a valid template."""
    names = set()
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            # "{0}", "{}", "{date.year}", "{date!r}", "{count:>5}": only plain names are filled in
            field = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise ValueError(f"{{{field}}} is not a plain name in braces")
        names.add(name)
    return names


def _placeholder_problem(reference: str, candidate: str, pointer: str) -> Problem | None:
    """A translated text may leave out a placeholder of en.json's, never add or garble one."""
    try:
        names = _placeholders(candidate)
    except ValueError as error:
        detail = str(error) if "plain name" in str(error) else "a brace is not closed or opened"
        return Problem(
            pointer=pointer,
            message=f"this text is not a valid template ({detail}; write {{{{ and }}}} for "
            "braces shown as text)",
        )
    unknown = sorted(names - _placeholders(reference))
    if unknown:
        known = ", ".join(f"{{{n}}}" for n in sorted(_placeholders(reference))) or "none"
        return Problem(
            pointer=pointer,
            message="unknown placeholder "
            + ", ".join(f"{{{n}}}" for n in unknown)
            + f" (this text may use: {known})",
        )
    return None


def _differences(reference: Any, candidate: Any, path: tuple[str, ...]) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(reference, dict):
        if not isinstance(candidate, dict):
            return [Problem(pointer=json_pointer(path), message="expected an object of texts")]
        for key in reference:
            if key not in candidate:
                problems.append(
                    Problem(pointer=json_pointer((*path, key)), message="this text is missing")
                )
            else:
                problems += _differences(reference[key], candidate[key], (*path, key))
        for key in candidate:
            if key not in reference:
                problems.append(
                    Problem(pointer=json_pointer((*path, key)), message="unknown text key")
                )
    elif _shape(reference) != _shape(candidate):
        problems.append(
            Problem(
                pointer=json_pointer(path), message="expected the same kind of value as en.json"
            )
        )
    elif isinstance(reference, list):
        for index, (ours, theirs) in enumerate(zip(reference, candidate, strict=True)):
            problems += _differences(ours, theirs, (*path, str(index)))
    elif isinstance(reference, str):
        problem = _placeholder_problem(reference, candidate, json_pointer(path))
        if problem is not None:
            problems.append(problem)
    return problems


#: What Markdown (or the HTML it may hold) acts on in running text.
_MARKUP = re.compile(r"[\\`*_\[\]<>#|!~&]|(?<=\w):(?=/)|(?<=www)\.")


def _escaped_literal(text: str) -> str:
    return _MARKUP.sub(lambda m: "\\" + m.group(0), text).replace("\r", " ").replace("\n", " ")


def _escaped_texts(value: Any) -> Any:
    """Every text's literal parts escaped for Markdown, its ``{placeholders}`` kept."""
    if isinstance(value, dict):
        return {key: _escaped_texts(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped_texts(item) for item in value]
    if not isinstance(value, str):
        return value
    out = []
    for literal, field_name, spec, conversion in string.Formatter().parse(value):
        out.append(_escaped_literal(literal).replace("{", "{{").replace("}", "}}"))
        if field_name is not None:
            out.append(
                "{" + field_name + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "") + "}"
            )  # fmt: skip
    return "".join(out)


def messages(language: str | os.PathLike[str] = "en") -> Messages:
    """The page texts for a shipped language code (``en``) or a translation file's path."""
    name = os.fspath(language)
    try:
        if name == "":
            message = "no language or translation file was named"
            raise LoadError([Problem(pointer="", message=message, kind="unreadable-file")])
        data = _shipped(language) if isinstance(language, str) else None
        if data is not None:
            texts = parse_json(data)
        elif (
            isinstance(language, str)
            and _LANGUAGE_TAG.fullmatch(language)
            and not Path(language).exists()
        ):
            known = ", ".join(_shipped_languages())
            message = f"no such language (shipped: {known}) or translation file"
            raise LoadError([Problem(pointer="", message=message, kind="unreadable-file")])
        else:
            texts = read_json(language)  # under the size limit, by the strict reader
    except LoadError as error:
        raise error.with_source(name) from None
    problems = _differences(_english(), texts, ())
    if not problems and not _LANGUAGE_TAG.fullmatch(str(texts["language"]).lower()):
        message = "expected a language tag (as cy, or en-GB): it goes into the pages' lang"
        problems.append(Problem(pointer="/language", message=message))
    if problems:
        raise LoadError(problems, source=name)
    return Messages(texts, name, shipped=data is not None)
