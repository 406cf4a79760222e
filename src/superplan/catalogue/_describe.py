"""A recommendation as plain text, field by field with its certainty (``superplan show``)."""

import textwrap

from ..model import Certainty, Recommendation
from ._catalogue import Catalogue

__all__ = ["describe_recommendation"]

WIDTH = 88


def _certainty(certainty: Certainty, sources: tuple[str, ...]) -> str:
    """'confirmed; ny, mer', or 'inferred, not confirmed; …' so that no inference reads as fact."""
    words = str(certainty) + (", not confirmed" if certainty is Certainty.INFERRED else "")
    return "; ".join([words, ", ".join(sources)]) if sources else words


def describe_recommendation(rec: Recommendation, cat: Catalogue) -> str:
    """What the catalogue holds about ``rec``, as the lines ``superplan show`` prints."""
    wrap = textwrap.TextWrapper(
        width=WIDTH, break_on_hyphens=False, initial_indent="  ", subsequent_indent="  "
    )
    wrap_item = textwrap.TextWrapper(
        width=WIDTH, break_on_hyphens=False, initial_indent="  ", subsequent_indent="    "
    )
    wrap_more = textwrap.TextWrapper(
        width=WIDTH, break_on_hyphens=False, initial_indent="    ", subsequent_indent="    "
    )
    lines = [f"Recommendation {rec.number}: {rec.title}", f"Slug: {rec.slug}"]
    numbering = f"Number: {rec.numbering.certainty}"
    if rec.numbering.range:
        numbering += f" (known only to lie in {rec.numbering.range[0]}-{rec.numbering.range[1]})"
    if rec.numbering.shipped_number is not None:
        numbering += (
            f"; moved from {rec.numbering.shipped_number} by {rec.numbering.amended_by}"
            " (the slug stays the same)"
        )
    lines.append(numbering)
    deadline = cat.deadline(rec.number)
    if deadline is not None and rec.deadline.value is not None:
        milestone = cat.milestone(rec.deadline.value)
        lines.append(f"Deadline: {deadline.format('D MMMM YYYY')} ({milestone.title.lower()})")
    else:
        lines.append(f"Deadline: not known. {rec.deadline.note or ''}".rstrip())
    if rec.addressees:
        lines.append("Addressed to:")
        for addressee in rec.addressees:
            name = cat.agency(addressee.agency).name
            lines.extend(wrap_item.wrap(f"- {name} ({_certainty(addressee.certainty, ())})"))
    else:
        lines.append(f"Addressed to: {rec.addressees_note or 'not known'}")
    if rec.not_addressed_to:
        lines.append("Not addressed to:")
        for fact in rec.not_addressed_to:
            name = cat.agency(fact.agency).name
            lines.extend(wrap_item.wrap(f"- {name} ({_certainty(fact.certainty, fact.sources)})"))
            if fact.note:
                lines.extend(wrap_more.wrap(fact.note))
    heading = rec.addressee_heading
    if heading is not None and heading.value is not None:
        lines.append(f"Addressee heading before the wording ({', '.join(heading.sources)}):")
        lines.extend(wrap.wrap(heading.value))
    lines.append("")
    if rec.wording.value is not None:
        lines.append(
            f"Official wording ({_certainty(rec.wording.certainty, rec.wording.sources)}):"
        )
        for i, paragraph in enumerate(rec.wording.value):
            lines.extend([""] * (i > 0) + wrap.wrap(paragraph))
        if rec.wording.note:
            lines.extend(["", *wrap.wrap("Note: " + rec.wording.note)])
    else:
        lines.append("Official wording: not held by the catalogue.")
        if rec.wording.note:
            lines.extend(wrap.wrap(rec.wording.note))
    if rec.sub_points.value:
        lines.append("Sub-points (the report's listed points):")
        for point in rec.sub_points.value:
            lines.extend(wrap.wrap("- " + point))
    elif rec.sub_points.certainty == "unknown" and rec.sub_points.note:
        lines.append("Sub-points: not held by the catalogue.")
        lines.extend(wrap.wrap(rec.sub_points.note))
    lines.append("")
    if rec.themes:
        lines.append("Themes (editorial): " + ", ".join(rec.themes))
    if rec.related:
        lines.append("Related: " + ", ".join(str(n) for n in rec.related))
    for note in rec.notes:
        lines.extend(textwrap.wrap("Note: " + note, width=WIDTH, break_on_hyphens=False))
    return "\n".join(lines).rstrip() + "\n"
