"""The action plan as a pydantic v2 model: what a user would otherwise write, for comparison only.

It checks what superplan's schema layer checks (types, required keys, unknown keys refused, slugs,
non-blank text, dates, the recommendation range, exactly one of a due date or a milestone), but
nothing from the catalogue.
"""

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Text = Annotated[str, Field(pattern=r"[^ \t\n\r\f\v]")]
Status = Literal["not-started", "in-progress", "complete", "ongoing", "not-applicable"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Due(_Strict):
    date: dt.date | None = Field(default=None, strict=False)
    milestone: Slug | None = None
    reason: Text | None = None

    @model_validator(mode="after")
    def exactly_one(self) -> "Due":
        if (self.date is None) == (self.milestone is None):
            raise ValueError("give exactly one of 'date' and 'milestone'")
        return self


class ProgressUpdate(_Strict):
    date: dt.date = Field(strict=False)
    label: Text | None = None
    status: Status | None = None
    note: Text | None = None


class Action(_Strict):
    id: Text
    part: Annotated[str, Field(pattern=r"^[1-9][0-9]*\.[1-9][0-9]*$")] | None = None
    description: Text
    owner: Text | None = None
    due: Due | None = None
    status: Status | None = None
    evidence: tuple[Text, ...] = ()
    updates: tuple[ProgressUpdate, ...] = ()


class Response(_Strict):
    recommendation: Annotated[int, Field(ge=1, le=29)] | Slug
    acceptance: Literal["accepted", "partly-accepted", "not-accepted"] | None = None
    compliance: (
        Literal["complies", "partly-complies", "does-not-comply", "not-yet-assessed"] | None
    ) = None
    narrative: Text | None = None
    status: Status | None = None
    actions: tuple[Action, ...] = ()
    updates: tuple[ProgressUpdate, ...] = ()
    transcription_note: Text | None = None


class ActionPlan(_Strict):
    schema_: str | None = Field(default=None, alias="$schema")
    schema_version: str = "1.0"
    responder: Slug
    title: Text | None = None
    published: dt.date | None = Field(default=None, strict=False)
    as_of: dt.date | None = Field(default=None, strict=False)
    source_url: str | None = None
    introduction: tuple[Text, ...] = ()
    transcription_note: Text | None = None
    responses: tuple[Response, ...] = ()
    extensions: dict[str, Any] = {}
