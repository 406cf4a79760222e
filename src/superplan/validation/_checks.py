"""The catalogue checks, one function per rule: each walks the plan's context and yields a hit (a
path and the message's fields) for every place the rule finds. :data:`~._rules.RULES` says
which check each finding code runs, with its words and examples.
"""

import datetime as dt
import re
from collections.abc import Callable, Iterator
from itertools import compress
from operator import lt
from typing import Any
from urllib.parse import urlsplit

from .._schema import schema_id, schema_ids
from .._wording import one_of, whole_number
from ..model import SCHEMA_VERSIONS, ActionStatus, PartialDate, to_date, to_day
from ._context import DATE, Context, Path

Hit = tuple[Path, dict[str, Any]]
"""Where a rule found something, and the values its message needs."""


Check = Callable[[Context], Iterator[Hit]]


UNSEEN: Any = object()


def _date(text: Any) -> dt.date | None:
    """The date ``text`` writes, or None if it is not a well-formed date in the calendar. (A
    standard library date: a finding's pendulum date is built only when the finding is made.)"""
    if not isinstance(text, str):
        return None
    try:
        return to_day(text)
    except ValueError:
        return None


def _check_schema_version(ctx: Context) -> Iterator[Hit]:
    version = ctx.data.get("schema_version")
    if isinstance(version, str) and version not in SCHEMA_VERSIONS:
        yield ("schema_version",), {"version": version, "known": one_of(SCHEMA_VERSIONS)}


def _check_schema_id(ctx: Context) -> Iterator[Hit]:
    named = ctx.data.get("$schema")
    expected = schema_id("action-plan")
    # A path or URL of the schema's file, as editors are given it, names the same schema.
    if (
        isinstance(named, str)
        and named not in schema_ids("action-plan")
        and not _names_schema_file(named)
    ):
        yield ("$schema",), {"named": named, "expected": expected}


def _names_schema_file(named: str) -> bool:
    return named.replace("\\", "/").rsplit("/", 1)[-1] == "action-plan.schema.json"


def _check_responder(ctx: Context) -> Iterator[Hit]:
    slug = ctx.data.get("responder")
    if isinstance(slug, str) and ctx.responder is None:
        import difflib

        close = difflib.get_close_matches(slug, [r.slug for r in ctx.catalogue.responders], n=2)
        suggestion = f"; did you mean {one_of(close)}?" if close else ""
        yield ("responder",), {"slug": slug, "suggestion": suggestion}


def _check_recommendation_exists(ctx: Context) -> Iterator[Hit]:
    for path, response in ctx.unknown_recommendations:
        ref = response.get("recommendation")
        well_typed = isinstance(ref, int | str) and not isinstance(ref, bool)
        if well_typed and ctx.recommendation(ref) is None:
            yield (*path, "recommendation"), {"ref": ref}


def _check_number_as_text(ctx: Context) -> Iterator[Hit]:
    for path, response, _ in ctx.response_recommendations:
        ref = response.get("recommendation")
        number = whole_number(ref) if isinstance(ref, str) else None
        if number is not None:
            yield (*path, "recommendation"), {"ref": ref, "number": number}


def _check_addressed(ctx: Context) -> Iterator[Hit]:
    responder = ctx.responder
    if responder is None:
        return
    for path, _, rec in ctx.unanswered:
        if not rec.has_addressees:
            continue  # unknown addressees cannot be checked
        names = [ctx.catalogue.agency(slug).name.lower() for slug in rec.addressee_slugs]
        yield (
            (*path, "recommendation"),
            {
                "number": rec.number,
                "responder": responder.name,
                "addressees": ", ".join(names),
            },
        )


def _check_not_addressed_inferred(ctx: Context) -> Iterator[Hit]:
    responder = ctx.responder
    if responder is None:
        return
    for path, _, rec in ctx.unanswered:
        if not rec.has_not_addressed_to:
            continue  # SP204 speaks for known addressees
        for fact in ctx.catalogue.recommendation(rec.number).not_addressed_to:
            if fact.agency in responder.answers_as:
                confirmed = fact.certainty == "confirmed"
                yield (
                    (*path, "recommendation"),
                    {
                        "number": rec.number,
                        "probably": "" if confirmed else "probably ",
                        "agency": ctx.catalogue.agency(fact.agency).name.lower(),
                        "responder": responder.name,
                        "certainty": fact.certainty
                        if confirmed
                        else f"{fact.certainty}, not confirmed",
                        "sources": ", ".join(fact.sources),
                    },
                )
                break


