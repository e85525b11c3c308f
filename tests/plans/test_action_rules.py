"""An action of a plan refuses every step out of turn, with a named error: pure domain, no store."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lipp.domain.business_dates import StepDatedBeforePreviousStep, StepDatedInTheFuture
from lipp.domain.plans.action import PlanAction
from lipp.domain.plans.rules import (
    ActionAwaitsVerification,
    ActionCannotSupersedeItself,
    ActionIsClosed,
    ActionTextMayIdentifySomeone,
    CompletionNotReported,
    DueDateBeforeStep,
    DueDateUnchanged,
    ImpactCheckBeforeVerification,
)
from lipp.domain.plans.values import ActionStatus, ImpactMethod
from lipp.domain.review.vocabulary import AgencySector

NOW = datetime(2026, 6, 1, 10, tzinfo=UTC)
TODAY = date(2026, 6, 1)
ACTOR = uuid4()


def agreed(on: date = date(2026, 5, 4), due_on: date = date(2026, 9, 30), **changes: object) -> PlanAction:
    fields: dict[str, object] = {
        "actor_id": ACTOR,
        "now": NOW,
        "on": on,
        "reference": "NVL-2026-001-A1",
        "board_id": uuid4(),
        "board_code": "NVL",
        "review_id": uuid4(),
        "review_reference": "NVL-2026-001",
        "recommendation_number": 1,
        "recommendation_answered_on": date(2026, 5, 1),
        "sector": AgencySector.HEALTH,
        "organisation": "Northvale Community Health",
        "owner_role": "Named Nurse for Safeguarding",
        "what": "Health visitors attend every strategy discussion about a baby under one",
        "measure": "Share of strategy discussions about babies with health present",
        "baseline": "40% in the audit of January",
        "due_on": due_on,
    }
    fields.update(changes)
    return PlanAction.agree(**fields)  # type: ignore[arg-type]


def step(action: PlanAction, name: str, on: date = TODAY, **fields: object) -> None:
    getattr(action, name)(actor_id=ACTOR, now=NOW, on=on, **fields)


def reported(on: date = date(2026, 5, 20)) -> PlanAction:
    action = agreed()
    step(action, "report_completion", on, evidence="Attendance recorded in every discussion since April")
    return action


def verified() -> PlanAction:
    action = reported()
    step(action, "verify", date(2026, 5, 25), note="Seen in the minutes")
    return action


def test_an_action_runs_from_agreement_through_a_return_to_verification_and_an_impact_check() -> None:
    action = agreed()
    step(action, "post_progress", date(2026, 5, 10), evidence="Briefed all health visiting teams")
    step(action, "report_completion", date(2026, 5, 12), evidence="Done")
    step(action, "return_completion", date(2026, 5, 13), reason="No evidence of attendance yet")
    assert action.status is ActionStatus.IN_PROGRESS and action.completion_reported_on is None
    step(action, "move_due_date", date(2026, 5, 14), due_on=date(2026, 10, 31), reason="Rota changes")
    step(action, "report_completion", date(2026, 5, 20), evidence="Attendance in 9 of 10 discussions")
    step(action, "verify", date(2026, 5, 21), note="Minutes checked")
    step(
        action,
        "check_impact",
        date(2026, 5, 28),
        method=ImpactMethod.DIP_SAMPLE,
        before=40,
        after=90,
        narrative="Health present in 9 of 10 sampled discussions",
        sample_size=10,
    )
    assert action.status is ActionStatus.VERIFIED and action.has_measured_impact
    assert (action.original_due_on, action.due_on) == (date(2026, 9, 30), date(2026, 10, 31))
    assert [r.text for r in action.returns] == ["No evidence of attendance yet"]
    assert action.impact_checks[0].improved_by == 50


def test_an_owner_is_a_role_never_a_person() -> None:
    with pytest.raises(ActionTextMayIdentifySomeone, match="owner's role"):
        agreed(owner_role="Sarah Jones, team manager")


def test_an_action_is_due_on_or_after_the_day_it_is_agreed() -> None:
    with pytest.raises(DueDateBeforeStep):
        agreed(on=date(2026, 5, 4), due_on=date(2026, 5, 3))


def test_an_action_is_not_agreed_before_the_response_to_its_recommendation_nor_after_today() -> None:
    with pytest.raises(StepDatedBeforePreviousStep, match="the response to R1"):
        agreed(on=date(2026, 4, 30))
    with pytest.raises(StepDatedInTheFuture):
        agreed(on=TODAY + timedelta(days=1), due_on=date(2026, 9, 30))


def test_a_reported_completion_awaits_verification_before_more_progress_or_another_report() -> None:
    action = reported()
    with pytest.raises(ActionAwaitsVerification):
        step(action, "post_progress", evidence="More")
    with pytest.raises(ActionAwaitsVerification):
        step(action, "report_completion", evidence="Again")


def test_only_a_reported_completion_is_verified_or_returned() -> None:
    action = agreed()
    with pytest.raises(CompletionNotReported):
        step(action, "verify", note="Looks done")
    with pytest.raises(CompletionNotReported):
        step(action, "return_completion", reason="Not done")


def test_a_verified_action_is_closed_to_everything_but_impact_checks() -> None:
    action = verified()
    for name, fields in (
        ("post_progress", {"evidence": "x"}),
        ("report_completion", {"evidence": "x"}),
        ("verify", {"note": "x"}),
        ("return_completion", {"reason": "x"}),
        ("move_due_date", {"due_on": date(2026, 12, 1), "reason": "x"}),
        ("supersede", {"by": "NVL-2026-001-A2", "reason": "x"}),
    ):
        with pytest.raises(ActionIsClosed):
            step(action, name, **fields)


def test_impact_is_checked_only_after_verification_and_never_on_a_superseded_action() -> None:
    check = {"method": ImpactMethod.AUDIT, "before": 1, "after": 2, "narrative": "Better"}
    action = reported()
    with pytest.raises(ImpactCheckBeforeVerification):
        step(action, "check_impact", **check)
    superseded = agreed()
    step(superseded, "supersede", by="NVL-2026-001-A2", reason="Merged into a wider action")
    with pytest.raises(ActionIsClosed):
        step(superseded, "check_impact", **check)


def test_a_due_date_moves_to_a_new_date_on_or_after_the_move() -> None:
    action = agreed()
    with pytest.raises(DueDateUnchanged):
        step(action, "move_due_date", due_on=date(2026, 9, 30), reason="x")
    with pytest.raises(DueDateBeforeStep):
        step(action, "move_due_date", due_on=date(2026, 5, 31), reason="x")


def test_an_action_cannot_supersede_itself() -> None:
    with pytest.raises(ActionCannotSupersedeItself):
        step(agreed(), "supersede", by="nvl-2026-001-a1", reason="x")


def test_an_overdue_action_is_open_unreported_and_past_its_due_date() -> None:
    action = agreed(due_on=date(2026, 5, 31))
    assert action.is_overdue(TODAY)
    step(action, "report_completion", date(2026, 5, 30), evidence="Done")
    assert not action.is_overdue(TODAY)


@given(days_before=st.integers(1, 25))
def test_no_step_is_dated_before_the_step_it_follows(days_before: int) -> None:
    action = reported(on=date(2026, 5, 28))
    with pytest.raises(StepDatedBeforePreviousStep, match="the completion reported"):
        step(action, "verify", date(2026, 5, 28) - timedelta(days=days_before), note="x")


@given(days_ahead=st.integers(1, 400))
def test_no_step_is_dated_after_today(days_ahead: int) -> None:
    with pytest.raises(StepDatedInTheFuture):
        step(agreed(), "post_progress", TODAY + timedelta(days=days_ahead), evidence="x")
