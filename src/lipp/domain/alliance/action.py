"""An action a national body commits against a national theme, and its progress to completion."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from lipp.domain.alliance.rules import (
    ActionIsClosed,
    DueDateBeforeCommitment,
    check_shareable_text,
    check_step_date,
)
from lipp.domain.business_dates import StepDatedBeforePreviousStep
from lipp.domain.identifiers import alliance_action_id_for


class ActionStatus(StrEnum):
    OPEN = "open"
    """Committed and not yet completed or withdrawn."""
    COMPLETED = "completed"
    """Done, with evidence of its impact."""
    WITHDRAWN = "withdrawn"
    """Stopped, with the reason."""


@dataclass(frozen=True)
class ProgressNote:
    on: date
    note: str


class AllianceAction(Aggregate):
    """One national body's commitment to act on a national theme: owner, description, due date, then progress,
    completion with evidence of impact, or withdrawal with a reason. Open past its due date, it is overdue."""

    class Committed(Aggregate.Created):
        """A national body committed an action against a national theme."""

        actor_id: UUID
        national_body_id: UUID
        body_code: str
        reference: str
        theme_id: str
        themes_version: int
        owner: str
        description: str
        due_on: date
        committed_on: date

        def apply(self, aggregate: Any) -> None:
            action: AllianceAction = aggregate
            action.national_body_id = self.national_body_id
            action.body_code = self.body_code
            action.reference = self.reference
            action.theme_id = self.theme_id
            action.themes_version = self.themes_version
            action.owner = self.owner
            action.description = self.description
            action.due_on = self.due_on
            action.committed_on = self.committed_on
            action.status = ActionStatus.OPEN
            action.progress = []
            action.closed_on = None
            action.outcome = ""

    class ProgressPosted(Aggregate.Event):
        """The body reported progress on the action."""

        actor_id: UUID
        on: date
        note: str

        def apply(self, aggregate: Any) -> None:
            aggregate.progress.append(ProgressNote(on=self.on, note=self.note))

    class Completed(Aggregate.Event):
        """The body completed the action, with evidence of its impact."""

        actor_id: UUID
        on: date
        evidence: str

        def apply(self, aggregate: Any) -> None:
            aggregate.status, aggregate.closed_on, aggregate.outcome = ActionStatus.COMPLETED, self.on, self.evidence

    class Withdrawn(Aggregate.Event):
        """The body withdrew the action, with the reason."""

        actor_id: UUID
        on: date
        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.status, aggregate.closed_on, aggregate.outcome = ActionStatus.WITHDRAWN, self.on, self.reason

    national_body_id: UUID
    body_code: str
    reference: str
    theme_id: str
    themes_version: int
    owner: str
    description: str
    due_on: date
    committed_on: date
    status: ActionStatus
    progress: list[ProgressNote]
    closed_on: date | None
    outcome: str

    def __init__(self) -> None:
        """State is set by `Committed.apply`."""

    @classmethod
    def commit(
        cls,
        *,
        actor_id: UUID,
        now: datetime,
        today: date,
        national_body_id: UUID,
        body_code: str,
        reference: str,
        theme_id: str,
        themes_version: int,
        owner: str,
        description: str,
        due_on: date,
    ) -> AllianceAction:
        """Commit an action; its text passes the redaction check, and it is due on or after today."""
        if due_on < today:
            raise DueDateBeforeCommitment(f"an action committed on {today} cannot be due on {due_on}")
        return cls._create(
            cls.Committed,
            id=alliance_action_id_for(reference),
            timestamp=now,
            actor_id=actor_id,
            national_body_id=national_body_id,
            body_code=body_code,
            reference=reference,
            theme_id=theme_id,
            themes_version=themes_version,
            owner=check_shareable_text("owner", owner),
            description=check_shareable_text("description", description),
            due_on=due_on,
            committed_on=today,
        )

    def post_progress(self, *, actor_id: UUID, now: datetime, today: date, on: date, note: str) -> None:
        self._check_open("post progress on", on, today)
        self.trigger_event(
            self.ProgressPosted, timestamp=now, actor_id=actor_id, on=on, note=check_shareable_text("note", note)
        )

    def complete(self, *, actor_id: UUID, now: datetime, today: date, on: date, evidence: str) -> None:
        self._check_open("complete", on, today)
        evidence = check_shareable_text("evidence of impact", evidence)
        self.trigger_event(self.Completed, timestamp=now, actor_id=actor_id, on=on, evidence=evidence)

    def withdraw(self, *, actor_id: UUID, now: datetime, today: date, on: date, reason: str) -> None:
        self._check_open("withdraw", on, today)
        reason = check_shareable_text("reason", reason)
        self.trigger_event(self.Withdrawn, timestamp=now, actor_id=actor_id, on=on, reason=reason)

    def is_overdue(self, today: date) -> bool:
        """Open past its due date."""
        return self.status is ActionStatus.OPEN and today > self.due_on

    def _check_open(self, step: str, on: date, today: date) -> None:
        if self.status is not ActionStatus.OPEN:
            raise ActionIsClosed(f"cannot {step} {self.reference}: it was {self.status.value} on {self.closed_on}")
        check_step_date(on, self.committed_on, today, f"{step.split()[0]} on {self.reference}")
        last = max((note.on for note in self.progress), default=None)
        if last is not None and on < last:
            raise StepDatedBeforePreviousStep(
                f"cannot {step} {self.reference} on {on}: that is before the progress posted on {last}"
            )
