"""Commands of the learning loop: drafting, editing and releasing briefings; what teams and boards record."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from lipp.commands.fields import (
    ONE_LINE,
    BusinessDate,
    Command,
    FreeText,
    OptionalLine,
    OptionalText,
    QueryDate,
    ReviewReference,
    ShortText,
)

_LOWER = BeforeValidator(lambda value: value.strip().lower() if isinstance(value, str) else value)
_UPPER = BeforeValidator(lambda value: value.strip().upper() if isinstance(value, str) else value)
BriefingKey = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[a-z0-9][a-z0-9-]{2,79}$"),
    _LOWER,
    ONE_LINE,
    Field(description="A briefing's key, e.g. review-nvl-2026-001 or theme-nt05-2026-03-02"),
]
DeliveryCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Z2-7]{5}-?[A-Z2-7]{5}$"),
    _UPPER,
    ONE_LINE,
    Field(description="A delivery's short code from its e-mail, e.g. K7Q2M-9XDPR"),
]
Items = Annotated[list[FreeText], Field(min_length=1, max_length=12)]


class DraftReviewBriefing(Command):
    """Draft a briefing from a published review's shareable findings (the coordinator of its board)."""

    reference: ReviewReference


class DraftThemeBriefing(Command):
    """Draft a national briefing from a theme's shareable findings across boards (a national body)."""

    theme: ShortText = Field(description="A national theme: id (NT05) or name")
    from_date: QueryDate | None = None
    to_date: QueryDate | None = None

    @model_validator(mode="after")
    def period_runs_forwards(self) -> DraftThemeBriefing:
        if self.from_date is not None and self.to_date is not None and self.to_date < self.from_date:
            raise ValueError(f"the period ends ({self.to_date}) before it starts ({self.from_date})")
        return self


class EditBriefing(Command):
    """Edit a draft briefing's text; sections not given stay as they are. New text passes the redaction check."""

    key: BriefingKey
    title: ShortText | None = None
    background: FreeText | None = None
    why_it_matters: FreeText | None = None
    key_information: Items | None = None
    remember: Items | None = None
    what_to_do: Items | None = None
    questions: Items | None = None


class ReleaseBriefing(Command):
    """Release a draft briefing: it is addressed to every team whose subscriptions match."""

    key: BriefingKey


class AcknowledgeDelivery(Command):
    """Acknowledge a briefing your team received (a second acknowledgement changes nothing)."""

    code: DeliveryCode


class RecordDiscussion(Command):
    """Record that the team used the briefing, with its reflections."""

    code: DeliveryCode
    reflections: FreeText
    on: BusinessDate | None = None


class ReportPracticeChange(Command):
    """Report what changed in the team's practice, with an optional audit reference."""

    code: DeliveryCode
    what_changed: FreeText
    audit_reference: OptionalLine = ""
    on: BusinessDate | None = None


class VerifyPracticeChange(Command):
    """Verify a team's reported change (the coordinator of the team's board)."""

    code: DeliveryCode
    note: OptionalText = ""
    on: BusinessDate | None = None


LEARNING_COMMANDS: tuple[type[Command], ...] = (
    DraftReviewBriefing,
    DraftThemeBriefing,
    EditBriefing,
    ReleaseBriefing,
    AcknowledgeDelivery,
    RecordDiscussion,
    ReportPracticeChange,
    VerifyPracticeChange,
)
