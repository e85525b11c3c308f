"""One action of a partnership's plan: a SMART action answering an accepted recommendation, and its progress."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from lipp.domain.business_dates import require_step_order
from lipp.domain.clock import ENGLAND
from lipp.domain.identifiers import plan_action_id_for
from lipp.domain.plans.rules import (
    ActionAwaitsVerification,
    ActionCannotSupersedeItself,
    ActionIsClosed,
    CompletionNotReported,
    DueDateBeforeStep,
    DueDateUnchanged,
    ImpactCheckBeforeVerification,
    check_plain_text,
)
from lipp.domain.plans.values import ActionStatus, DueDateMove, ImpactCheck, ImpactMethod, Note
from lipp.domain.review.vocabulary import AgencySector


class ActionEvent(Aggregate.Event):
    """Every event of an action records who acted and the business date of the step."""

    actor_id: UUID
    on: date


class PlanAction(Aggregate):
    """An action the partnership agreed in answer to one of a review's accepted recommendations: the agency and
    the owner's role (never a person), what will be done, how success is measured (the measure and its baseline),
    and when it is due. Progress is posted with evidence; completion is reported, then verified by the board's
    coordinator or returned with a reason; a due date moves with a reason (the original kept); another action
    may supersede it; once verified, its impact is checked. Each action is its own aggregate, so agencies
    updating their actions never contend on one stream."""

    class Agreed(ActionEvent, Aggregate.Created):
        """The partnership agreed an action in its plan, answering a recommendation of a review."""

        board_id: UUID
        board_code: str
        review_id: UUID
        review_reference: str
        recommendation_number: int
        reference: str
        sector: str
        organisation: str
        owner_role: str
        what: str
        measure: str
        baseline: str
        due_on: date

        def apply(self, aggregate: Any) -> None:
            action: PlanAction = aggregate
            action.board_id, action.board_code = self.board_id, self.board_code
            action.review_id, action.review_reference = self.review_id, self.review_reference
            action.recommendation_number = self.recommendation_number
            action.reference = self.reference
            action.sector, action.organisation = AgencySector(self.sector), self.organisation
            action.owner_role, action.what = self.owner_role, self.what
            action.measure, action.baseline = self.measure, self.baseline
            action.due_on = action.original_due_on = self.due_on
            action.agreed_on = self.on
            action.status = ActionStatus.AGREED
            action.progress, action.returns, action.due_moves, action.impact_checks = [], [], [], []
            action.completion_reported_on, action.completion_evidence = None, ""
            action.verified_on, action.verification_note = None, ""
            action.superseded_by, action.superseded_on = None, None
            action.last_step = ("the agreement", self.on)

    class ProgressPosted(ActionEvent):
        """Progress on the action was posted, with its evidence."""

        evidence: str

        def apply(self, aggregate: Any) -> None:
            aggregate.progress.append(Note(self.on, self.evidence))
            aggregate.status = ActionStatus.IN_PROGRESS
            aggregate.last_step = ("the progress posted", self.on)

    class CompletionReported(ActionEvent):
        """The agency reported the action complete, with its evidence; the coordinator is to verify it."""

        evidence: str

        def apply(self, aggregate: Any) -> None:
            aggregate.completion_reported_on, aggregate.completion_evidence = self.on, self.evidence
            aggregate.status = ActionStatus.COMPLETION_REPORTED
            aggregate.last_step = ("the completion reported", self.on)

    class Verified(ActionEvent):
        """The board's coordinator verified the completion."""

        note: str

        def apply(self, aggregate: Any) -> None:
            aggregate.verified_on, aggregate.verification_note = self.on, self.note
            aggregate.status = ActionStatus.VERIFIED
            aggregate.last_step = ("the verification", self.on)

    class Returned(ActionEvent):
        """The board's coordinator returned the reported completion, with the reason: in progress again."""

        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.returns.append(Note(self.on, self.reason))
            aggregate.completion_reported_on, aggregate.completion_evidence = None, ""
            aggregate.status = ActionStatus.IN_PROGRESS
            aggregate.last_step = ("the return", self.on)

    class DueDateMoved(ActionEvent):
        """The action's due date moved, with the reason; the original due date is kept."""

        due_on: date
        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.due_moves.append(DueDateMove(self.on, aggregate.due_on, self.due_on, self.reason))
            aggregate.due_on = self.due_on
            aggregate.last_step = ("the due date's move", self.on)

    class Superseded(ActionEvent):
        """Another action replaced this one, with the reason."""

        by: str
        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.superseded_by, aggregate.superseded_on = self.by, self.on
            aggregate.status = ActionStatus.SUPERSEDED
            aggregate.last_step = ("the supersession", self.on)

    class ImpactChecked(ActionEvent):
        """The action's measure was checked after completion (an audit or dip sample): before, after, narrative."""

        method: str
        before: float
        after: float
        sample_size: int | None
        narrative: str

        def apply(self, aggregate: Any) -> None:
            check = ImpactCheck(
                self.on, ImpactMethod(self.method), self.before, self.after, self.narrative, self.sample_size
            )
            aggregate.impact_checks.append(check)
            aggregate.last_step = ("the impact check", self.on)

    board_id: UUID
    board_code: str
    review_id: UUID
    review_reference: str
    recommendation_number: int
    reference: str
    sector: AgencySector
    organisation: str
    owner_role: str
    what: str
    measure: str
    baseline: str
    due_on: date
    original_due_on: date
    agreed_on: date
    status: ActionStatus
    progress: list[Note]
    returns: list[Note]
    due_moves: list[DueDateMove]
    impact_checks: list[ImpactCheck]
    completion_reported_on: date | None
    completion_evidence: str
    verified_on: date | None
    verification_note: str
    superseded_by: str | None
    superseded_on: date | None
    last_step: tuple[str, date]

    def __init__(self) -> None:
        """State is set by `Agreed.apply`; actions begin with `PlanAction.agree`."""

    @classmethod
    def agree(
        cls,
        *,
        actor_id: UUID,
        now: datetime,
        on: date,
        reference: str,
        board_id: UUID,
        board_code: str,
        review_id: UUID,
        review_reference: str,
        recommendation_number: int,
        recommendation_answered_on: date,
        sector: AgencySector,
        organisation: str,
        owner_role: str,
        what: str,
        measure: str,
        baseline: str,
        due_on: date,
    ) -> PlanAction:
        """Agree an action, no earlier than the response to its recommendation, due on or after the day agreed."""
        step = f"agree {reference}"
        require_step_order(
            on,
            today=_today(now),
            previous_on=recommendation_answered_on,
            previous_step=f"the response to R{recommendation_number}",
            step=step,
        )
        _require_due_on_or_after(due_on, on, "agreed")
        return cls._create(
            cls.Agreed,
            id=plan_action_id_for(reference),
            timestamp=now,
            actor_id=actor_id,
            on=on,
            board_id=board_id,
            board_code=board_code,
            review_id=review_id,
            review_reference=review_reference,
            recommendation_number=recommendation_number,
            reference=reference,
            sector=sector.value,
            organisation=organisation,
            owner_role=check_plain_text("owner's role", owner_role),
            what=check_plain_text("description of what will be done", what),
            measure=check_plain_text("measure", measure),
            baseline=check_plain_text("baseline", baseline),
            due_on=due_on,
        )

    def post_progress(self, *, actor_id: UUID, now: datetime, on: date, evidence: str) -> None:
        """Post progress with its evidence, while the action is being worked on."""
        self._require_being_worked_on("post progress on", on, now)
        self._record(self.ProgressPosted, actor_id, now, on, evidence=evidence)

    def report_completion(self, *, actor_id: UUID, now: datetime, on: date, evidence: str) -> None:
        """Report the action complete, with its evidence; the board's coordinator then verifies or returns it."""
        self._require_being_worked_on("report completion of", on, now)
        self._record(self.CompletionReported, actor_id, now, on, evidence=evidence)

    def verify(self, *, actor_id: UUID, now: datetime, on: date, note: str) -> None:
        """Verify the reported completion."""
        self._require_reported("verify", on, now)
        self._record(self.Verified, actor_id, now, on, note=note)

    def return_completion(self, *, actor_id: UUID, now: datetime, on: date, reason: str) -> None:
        """Return the reported completion, with the reason: the action is in progress again."""
        self._require_reported("return", on, now)
        self._record(self.Returned, actor_id, now, on, reason=reason)

    def move_due_date(self, *, actor_id: UUID, now: datetime, on: date, due_on: date, reason: str) -> None:
        """Move the due date, with the reason; the original stays on record."""
        self._require_open(f"move the due date of {self.reference}")
        self._check_date(f"move the due date of {self.reference}", on, now)
        if due_on == self.due_on:
            raise DueDateUnchanged(f"{self.reference} is already due on {due_on}")
        _require_due_on_or_after(due_on, on, "moved")
        self._record(self.DueDateMoved, actor_id, now, on, due_on=due_on, reason=reason)

    def supersede(self, *, actor_id: UUID, now: datetime, on: date, by: str, reason: str) -> None:
        """Record that another action replaces this one, with the reason."""
        self._require_open(f"supersede {self.reference}")
        if by.upper() == self.reference:
            raise ActionCannotSupersedeItself(f"{self.reference} cannot supersede itself")
        self._check_date(f"supersede {self.reference}", on, now)
        self._record(self.Superseded, actor_id, now, on, by=by.upper(), reason=reason)

    def check_impact(
        self,
        *,
        actor_id: UUID,
        now: datetime,
        on: date,
        method: ImpactMethod,
        before: float,
        after: float,
        narrative: str,
        sample_size: int | None = None,
    ) -> None:
        """Record an audit or dip sample of the measure after the verified completion."""
        step = f"check the impact of {self.reference}"
        if self.status is ActionStatus.SUPERSEDED:
            raise ActionIsClosed(f"cannot {step}: it was superseded by {self.superseded_by} on {self.superseded_on}")
        if self.status is not ActionStatus.VERIFIED:
            raise ImpactCheckBeforeVerification(
                f"cannot {step}: its completion is not yet verified ({self.status.value.replace('_', ' ')})"
            )
        self._check_date(step, on, now)
        self._record(
            self.ImpactChecked,
            actor_id,
            now,
            on,
            method=method.value,
            before=float(before),
            after=float(after),
            sample_size=sample_size,
            narrative=narrative,
        )

    # Derived facts.

    def is_overdue(self, today: date) -> bool:
        """Open, completion not reported, and past its due date."""
        return self.status in (ActionStatus.AGREED, ActionStatus.IN_PROGRESS) and today > self.due_on

    @property
    def has_measured_impact(self) -> bool:
        return bool(self.impact_checks)

    # Internals.

    def _require_open(self, step: str) -> None:
        if self.status is ActionStatus.VERIFIED:
            raise ActionIsClosed(f"cannot {step}: it was verified on {self.verified_on}")
        if self.status is ActionStatus.SUPERSEDED:
            raise ActionIsClosed(f"cannot {step}: it was superseded by {self.superseded_by} on {self.superseded_on}")

    def _require_being_worked_on(self, step: str, on: date, now: datetime) -> None:
        what = f"{step} {self.reference}"
        self._require_open(what)
        if self.status is ActionStatus.COMPLETION_REPORTED:
            raise ActionAwaitsVerification(
                f"cannot {what}: its completion, reported on {self.completion_reported_on}, "
                "awaits the coordinator's verification or return"
            )
        self._check_date(what, on, now)

    def _require_reported(self, step: str, on: date, now: datetime) -> None:
        what = f"{step} {self.reference}"
        self._require_open(what)
        if self.status is not ActionStatus.COMPLETION_REPORTED:
            raise CompletionNotReported(f"cannot {what}: its completion has not been reported")
        self._check_date(what, on, now)

    def _check_date(self, step: str, on: date, now: datetime) -> None:
        previous_step, previous_on = self.last_step
        require_step_order(on, today=_today(now), previous_on=previous_on, previous_step=previous_step, step=step)

    def _record(self, event_class: type[ActionEvent], actor_id: UUID, now: datetime, on: date, **fields: Any) -> None:
        self.trigger_event(event_class, timestamp=now, actor_id=actor_id, on=on, **fields)


def _require_due_on_or_after(due_on: date, on: date, step: str) -> None:
    if due_on < on:
        raise DueDateBeforeStep(f"an action {step} on {on} cannot be due on {due_on}, before that day")


def _today(now: datetime) -> date:
    return now.astimezone(ENGLAND).date()
