"""The Jinja environments: HTML with autoescaping, Markdown with every submitted text escaped."""

import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

__all__ = ["environment", "escape_markdown"]

# Characters that can start Markdown or HTML markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>#|!~&])")
# Characters that start a block (list, heading, quote, rule) at the beginning of a line.
_LEADING = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as itself: markup characters escaped, line breaks as spaces."""
    single_line = " ".join(text.split("\n"))
    escaped = _INLINE.sub(r"\\\1", single_line)
    return _LEADING.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], escaped)


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
    return env
