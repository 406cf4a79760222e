from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import pendulum
from attrs import field, frozen

from .._finder import FINDER, Finder
from .._wording import whole_number
from ..errors import InvalidField
from ._dates import PartialDate
from ._fields import (
    _LANG_DOC,
    RecommendationRef,
    _each_of,
    _flag,
    _is_date,
    _is_partial_date,
    _mapping,
    _member,
    _one_of,
    _optional_of,
    _optional_text,
    _recommendation_ref,
    _text,
    _to_date,
    _to_partial_date,
    _to_tuple,
    check_each_non_blank,
    check_lang,
    check_non_blank,
    check_optional_lang,
    check_optional_non_blank,
    check_part,
    check_slug,
    doc,
)
from ._vocabulary import (
    SCHEMA_VERSION as SCHEMA_VERSION,
    SCHEMA_VERSIONS as SCHEMA_VERSIONS,
    Acceptance as Acceptance,
    ActionStatus as ActionStatus,
    Compliance as Compliance,
    DeliveryStatus as DeliveryStatus,
)


def _to_acceptance(value: Any) -> Acceptance | None:
    return _member(Acceptance, value)  # type: ignore[no-any-return]


def _to_compliance(value: Any) -> Compliance | None:
    return _member(Compliance, value)  # type: ignore[no-any-return]


def _to_status(value: Any) -> DeliveryStatus | None:
    return _member(DeliveryStatus, value)  # type: ignore[no-any-return]


_IS_STATUS = _one_of(DeliveryStatus)


_STATUS_TEXT = doc(
    "The responder's own words for the status, kept as written beside the normalised value.",
    "Complete – BAU",  # noqa: RUF001 - the force's own dash
    "Green",
)


# The fields that a response, a part, an action and an update share, written once.


def status_field(*described: Any) -> Any:
    """A delivery status: a :class:`DeliveryStatus`, or None where the plan states none."""
    return field(default=None, converter=_to_status, validator=_IS_STATUS, metadata=doc(*described))


def status_text_field() -> Any:
    """The plan's own words for a status ("Action complete"), kept beside the normalised value."""
    return field(default=None, validator=check_optional_non_blank, metadata=_STATUS_TEXT)


def evidence_field(*described: Any) -> Any:
    """Evidence of progress or completion, as the plan lists it."""
    return field(
        default=(), converter=_to_tuple, validator=check_each_non_blank, metadata=doc(*described)
    )


@frozen(kw_only=True)
class Link:
    """A document or page the plan links to: its title as the page gives it, and its address."""

    title: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc("The link's text.", "Stalking Problem Profile (PDF)"),
    )
    url: str = field(
        validator=check_non_blank,
        metadata=doc("The address linked to.", "https://www.example.police.uk/plan.pdf"),
    )


@frozen(kw_only=True)
class Lead:
    """Someone the plan names as leading it, as published: a role, and a name where given."""

    role: str = field(
        validator=check_non_blank, metadata=doc("The lead's role as published.", "Executive Lead")
    )
    name: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc("The name the page gives, where it gives one.", "ACC Jane Doe"),
    )


@frozen(kw_only=True)
class Translation:
    """The response in a second language, as a bilingual page publishes it (Welsh kept as Welsh)."""

    lang: str = field(validator=check_lang, metadata=doc("The language, as a BCP 47 tag.", "cy"))
    narrative: str = field(
        validator=check_non_blank, metadata=doc("The response's text in that language.")
    )


@frozen(kw_only=True)
class Due:
    """When an action is due: a calendar date (or month) or one of the report's milestones."""

    date: PartialDate | None = field(
        default=None,
        converter=_to_partial_date,
        validator=_is_partial_date,
        metadata=doc(
            "A date, YYYY-MM-DD, or a month, YYYY-MM, at the precision the plan gives it.",
            "2025-03-27",
            "2026-03",
        ),
    )
    milestone: str | None = field(
        default=None,
        validator=attrs.validators.optional(check_slug),
        metadata=doc(
            "A milestone's slug: fifty-six-days, six-months or twelve-months.", "six-months"
        ),
    )
    not_before: bool = field(
        default=False,
        validator=_flag,
        metadata=doc(
            "True when the date is the earliest the action will be done, not a deadline "
            '("March 26 earliest").',
            True,
        ),
    )
    reason: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc(
            "Why the action is due after the recommendation's own deadline, if it is.",
            "The supplier's system release is due in December 2025.",
        ),
    )

    def __attrs_post_init__(self) -> None:
        if (self.date is None) == (self.milestone is None):
            raise InvalidField(
                (), "a due date gives exactly one of 'date' and 'milestone'", owner="Due"
            )


