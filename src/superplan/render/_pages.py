"""Rendering plans to pages: one page per plan, and an index of them."""

import os
from collections.abc import Callable
from pathlib import Path

from attrs import frozen

from .._files import output_folder, write_output
from ..catalogue import Catalogue, catalogue
from ..model import ActionPlan
from ._env import environment, escape_markdown
from ._messages import Messages, messages
from ._views import plan_title, plan_view, welsh_name

__all__ = ["IndexEntry", "render_html", "render_index", "render_markdown", "write_pages"]

Language = str | os.PathLike[str]


def _version() -> str:
    from .._version import __version__

    return __version__


def _context(cat: Catalogue | None, language: Language | Messages) -> tuple[Catalogue, Messages]:
    texts = language if isinstance(language, Messages) else messages(language)
    return (cat if cat is not None else catalogue()), texts


def render_html(
    plan: ActionPlan,
    *,
    catalogue: Catalogue | None = None,
    language: Language | Messages = "en",
    home: str | None = None,
) -> str:
    """A complete, self-contained, accessible HTML page for an action plan.

    Every recommendation addressed to the responder appears, with its official wording where the
    catalogue holds it (and a plain statement where it does not), its deadline, the response, the
    actions and the dated updates. ``language`` names a shipped message catalogue (``en``) or a
    translation file. ``home`` links the page header to an index page.
    """
    cat, t = _context(catalogue, language)
    view = plan_view(plan, cat, t)
    template = environment("html").get_template("plan.html.j2")
    return template.render(view=view, t=t, version=_version(), page_title=view.title, home=home)


def render_markdown(
    plan: ActionPlan, *, catalogue: Catalogue | None = None, language: Language | Messages = "en"
) -> str:
    """The same page as :func:`render_html`, in Markdown, with every submitted text escaped."""
    cat, t = _context(catalogue, language)
    t = t.for_markdown()  # a translation file's own markup escaped (issue 26)
    view = plan_view(plan, cat, t, escape_markdown)
    template = environment("markdown").get_template("plan.md.j2")
    return template.render(view=view, t=t, version=_version()).lstrip("\n")


@frozen
class IndexEntry:
    title: str
    href: str
    published: str
    responses: int
    name_cy: str = ""
    """A Welsh force's name in Welsh, shown beside the title and marked as Welsh."""


def render_index(
    entries: list[IndexEntry], *, kind: str = "html", language: Language | Messages = "en"
) -> str:
    """An index page listing rendered plans."""
    t = language if isinstance(language, Messages) else messages(language)
    if kind == "markdown":
        shown = [
            IndexEntry(
                escape_markdown(e.title),
                e.href,
                e.published,
                e.responses,
                escape_markdown(e.name_cy) if e.name_cy else "",
            )
            for e in entries
        ]
        page = environment("markdown").get_template("index.md.j2")
        return page.render(entries=shown, t=t.for_markdown())
    template = environment("html").get_template("index.html.j2")
    return template.render(
        entries=entries, t=t, version=_version(), page_title=t("index_title"), home=None
    )


def write_pages(
    plans: list[ActionPlan],
    out: Path,
    *,
    kind: str = "html",
    catalogue: Catalogue | None = None,
    language: Language | Messages = "en",
    on_error: Callable[[ActionPlan, Exception], None] | None = None,
) -> list[Path]:
    """Write one page per plan and an index into ``out``; returns the paths written.

    File names come from the responder's slug (lowercase letters, digits and hyphens), never from
    submitted text, so nothing can be written outside ``out``.

    Rendering a plan never fails on one that validation accepted. Should it ever (a bug in
    superplan), the error is raised; or, given ``on_error``, it is passed there with the plan,
    that plan gets no page and no place in the index, and the others are still written.
    Errors writing files are always raised.
    """
    cat, t = _context(catalogue, language)
    suffix = ".html" if kind == "html" else ".md"
    out = output_folder(out)
    written: list[Path] = []
    entries: list[IndexEntry] = []
    used: dict[str, int] = {}
    for plan in plans:
        used[plan.responder] = used.get(plan.responder, 0) + 1
        stem = plan.responder + (f"-{used[plan.responder]}" if used[plan.responder] > 1 else "")
        path = out / f"{stem}{suffix}"
        text: str
        try:
            if kind == "html":
                text = render_html(plan, catalogue=cat, language=t, home="index.html")
            else:
                text = render_markdown(plan, catalogue=cat, language=t)
            title = plan_title(plan, cat, t)
        except Exception as error:
            if on_error is None:
                raise
            on_error(plan, error)
            continue
        write_output(path, text, folder=out)
        written.append(path)
        entries.append(
            IndexEntry(
                title,
                path.name,
                t.date(plan.published),
                len(plan.responses),
                welsh_name(plan.responder, cat) or "",
            )
        )
    index = out / f"index{suffix}"
    write_output(index, render_index(entries, kind=kind, language=t), folder=out)
    return [*written, index]
