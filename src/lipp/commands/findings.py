"""Commands on a review's findings: the lead reviewer logs, revises, re-ranks and withdraws them."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from lipp.commands.fields import Agencies, FreeText, OptionalText, ShortText
from lipp.commands.reviews import ReviewStep
from lipp.domain.errors import InvalidInput
from lipp.domain.review.finding import finding_number


def _finding_number(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return finding_number(value)
        except InvalidInput as error:
            raise ValueError(str(error)) from None
    return value


FindingNumber = Annotated[
    int, BeforeValidator(_finding_number), Field(ge=1, description="A finding of the review: F1, F2 ... (or 1, 2 ...)")
]
Themes = Annotated[
    list[ShortText], Field(min_length=1, max_length=6, description="National themes, by id (NT05) or name")
]
Evidence = Annotated[
    list[FreeText], Field(min_length=1, max_length=20, description="Key practice episodes that show the issue")
]
PatternKey = Annotated[ShortText, Field(description="The Learning Together pattern category, by number (1 to 6) or id")]


class LogFinding(ReviewStep):
    """Log a finding: a practice issue likely to recur elsewhere, why it occurs, and the evidence."""

    title: ShortText
    issue: FreeText = Field(description="What is the issue? The practice problem in general terms")
    causes: FreeText = Field(description="Why does this occur? The underlying causes")
    pattern: PatternKey
    themes: Themes
    agencies: Agencies
    evidence: Evidence


class ReviseFinding(ReviewStep):
    """Revise a finding: give only what changes, and why."""

    finding: FindingNumber
    reason: FreeText
    title: ShortText | None = None
    issue: FreeText | None = None
    causes: FreeText | None = None
    pattern: PatternKey | None = None
    themes: Themes | None = None
    agencies: Agencies | None = None
    evidence: Evidence | None = None

    @model_validator(mode="after")
    def changes_something(self) -> ReviseFinding:
        changes = (self.title, self.issue, self.causes, self.pattern, self.themes, self.agencies, self.evidence)
        if all(change is None for change in changes):
            raise ValueError("a revision gives at least one new value")
        return self


class ReRankFindings(ReviewStep):
    """Put the findings in a new priority order, highest first, with the reason."""

    order: Annotated[list[FindingNumber], Field(min_length=1)]
    reason: FreeText


class WithdrawFinding(ReviewStep):
    """Withdraw a finding, with the reason."""

    finding: FindingNumber
    reason: FreeText


class ShareFinding(ReviewStep):
    """Propose a finding for sharing beyond the board: its free text passes the redaction check, then a coordinator
    approves it."""

    finding: FindingNumber


class ConfirmFalsePositive(ReviewStep):
    """Confirm that a hit of the redaction check identifies nobody, with the reason."""

    finding: FindingNumber
    hit: int = Field(ge=1, description="The hit's number, as the check listed it")
    reason: FreeText


class ApproveSharing(ReviewStep):
    """Approve a proposed, cleared finding for sharing beyond the board (a coordinator, for the partners)."""

    finding: FindingNumber
    early_reason: OptionalText = Field(
        default="", description="Why it should be shared before the report is signed off (required until then)"
    )


class WithdrawSharingApproval(ReviewStep):
    """Withdraw the approval to share a finding: it leaves national views and future digests."""

    finding: FindingNumber
    reason: FreeText


class ReleaseFindings(ReviewStep):
    """Release a review's approved findings to national views, withheld since a pause for a criminal trial."""

    reason: FreeText


FINDING_COMMANDS = (
    LogFinding,
    ReviseFinding,
    ReRankFindings,
    WithdrawFinding,
    ShareFinding,
    ConfirmFalsePositive,
    ApproveSharing,
    WithdrawSharingApproval,
    ReleaseFindings,
)