def _check_renumbered(ctx: Context) -> Iterator[Hit]:
    if not ctx.index.moved:
        return  # no amendment moved a number: the usual catalogue
    moved = ctx.catalogue.moved_numbers()
    for path, response in ctx.responses():
        ref = response.get("recommendation")
        if isinstance(ref, str) and (number := whole_number(ref)) is not None:
            ref = number
        if not isinstance(ref, int) or isinstance(ref, bool) or ref not in moved:
            continue
        was = moved[ref]
        now = ctx.recommendation(ref)
        yield (
            (*path, "recommendation"),
            {
                "number": ref,
                "was": was.slug,
                "moved_to": was.number,
                "now": now.slug if now is not None else "nothing",
                "file": was.numbering.amended_by or "an amendment file",
            },
        )


def _check_missing_responses(ctx: Context) -> Iterator[Hit]:
    responder = ctx.responder
    if responder is None:
        return
    answered = {rec.number for _, _, rec in ctx.response_recommendations}
    if ctx.index.addressed_to(responder.slug) <= answered:
        return  # every recommendation made to it answered: the usual plan
    for rec in ctx.catalogue.addressed_to(responder.slug):
        if rec.number not in answered:
            yield (
                ("responses",),
                {"number": rec.number, "title": rec.title, "responder": responder.name},
            )


def _check_duplicate_responses(ctx: Context) -> Iterator[Hit]:
    first: dict[int, Path] = {}
    for path, _, rec in ctx.response_recommendations:
        if rec.number in first:
            where = ctx.pointer(first[rec.number])
            yield (*path, "recommendation"), {"number": rec.number, "first": where}
        else:
            first[rec.number] = path


def _check_duplicate_action_ids(ctx: Context) -> Iterator[Hit]:
    ids = [action.get("id") for action in ctx.action_objects]
    try:
        if len(set(ids)) == len(ids):
            return  # no two alike, text or not: the usual plan
    except TypeError:  # an id that is a list or an object
        pass
    first: dict[str, int] = {}
    for index, action_id in enumerate(ids):
        if not isinstance(action_id, str):
            continue
        if action_id in first:
            where = ctx.pointer(ctx.action_path(first[action_id]))
            yield (*ctx.action_path(index), "id"), {"id": action_id, "first": where}
        else:
            first[action_id] = index


def _check_milestones(ctx: Context) -> Iterator[Hit]:
    known = list(ctx.index.milestones)
    slugs = frozenset(known)
    dues = ctx.dues
    try:
        written = {due.get("milestone") for due in dues if due is not None}
    except TypeError:  # a milestone that is a list or an object
        pass
    else:
        written.discard(None)
        if written <= slugs:
            return  # every milestone named is known: the usual plan
    for index, due in enumerate(dues):
        if due is not None:
            slug = due.get("milestone")
            if isinstance(slug, str) and slug not in slugs:
                path = (*ctx.action_path(index), "due", "milestone")
                yield path, {"slug": slug, "known": one_of(known)}


def _check_parts(ctx: Context) -> Iterator[Hit]:
    actions = ctx.action_objects
    heads: dict[str, int | None] = {}  # a plan names the same few parts many times
    for rec, places in ctx.recommendation_spans:
        number = rec.number
        own = f"{number}."  # a part of this recommendation: nothing to judge
        for place in places:
            part = actions[place].get("part")
            if part is None or (part.__class__ is str and part.startswith(own)):
                continue
            if not isinstance(part, str) or "." not in part:
                continue
            try:
                head = heads[part]
            except KeyError:
                head = heads[part] = whole_number(part.split(".", 1)[0])
            if head is not None and head != number:
                yield (*ctx.action_path(place), "part"), {"part": part, "number": number}