@frozen(kw_only=True)
class ProgressUpdate:
    """A statement of progress, such as the six-month update or a "March 2026 update".

    Its date is kept at the precision given ("Nov-24" is ``2024-11``), and may be absent: an
    undated "Force Update" column is an update without a date.
    """

    date: PartialDate | None = field(
        default=None,
        converter=_to_partial_date,
        validator=_is_partial_date,
        metadata=doc(
            "The date of the update, YYYY-MM-DD, or its month, YYYY-MM.", "2025-03-27", "2024-11"
        ),
    )
    label: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc("The name the plan gives the update.", "March 2026 update"),
    )
    status: DeliveryStatus | None = status_field("The status as of this update.", "in-progress")
    status_text: str | None = status_text_field()
    note: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc(
            "What the update says.", "The Stalking Screening Tool is in use in all areas."
        ),
    )
    lang: str | None = field(default=None, validator=check_optional_lang, metadata=_LANG_DOC)


_UPDATES = _each_of(ProgressUpdate, "a ProgressUpdate")


_LINKS = _each_of(Link, "a Link")


def updates_field(*described: Any) -> Any:
    """Dated progress updates, oldest first."""
    return field(default=(), converter=_to_tuple, validator=_UPDATES, metadata=doc(*described))


def links_field(*described: Any) -> Any:
    """Documents linked from the plan."""
    return field(default=(), converter=_to_tuple, validator=_LINKS, metadata=doc(*described))


@frozen(kw_only=True)
class Part:
    """A part of a recommendation as the NPCC template splits it ("7.1"), with its requirement,
    owner, updates, status and evidence: the template's rows that carry no action."""

    part: str = field(
        validator=check_part,
        metadata=doc("The part's number in the template, written like 7.1.", "7.1"),
    )
    requirement: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc(
            "The template's requirement for the part, as written.",
            "Evidence requirements of progress/completion",
        ),
    )
    owner: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc("Who the plan names as responsible, as published.", "Head of Crime"),
    )
    due: Due | None = field(
        default=None,
        validator=_optional_of(Due, "a Due"),
        metadata=doc(
            "When the part is due, as the plan gives it (schema 1.2).", {"date": "2026-03"}
        ),
    )
    status: DeliveryStatus | None = status_field("Where the part stands.", "complete")
    status_text: str | None = status_text_field()
    evidence: tuple[str, ...] = evidence_field(
        "Evidence of progress or completion.", ["Stalking policy, March 2025"]
    )
    updates: tuple[ProgressUpdate, ...] = updates_field(
        "Progress updates on the part, oldest first."
    )
    links: tuple[Link, ...] = links_field("Documents the part links to.")


@frozen(kw_only=True)
class Action:
    """Something a responder will do: what, who (a role, as published), by when, how it stands."""

    id: str = field(
        validator=check_non_blank,
        metadata=doc("An identifier for the action, unique within the plan.", "7-1"),
    )
    part: str | None = field(
        default=None,
        validator=check_part,
        metadata=doc(
            "The part of the recommendation the action answers, as the NPCC template numbers it "
            "(7.1). Not the report's own numbering.",
            "7.1",
        ),
    )
    description: str = field(
        validator=check_non_blank,
        metadata=doc(
            "What will be done.",
            "We will develop a Stalking Problem Profile which identifies perpetrators / victims / locations.",
        ),
    )
    owner: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc("The role or team responsible, as published.", "Head of Public Protection"),
    )
    due: Due | None = field(
        default=None,
        validator=_optional_of(Due, "a Due"),
        metadata=doc("When the action is due.", {"milestone": "six-months"}),
    )
    planned_completion: PartialDate | None = field(
        default=None,
        converter=_to_partial_date,
        validator=_is_partial_date,
        metadata=doc(
            "When the responder plans to complete the action, at the precision given.", "2025-12"
        ),
    )
    actual_completion: PartialDate | None = field(
        default=None,
        converter=_to_partial_date,
        validator=_is_partial_date,
        metadata=doc("When the action was completed, as the responder states it.", "2025-03-14"),
    )
    status: DeliveryStatus | None = status_field("Where the action stands.", "complete")
    status_text: str | None = status_text_field()
    evidence: tuple[str, ...] = evidence_field(
        "Evidence of progress or completion.", ["Not applicable - system function"]
    )
    updates: tuple[ProgressUpdate, ...] = updates_field("Progress updates, oldest first.")
    links: tuple[Link, ...] = links_field("Documents the action links to.")
    lang: str | None = field(default=None, validator=check_optional_lang, metadata=_LANG_DOC)


