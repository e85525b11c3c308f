"""Keeps the tracker from the actions' events: each handler does to the row what the event does to the action."""

from __future__ import annotations

from typing import ClassVar

from lipp.domain.plans.action import PlanAction
from lipp.domain.plans.values import ActionStatus
from lipp.projections.plans.tables import plan_actions, tracker_metadata
from lipp.projections.projection import Row
from lipp.projections.rows import RowPerAggregate, changes_row, starts_row


class ActionTrackerProjection(RowPerAggregate):
    """One row per action: where it stands and the dates the tracker sorts and flags by."""

    name: ClassVar[str] = "action_tracker"
    version: ClassVar[int] = 1
    metadata = tracker_metadata
    table = plan_actions
    key = "action_id"

    @starts_row(PlanAction.Agreed)
    def agreed(self, event: PlanAction.Agreed) -> Row:
        return {
            "action_id": event.originator_id,
            "reference": event.reference,
            "board_id": event.board_id,
            "board_code": event.board_code,
            "review_reference": event.review_reference,
            "recommendation": event.recommendation_number,
            "sector": event.sector,
            "organisation": event.organisation,
            "owner_role": event.owner_role,
            "what": event.what,
            "status": ActionStatus.AGREED.value,
            "agreed_on": event.on,
            "due_on": event.due_on,
            "original_due_on": event.due_on,
            "completion_reported_on": None,
            "verified_on": None,
            "returns": 0,
            "impact_checks": 0,
            "superseded_by": None,
            "last_step_on": event.on,
            "sequence": int(event.reference.rsplit("-A", 1)[1]),
            "measured_impact": False,
        }

    @changes_row(PlanAction.ProgressPosted)
    def progressed(self, row: Row, event: PlanAction.ProgressPosted) -> None:
        row.update(status=ActionStatus.IN_PROGRESS.value, last_step_on=event.on)

    @changes_row(PlanAction.CompletionReported)
    def reported(self, row: Row, event: PlanAction.CompletionReported) -> None:
        row.update(
            status=ActionStatus.COMPLETION_REPORTED.value, completion_reported_on=event.on, last_step_on=event.on
        )

    @changes_row(PlanAction.Verified)
    def verified(self, row: Row, event: PlanAction.Verified) -> None:
        row.update(status=ActionStatus.VERIFIED.value, verified_on=event.on, last_step_on=event.on)

    @changes_row(PlanAction.Returned)
    def returned(self, row: Row, event: PlanAction.Returned) -> None:
        row.update(
            status=ActionStatus.IN_PROGRESS.value,
            completion_reported_on=None,
            returns=row["returns"] + 1,
            last_step_on=event.on,
        )

    @changes_row(PlanAction.DueDateMoved)
    def moved(self, row: Row, event: PlanAction.DueDateMoved) -> None:
        row.update(due_on=event.due_on, last_step_on=event.on)

    @changes_row(PlanAction.Superseded)
    def superseded(self, row: Row, event: PlanAction.Superseded) -> None:
        row.update(status=ActionStatus.SUPERSEDED.value, superseded_by=event.by, last_step_on=event.on)

    @changes_row(PlanAction.ImpactChecked)
    def impact_checked(self, row: Row, event: PlanAction.ImpactChecked) -> None:
        row.update(impact_checks=row["impact_checks"] + 1, measured_impact=True, last_step_on=event.on)