def _check_calendar(ctx: Context) -> Iterator[Hit]:
    for path, text in ctx.impossible_dates():
        if DATE.fullmatch(text):
            yield path, {"date": text}


def _check_as_of(ctx: Context) -> Iterator[Hit]:
    published, as_of = _date(ctx.data.get("published")), _date(ctx.data.get("as_of"))
    if published is not None and as_of is not None and as_of < published:
        yield ("as_of",), {"as_of": to_date(as_of), "published": to_date(published)}


def _check_updates_after_publication(ctx: Context) -> Iterator[Hit]:
    published = _date(ctx.data.get("published"))
    span = ctx.update_span
    if published is None or span is None or span[0] >= published:
        return  # no update date ends before publication
    for index, date in enumerate(ctx.update_dates):
        # Only a date surely before: a month-precision update in the month of publication is
        # not before it.
        if date.surely_before(published):
            path = (*ctx.update_path(index), "date")
            yield path, {"date": date, "published": to_date(published)}


def _check_update_order(ctx: Context) -> Iterator[Hit]:
    # A date or month written YYYY-MM-DD or YYYY-MM that is surely before another sorts before
    # it as text: where no text sorts before the one above it in its list, all are in order.
    texts = ctx.update_texts
    drops = set(compress(range(1, len(texts)), map(lt, texts[1:], texts)))
    if not drops or drops <= set(ctx.update_starts):
        return  # every list in order (a list's first date follows another list's last): usual
    dates = ctx.update_dates
    # Each date against the one before it, all at once; a list's first date follows another
    # list's last, so those pairs do not count.
    surely_before = list(map(PartialDate.surely_before, dates[1:], dates))
    for start in ctx.update_starts[1:]:
        surely_before[start - 1] = False
    if not any(surely_before):
        return  # every list in order: the usual plan
    for place, earlier in enumerate(surely_before, 1):
        if earlier:
            path = (*ctx.update_path(place), "date")
            yield path, {"date": dates[place], "previous": dates[place - 1]}


def _check_updates_after_as_of(ctx: Context) -> Iterator[Hit]:
    as_of = _date(ctx.data.get("as_of"))
    span = ctx.update_span
    if as_of is None or span is None or span[1] <= as_of:
        return  # no update date starts after as_of
    for index, date in enumerate(ctx.update_dates):
        if date.surely_after(as_of):
            yield (*ctx.update_path(index), "date"), {"date": date, "as_of": to_date(as_of)}


def _check_late_due_dates(ctx: Context) -> Iterator[Hit]:
    milestone, partial, dues = ctx.milestone, ctx.partial, ctx.dues
    # Plans give the same few due dates many times: each is judged once against each deadline,
    # by (milestone, date).
    judged: dict[str | None, dict[tuple[Any, Any], Any]] = {}
    for rec, places in ctx.recommendation_spans:
        slug = rec.deadline
        deadline = milestone(slug)
        if deadline is None:
            continue
        late = judged.setdefault(slug, {})
        for place, due in enumerate(dues[places.start : places.stop], places.start):
            if due is None or due.get("reason"):
                continue  # a due date given with a reason is late on purpose
            key = due.get("milestone"), due.get("date")
            try:
                date = late.get(key, UNSEEN)  # (not late[key]: a KeyError costs far more)
            except TypeError:  # an unhashable value where a slug or date goes: not judged here
                continue
            if date is UNSEEN:
                date = milestone(key[0]) or partial(key[1])
                if date is not None and not date.surely_after(deadline):
                    date = None
                late[key] = date
            if date is not None:
                yield (
                    (*ctx.action_path(place), "due"),
                    {"due": date, "number": rec.number, "deadline": deadline.exact or deadline},
                )


#: As a plain string: comparing text with a StrEnum member costs several times more.
_COMPLETE = ActionStatus.COMPLETE.value


def _check_complete_without_evidence(ctx: Context) -> Iterator[Hit]:
    for place, action in enumerate(ctx.action_objects):
        if action.get("status") == _COMPLETE and not (
            action.get("evidence") or action.get("updates")
        ):
            yield (*ctx.action_path(place), "status"), {}