@frozen(kw_only=True)
class Response:
    """A responder's answer to one recommendation."""

    recommendation: RecommendationRef = field(
        validator=_recommendation_ref,
        metadata=doc(
            "The recommendation answered: its number (1 to 29) or its slug.", 7, "crime-recording"
        ),
    )
    recommendation_as_quoted: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc(
            "The recommendation as the responder quotes it, verbatim (paraphrases and typos "
            "kept), so that a reader sees what the responder thought it was answering."
        ),
    )
    acceptance: Acceptance | None = field(
        default=None,
        converter=_to_acceptance,
        validator=_one_of(Acceptance),
        metadata=doc("Whether the responder accepts the recommendation.", "accepted"),
    )
    acceptance_text: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc("The responder's own words on acceptance.", "We accept this recommendation."),
    )
    compliance: Compliance | None = field(
        default=None,
        converter=_to_compliance,
        validator=_one_of(Compliance),
        metadata=doc("The responder's own assessment of how far it complies.", "partly-complies"),
    )
    compliance_text: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc(
            "The responder's own words on compliance.",
            "Our initial assessment is that we comply with most aspects.",
        ),
    )
    assessed_on: PartialDate | None = field(
        default=None,
        converter=_to_partial_date,
        validator=_is_partial_date,
        metadata=doc("The date of the compliance assessment, as given.", "2024-11-21"),
    )
    owner: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc("The lead role or team for the response, as published.", "Head of Crime"),
    )
    narrative: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc(
            "The response in the responder's own words.",
            "We accept this recommendation. Our initial assessment is that we partially comply.",
        ),
    )
    lang: str | None = field(default=None, validator=check_optional_lang, metadata=_LANG_DOC)
    translations: tuple[Translation, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_of(Translation, "a Translation"),
        metadata=doc("The response in other languages, as a bilingual page gives it."),
    )
    status: DeliveryStatus | None = status_field(
        "Where the response as a whole stands; left out when not stated."
    )
    status_text: str | None = status_text_field()
    parts: tuple[Part, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_of(Part, "a Part"),
        metadata=doc("The recommendation's parts as the NPCC template splits it."),
    )
    actions: tuple[Action, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_of(Action, "an Action"),
        metadata=doc("The actions the responder will take."),
    )
    updates: tuple[ProgressUpdate, ...] = updates_field(
        "Updates on the response as a whole, oldest first."
    )
    links: tuple[Link, ...] = links_field("Documents the response links to.")
    transcription_note: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc(
            "How the response was captured; e.g. that the published page gave no text for it.",
            "The published page gives no response text for this recommendation.",
        ),
    )


