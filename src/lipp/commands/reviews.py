"""Commands that advance a review through its lifecycle. `on` is the business date; empty means today."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from lipp.commands.fields import (
    Agencies,
    BoardCode,
    BusinessDate,
    CaseReference,
    Choice,
    Command,
    DateAhead,
    FreeText,
    OptionalLine,
    ReviewReference,
    ScopeDate,
    Username,
)
from lipp.domain.review.vocabulary import (
    Decision,
    DelayRecipient,
    IncidentKind,
    Methodology,
    ParallelProcess,
    ReviewKind,
)


class ReviewStep(Command):
    """A step on an existing review."""

    reference: ReviewReference
    on: BusinessDate | None = Field(default=None, description="Business date of the step; today when empty")


class NotifyIncident(Command):
    """Notify a serious incident: abuse or neglect known or suspected, and a child died or was seriously harmed."""

    board: BoardCode
    case_reference: CaseReference
    incident_kind: Annotated[IncidentKind, Choice]
    looked_after: bool
    agencies: Agencies
    aware_on: BusinessDate = Field(description="The day the board became aware of the incident")
    notified_on: BusinessDate | None = Field(
        default=None, description="The day the Panel was notified; today when empty"
    )


class RecordRapidReviewDecision(ReviewStep):
    """Record the rapid review and its decision, with the rationale."""

    decision: Annotated[Decision, Choice]
    rationale: FreeText


class CommissionReview(ReviewStep):
    """Commission the review: its kind (SCR or LCSPR) and methodology."""

    kind: Annotated[ReviewKind, Choice]
    methodology: Annotated[Methodology, Choice]


class AppointLeadReviewer(ReviewStep):
    """Appoint the independent lead reviewer (or replace the one appointed)."""

    reviewer: Username


class AgreeTermsOfReference(ReviewStep):
    """Agree the scope period, key lines of enquiry and agencies."""

    scope_from: ScopeDate
    scope_to: ScopeDate
    key_lines_of_enquiry: Annotated[list[FreeText], Field(min_length=1, max_length=20)]
    agencies: Agencies

    @model_validator(mode="after")
    def scope_runs_forwards(self) -> AgreeTermsOfReference:
        if self.scope_to < self.scope_from:
            raise ValueError(f"the scope period ends ({self.scope_to}) before it starts ({self.scope_from})")
        return self


class PauseReview(ReviewStep):
    """Pause the review for a parallel process."""

    process: Annotated[ParallelProcess, Choice]
    reason: FreeText


class ExplainDelay(ReviewStep):
    """Record that the partners told the national Panel (and the Secretary of State) why the review or its
    publication is delayed beyond the aim; the due date stays as it was."""

    reason: FreeText
    recipients: Annotated[
        list[Annotated[DelayRecipient, Choice]],
        Field(
            default_factory=lambda: list(DelayRecipient),
            min_length=1,
            max_length=len(DelayRecipient),
            description="Who was told: panel, secretary_of_state (both when empty)",
        ),
    ]


class ResumeReview(ReviewStep):
    """Resume a paused review."""


class RecordReportDrafted(ReviewStep):
    """Record that the draft report was delivered."""


class SignOffReport(ReviewStep):
    """Sign off the report with the board's written response."""

    board_response: FreeText


class SendReportToPanel(ReviewStep):
    """Record the copy of the final report sent to the national Panel."""


class DeferPublication(ReviewStep):
    """Defer publication, with a reason and a date to reconsider."""

    reason: FreeText
    reconsider_on: DateAhead


class PublishReport(ReviewStep):
    """Record publication of the report."""

    location: OptionalLine = ""


class WithholdPublication(ReviewStep):
    """Decide not to publish; the improvement information is published instead."""

    reason: FreeText
    improvement_information: FreeText


class CloseReview(ReviewStep):
    """Close the review."""


REVIEW_COMMANDS: tuple[type[Command], ...] = (
    NotifyIncident,
    RecordRapidReviewDecision,
    CommissionReview,
    AppointLeadReviewer,
    AgreeTermsOfReference,
    PauseReview,
    ExplainDelay,
    ResumeReview,
    RecordReportDrafted,
    SignOffReport,
    SendReportToPanel,
    DeferPublication,
    PublishReport,
    WithholdPublication,
    CloseReview,
)
