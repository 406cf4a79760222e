"""The checker's pages: Jinja templates of their own, extending the rendered pages' base template
and using its macros (``superplan.render``'s templates), so that both look the same."""

from functools import cache
from typing import Any

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

from .._version import __version__
from ..render import Messages, messages

__all__ = ["page"]


@cache
def _environment() -> Environment:
    return Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("superplan.web", "templates"),
                PackageLoader("superplan.render", "templates"),
            ]
        ),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


@cache
def _messages() -> Messages:
    """The rendered pages' texts, but for the footer, which speaks of a checker, not of a plan."""
    shipped = messages("en")
    footer = (
        "superplan {version}: the submission checker. Nothing sent here is kept unless submitted."
    )
    return Messages({**shipped.texts, "footer": footer}, shipped.name)


def page(template: str, title: str, **context: Any) -> str:
    """A page of the checker; ``context`` holds what the template shows (escaped as HTML)."""
    return (
        _environment()
        .get_template(template)
        .render(
            t=_messages(),
            version=__version__,
            page_title=f"{title} - superplan checker",
            home="/",
            title=title,
            **context,
        )
    )
