"""superplan's exceptions. Every error a user can cause is one of these, never a raw traceback."""

import os
import re
from collections.abc import Iterable

from attrs import frozen

from ._words import whole_number

__all__ = [
    "DumpError",
    "LoadError",
    "OutputError",
    "Problem",
    "SuperplanError",
    "UnknownAgency",
    "UnknownRecommendation",
    "json_pointer",
    "located",
    "pointer_order",
    "printable",
]

# What a terminal would act on rather than show: C0 and C1 controls (ESC starts a colour or a
# cursor move, CR overwrites the line), bidi and zero-width controls (which reorder or hide
# text), line and paragraph separators, and surrogates (which cannot be written out at all).
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff"
    "\ufff9-\ufffb\ud800-\udfff]"
)


def _escape(match: "re.Match[str]") -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` safe to show on a terminal: every control, bidi or invisible character is
    written as its escape (``\\x1b``, ``\\u202e``), so that what is shown is what is there."""
    return _UNPRINTABLE.sub(_escape, text)


def json_pointer(path: Iterable[str | int]) -> str:
    """The RFC 6901 JSON pointer for a path of keys and indexes (``""`` is the whole document)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def pointer_order(pointer: str) -> list[tuple[int, int | str]]:
    """A sort key that puts JSON pointers in document order (indexes as numbers: 2 before 10)."""
    parts = pointer.split("/")[1:]
    keys = [(part, whole_number(part)) for part in parts]
    return [(1, part) if number is None else (0, number) for part, number in keys]


def located(text: str, source: str | None, line: int | None, column: int | None) -> str:
    """``text`` behind its place, ``file:line:column:``, as far as each is known; printable on a
    terminal whatever the file name or the text hold (see :func:`printable`)."""
    where = [source] if source else []
    if line is not None:
        where.append(str(line))
        if column is not None:
            where.append(str(column))
    return printable(f"{':'.join(where)}: {text}" if where else text)


@frozen(kw_only=True)
class Problem:
    """One thing wrong with an input: where (JSON pointer, and line and column where known), and what."""

    pointer: str
    """The JSON pointer of the value it is about (``""`` for the whole input)."""
    message: str
    """What is wrong, in words."""
    line: int | None = None
    """The line in the text (from 1), where known."""
    column: int | None = None
    """The column on that line (from 1), where known."""
    kind: str | None = None
    """A stable name for the sort of problem (``not-json``, ``unknown-key``, ...), for programs."""

    def describe(self, source: str | None = None) -> str:
        """One line a person can act on: ``file:line:column: /pointer: message``."""
        return located(
            f"{self.pointer or '(top level)'}: {self.message}", source, self.line, self.column
        )


class SuperplanError(Exception):
    """The base of every exception superplan raises on purpose."""


class LoadError(SuperplanError):
    """An input could not be read into the model. ``problems`` lists every problem found."""

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        super().__init__(self.__str__())

    def with_source(self, source: str) -> "LoadError":
        """The same error, naming the file it came from."""
        return type(self)(self.problems, source)

    def __str__(self) -> str:
        return "\n".join(problem.describe(self.source) for problem in self.problems)


class DumpError(LoadError, ValueError):
    """A value that strict JSON cannot hold, or that would not read back the same (NaN, a lone
    surrogate, nesting past the limit): refused by ``dumps`` with its pointer. A ``ValueError``
    too, as the json module's refusals were."""


class OutputError(SuperplanError):
    """An output file or folder cannot be written: ``path``, and what is wrong and what to do.
    Nothing was changed at ``path``."""

    def __init__(self, path: "str | os.PathLike[str]", message: str) -> None:
        self.path = os.fspath(path)
        self.message = message
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return located(self.message, self.path, None, None)


class _Unknown(SuperplanError, LookupError):
    kind = "thing"

    def __init__(self, key: object, suggestions: Iterable[str] = ()) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        super().__init__(key)

    def __str__(self) -> str:
        message = f"there is no {self.kind} {self.key!r}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        return message


class UnknownRecommendation(_Unknown):
    """No recommendation has this number or slug."""

    kind = "recommendation"


class UnknownAgency(_Unknown):
    """No agency, force or responder has this slug."""

    kind = "agency, force or responder"
