"""The Jinja environments: HTML with autoescaping, Markdown with every submitted text escaped."""

import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

__all__ = ["environment", "escape_markdown"]

# Line endings as CommonMark knows them; each becomes a space, so a value stays on its line.
_LINE_ENDING = re.compile(r"\r\n|\r|\n")
# Characters that can start Markdown or HTML markup anywhere in a line; ":" and "." only where
# they would make a web address into a link ("http://", "www."). GitHub's renderer still links an
# e-mail address (no escape stops it); its text is shown unchanged.
_INLINE = re.compile(r"[\\`*_\[\]<>#|!~&]|(?<=\w):(?=/)|(?<=www)\.")
# Characters that start a block (list, heading, quote, rule) at the beginning of a line.
_LEADING = re.compile(r"^([-+=>]|\d+[.)])")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as itself: markup characters escaped, line breaks as spaces.

    Leading blanks are dropped (they would make an indented code block; Markdown shows none).
    """
    single_line = " ".join(_LINE_ENDING.split(text)).lstrip(" \t")
    escaped = _INLINE.sub(lambda m: "\\" + m.group(0), single_line)
    return _LEADING.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], escaped)


_LONG = re.compile(r"\S{21,}")


def long_tokens(text: object) -> Markup:
    """Text, escaped, with each token longer than 20 characters (an address, an identifier) in
    a ``<span class="long">`` that may wrap anywhere: in a table cell only such tokens break
    mid-word, never words or headers."""
    return Markup(_LONG.sub(lambda m: f'<span class="long">{m.group(0)}</span>', str(escape(text))))


def _md_url(url: str) -> str:
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


@cache
def environment(kind: str) -> Environment:
    """``html``: autoescaped; ``markdown``: values arrive escaped from the view layer."""
    env = Environment(
        loader=PackageLoader("superplan.render", "templates"),
        autoescape=kind == "html",
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters["md_url"] = _md_url
    env.filters["md_text"] = escape_markdown
    env.filters["long"] = long_tokens
    return env
