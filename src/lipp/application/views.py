"""What queries return: plain, serialisable views, never aggregates."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class View(BaseModel):
    model_config = ConfigDict(frozen=True)


class BoardView(View):
    id: UUID
    code: str
    name: str
    area: str
    learning_contact: str = ""


class UserView(View):
    id: UUID
    username: str
    role: str
    board: str | None
    active: bool
    national_body: str | None = None
    team: str | None = None


class NationalBodyView(View):
    """A member body of the Alliance and its digest subscription."""

    id: UUID
    code: str
    name: str
    digest_email: str
    digest_subscribed: bool


class DeadlineView(View):
    name: str
    due_on: date
    done_on: date | None
    status: str
    rag: str


class ReviewView(View):
    """A review as it stands (or stood on `as_of`), with every due date."""

    reference: str
    board: str
    case_reference: str
    incident_kind: str
    looked_after: bool
    agencies: list[str]
    aware_on: date
    notified_on: date
    stage: str
    paused_since: date | None
    paused_for: str | None
    decision: str | None
    rationale: str
    kind: str | None
    methodology: str | None
    lead_reviewer: str | None
    scope_from: date | None
    scope_to: date | None
    key_lines_of_enquiry: list[str]
    earliest_publication_on: date | None
    deadlines: list[DeadlineView]
    days_paused: int = Field(description="Calendar days the review has spent paused (the due dates do not move)")
    delay_explained_on: date | None = Field(description="The last day the Panel was told why it is delayed")
    delay_explained_to: list[str] = Field(description="Who was told then: panel, secretary_of_state")
    rapid_review_from: str = Field(description="What the rapid review's working days run from (a setting)")
    as_of: date
    version: int


class ReviewRow(View):
    """One line of a board's register."""

    reference: str
    case_reference: str
    stage: str
    paused: bool
    next_deadline: str | None
    next_due_on: date | None
    next_status: str | None
    next_rag: str | None


class TimelineEntry(View):
    """Who did what, when (the business date and the moment recorded), and why."""

    version: int
    recorded_at: datetime
    on: date
    actor: str
    what: str
    why: str


class ReviewReceipt(View):
    """What a command returns: the review's reference, stage and version after the step."""

    reference: str
    stage: str
    version: int


class TeamView(View):
    """A team, its contacts (role mailboxes) and its subscriptions."""

    id: UUID
    code: str
    name: str
    agency: str
    board: str
    manager_email: str
    team_email: str
    themes: list[str]
    agencies: list[str]
    scopes: list[str]
