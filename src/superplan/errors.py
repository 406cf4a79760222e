"""superplan's exceptions. Every error a user can cause is one of these, never a raw traceback."""

import os
import re
from collections.abc import Iterable

from attrs import frozen

__all__ = [
    "DiffError",
    "DumpError",
    "InvalidField",
    "LoadError",
    "OutputError",
    "Problem",
    "SuperplanError",
    "TableError",
    "UnknownAgency",
    "UnknownRecommendation",
    "WrongType",
    "located",
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


class InvalidField(SuperplanError, ValueError):
    """A value that breaks a rule of the model, with the path of keys to it from its object.

    ``message`` says what is wrong; ``str()`` puts the class and field in front of it
    (``Response.acceptance: expected one of ...``) so that an error raised while building an
    object names what was being built.
    """

    def __init__(
        self, path: tuple[str | int, ...] | str, message: str, *, owner: str | None = None
    ) -> None:
        self.path = (path,) if isinstance(path, str) else path
        self.message = message
        where = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in self.path)
        where = f"{owner or ''}{where}".lstrip(".")
        super().__init__(f"{where}: {message}" if where else message)


class WrongType(InvalidField, TypeError):
    """A value of the wrong kind for its field (text where a date belongs, a list for text)."""


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
        described = [problem.describe(self.source) for problem in self.problems]
        return "\n".join(capped(described, [p.kind or p.message for p in self.problems]))


#: Lines shown for one sort of problem (its kind, or else its message); past these, one line
#: says how many more there are.
SHOWN_PER_KIND = 1000


def capped(lines: list[str], kinds: Iterable[str | None] | None = None) -> list[str]:
    """``lines``, where more than :data:`SHOWN_PER_KIND` share a kind (by default: all lines
    are one kind), the first of them and then "… and 2,499,990 more like this"."""
    if len(lines) <= SHOWN_PER_KIND:
        return lines
    sorts = list(kinds) if kinds is not None else [None] * len(lines)
    seen: dict[str | None, int] = {}
    shown = []
    for line, kind in zip(lines, sorts, strict=True):
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= SHOWN_PER_KIND:
            shown.append(line)
    for kind, count in seen.items():
        if count > SHOWN_PER_KIND:
            about = f" ({kind})" if kind else ""
            shown.append(f"… and {count - SHOWN_PER_KIND:,} more like this{about}")
    return shown


class DumpError(LoadError, ValueError):
    """A value that strict JSON cannot hold, or that would not read back the same (NaN, a lone
    surrogate, nesting past the limit): refused by ``dumps`` with its pointer. A ``ValueError``
    too, as the json module's refusals were."""


class TableError(LoadError):
    """A table's cell errors; each message already says sheet, row and column."""

    def __str__(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        lines = [prefix + problem.message for problem in self.problems]
        return "\n".join(capped(lines, [p.kind or p.message for p in self.problems]))


class DiffError(SuperplanError):
    """The two documents are not two versions of the same plan."""


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