@frozen(kw_only=True)
class ActionPlan:
    """A responder's published action plan: its responses to the recommendations addressed to it."""

    schema: str | None = field(
        default=None,
        validator=_optional_text,
        metadata=doc(
            "The $id of the JSON Schema the document follows.",
            f"urn:superplan:schema:action-plan:{SCHEMA_VERSION}",
        ),
    )
    schema_version: str = field(
        default=SCHEMA_VERSION,
        validator=_text,
        metadata=doc("The version of the submission format.", SCHEMA_VERSION),
    )
    responder: str = field(
        validator=check_slug,
        metadata=doc(
            "Who publishes the plan: a force (kent), a local policing body (kent-pcc) "
            "or a national agency (home-office).",
            "north-yorkshire",
        ),
    )
    title: str | None = field(
        default=None, validator=check_optional_non_blank, metadata=doc("The plan's own title.")
    )
    lang: str | None = field(
        default=None,
        validator=check_optional_lang,
        metadata=doc("The language of the plan's text, as a BCP 47 tag, when not English.", "cy"),
    )
    published: pendulum.Date | None = field(
        default=None,
        converter=_to_date,
        validator=_is_date,
        metadata=doc("When the plan was first published, YYYY-MM-DD.", "2024-11-22"),
    )
    as_of: pendulum.Date | None = field(
        default=None,
        converter=_to_date,
        validator=_is_date,
        metadata=doc("The date the plan's statuses describe, YYYY-MM-DD.", "2025-03-27"),
    )
    source_url: str | None = field(
        default=None, validator=_optional_text, metadata=doc("Where the plan is published.")
    )
    source_urls: tuple[str, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=check_each_non_blank,
        metadata=doc("Further pages the plan spans, in order, after source_url."),
    )
    leads: tuple[Lead, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_of(Lead, "a Lead"),
        metadata=doc("The plan's leads as published.", [{"role": "Executive Lead"}]),
    )
    links: tuple[Link, ...] = links_field(
        "Documents the plan links to (a plan may be only a linked PDF)."
    )
    introduction: tuple[str, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=check_each_non_blank,
        metadata=doc("The plan's opening text, paragraph by paragraph."),
    )
    transcription_note: str | None = field(
        default=None,
        validator=check_optional_non_blank,
        metadata=doc("How the document was captured, and what its source did not say."),
    )
    responses: tuple[Response, ...] = field(
        default=(),
        converter=_to_tuple,
        validator=_each_of(Response, "a Response"),
        metadata=doc("One response per recommendation answered."),
    )
    extensions: Mapping[str, Any] = field(
        factory=dict,
        hash=False,
        validator=_mapping,
        metadata=doc("Anything outside the standard; kept and written back untouched."),
    )

    def __attrs_post_init__(self) -> None:
        if self.published is not None and self.as_of is not None and self.as_of < self.published:
            raise InvalidField(
                "as_of",
                f"{self.as_of} is before the plan's publication date ({self.published})",
                owner="ActionPlan",
            )
        if self.published is None:
            return
        for path, update in self.dated_updates():
            # A month-precision update in the month of publication is not before it.
            if update.date is not None and update.date.surely_before(self.published):
                raise InvalidField(
                    (*path, "date"),
                    f"this update is dated {update.date}, before the plan was published "
                    f"({self.published})",
                    owner="ActionPlan",
                )

    def dated_updates(self) -> "Iterator[tuple[tuple[str | int, ...], ProgressUpdate]]":
        """Every progress update in the plan (dated or not), with its path of keys from the plan:
        the responses', their parts' and their actions'."""
        for r, response in enumerate(self.responses):
            for u, update in enumerate(response.updates):
                yield ("responses", r, "updates", u), update
            for p, part in enumerate(response.parts):
                for u, update in enumerate(part.updates):
                    yield ("responses", r, "parts", p, "updates", u), update
            for a, action in enumerate(response.actions):
                for u, update in enumerate(action.updates):
                    yield ("responses", r, "actions", a, "updates", u), update

    def response_to(
        self, recommendation: RecommendationRef, *, catalogue: Finder | None = None
    ) -> Response | None:
        """The response to a recommendation, however the plan names it: ``7``, ``"7"`` and
        ``"crime-recording"`` are the same recommendation (by ``catalogue``'s numbering, by
        default the shipped catalogue's; pass an amended one where it renumbers).

        >>> plan = ActionPlan(responder="kent", responses=[Response(recommendation="7")])
        >>> plan.response_to(7) is plan.responses[0]
        True
        """
        finder = catalogue if catalogue is not None else FINDER[0]
        wanted = _number_of(recommendation, finder)
        for response in self.responses:
            if response.recommendation == recommendation or (
                wanted is not None and _number_of(response.recommendation, finder) == wanted
            ):
                return response
        return None


def _number_of(ref: RecommendationRef, finder: Finder | None) -> int | None:
    number = ref if isinstance(ref, int) and not isinstance(ref, bool) else None
    if isinstance(ref, str):
        number = whole_number(ref)
    if number is not None:
        return number
    found = finder.find(ref) if finder is not None else None
    return found.number if found is not None else None