def web_address(url: str | None) -> str | None:
    """The URL, stripped, if it is a web address a page can link to (``http`` or ``https``, a
    host, a port that is a number, no spaces or control characters); None for anything else
    (``javascript:``, ``http://[::1`` with its IPv6 host unclosed, ``http://x:port/``)."""
    if not url or any(c.isspace() or not c.isprintable() for c in url.strip()):
        return None
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 -- a bad port ("http://x:y") raises only when it is read
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _check_before_the_report(ctx: Context) -> Iterator[Hit]:
    report = ctx.index.report_published
    # Dates as the calendar knows them are written YYYY-MM-DD or YYYY-MM, so a date or month
    # surely before the report's day sorts before its text: only those are read.
    below = report.isoformat()
    partial = ctx.partial
    for key in ("published", "as_of"):
        date = partial(ctx.data.get(key))
        if date is not None and date.surely_before(report):
            yield (key,), {"what": key, "date": date, "report": to_date(report)}
    for place, due in enumerate(ctx.dues):
        if due is None:
            continue
        text = due.get("date")
        if text.__class__ is str and text < below:
            date = partial(text)
            if date is not None and date.surely_before(report):
                path = (*ctx.action_path(place), "due")
                yield path, {"what": "due", "date": date, "report": to_date(report)}


#: A web address of the usual form: http(s), a host of letters, digits, dots and hyphens, then
#: nothing or a path of printable ASCII. :func:`web_address` accepts every one (a property test
#: holds it to that), so only the others need its slower reading.
PLAIN_WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]*[A-Za-z0-9-](?:/[!-~]*)?")


def _bad_links(links: Any) -> list[tuple[int, str]]:
    """The links in a list of them whose URL is text but not a web address: (index, URL)."""
    if not isinstance(links, list):
        return []
    return [
        (index, url)
        for index, link in enumerate(links)
        if isinstance(link, dict)
        and isinstance(url := link.get("url"), str)
        and not (url.__class__ is str and PLAIN_WEB_ADDRESS.fullmatch(url))
        and web_address(url) is None
    ]


def _check_web_addresses(ctx: Context) -> Iterator[Hit]:
    data = ctx.data
    places: list[tuple[Path, Any]] = [(("source_url",), data.get("source_url"))]
    urls = data.get("source_urls")
    places += [
        (("source_urls", i), u) for i, u in enumerate(urls if isinstance(urls, list) else ())
    ]
    for path, url in places:
        if isinstance(url, str) and web_address(url) is None:
            yield path, {"url": url}
    # Few records hold links, and few links are bad: a path is worked out only for those.
    for index, url in _bad_links(data.get("links")):
        yield ("links", index, "url"), {"url": url}
    for path, response in ctx.responses():
        for index, url in _bad_links(response.get("links")):
            yield (*path, "links", index, "url"), {"url": url}
        parts = response.get("parts")
        for number, part in enumerate(parts if isinstance(parts, list) else ()):
            if isinstance(part, dict) and "links" in part:
                for index, url in _bad_links(part["links"]):
                    yield (*path, "parts", number, "links", index, "url"), {"url": url}
    actions = ctx.action_objects
    for place in [place for place, action in enumerate(actions) if "links" in action]:
        for index, url in _bad_links(actions[place]["links"]):
            yield (*ctx.action_path(place), "links", index, "url"), {"url": url}


def _check_expected_responder(ctx: Context) -> Iterator[Hit]:
    expected = ctx.expected
    slug = ctx.data.get("responder")
    if expected is None or not isinstance(slug, str) or slug == expected:
        return
    yield ("responder",), {"slug": slug, "expected": expected}


#: What a response may hold without stating anything: which recommendation it answers, how the
#: report words it, and the language it is written in.
SAYS_NOTHING = frozenset({"recommendation", "recommendation_as_quoted", "lang"})


def _check_empty_responses(ctx: Context) -> Iterator[Hit]:
    for path, response, rec in ctx.response_recommendations:
        for key, value in response.items():
            if key not in SAYS_NOTHING and value not in (None, "", [], {}):
                break  # it states something: the usual response
        else:
            yield path, {"number": rec.number, "title": rec.title}
