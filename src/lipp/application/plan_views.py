"""What recommendation and plan queries return: plain views, never aggregates."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from lipp.application.views import ReviewReceipt, View
from lipp.domain.plans.action import PlanAction
from lipp.domain.plans.values import ActionStatus
from lipp.domain.review.deadlines import status_of
from lipp.domain.review.recommendation import Recommendation
from lipp.projections.plans.queries import PlanFacts


class RecommendationReceipt(ReviewReceipt):
    """What making a recommendation returns: the review's receipt and the new recommendation's key."""

    recommendation: str


class RecommendationView(View):
    """A recommendation of the report and, once given, the partnership's response."""

    key: str
    text: str
    addressed_to: str
    addressee: str
    sector: str | None
    organisation: str
    findings: list[str]
    made_on: date
    response: str | None
    response_reason: str
    answered_on: date | None


def recommendation_view(recommendation: Recommendation) -> RecommendationView:
    return RecommendationView(
        key=recommendation.key,
        text=recommendation.text,
        addressed_to=recommendation.addressed_to.value,
        addressee=recommendation.addressee_text,
        sector=recommendation.sector.value if recommendation.sector else None,
        organisation=recommendation.organisation,
        findings=[f"F{n}" for n in recommendation.findings],
        made_on=recommendation.made_on,
        response=recommendation.response.value if recommendation.response else None,
        response_reason=recommendation.response_reason,
        answered_on=recommendation.answered_on,
    )


class NoteView(View):
    on: date
    text: str


class DueDateMoveView(View):
    on: date
    moved_from: date
    moved_to: date
    reason: str


class ImpactCheckView(View):
    on: date
    method: str
    before: float
    after: float
    sample_size: int | None
    narrative: str


class TrackerEntry(View):
    """An action as the tracker lists it; `overdue` and `rag` are judged against today in England."""

    reference: str
    board: str
    review: str
    recommendation: str
    sector: str
    organisation: str
    owner_role: str
    what: str
    status: str
    agreed_on: date
    due_on: date
    original_due_on: date
    completion_reported_on: date | None
    verified_on: date | None
    returned: int
    impact_checks: int
    superseded_by: str | None
    overdue: bool
    rag: str | None


class ActionView(TrackerEntry):
    """An action with everything recorded about it."""

    id: UUID
    measure: str
    baseline: str
    progress: list[NoteView]
    completion_evidence: str
    verification_note: str
    returns: list[NoteView]
    due_moves: list[DueDateMoveView]
    impacts: list[ImpactCheckView]


class PlanFactsView(View):
    """A plan's facts, for quality markers 15 (improvement action) and 18 (implementation and evaluation)."""

    board: str
    review: str | None
    agreed: int
    agencies: int
    in_progress: int
    awaiting_verification: int
    verified: int
    with_measured_impact: int
    overdue: int
    returned: int
    superseded: int
    summary: str


def rag_of(status: str, due_on: date, reported_on: date | None, today: date, due_soon_working_days: int) -> str | None:
    """As the register judges a deadline: open on time, due soon or overdue; reported (or verified) met or late.
    A superseded action has no RAG."""
    if status == ActionStatus.SUPERSEDED.value:
        return None
    return status_of(due_on, reported_on, today, due_soon_working_days).rag


def _is_overdue(status: str, due_on: date, today: date) -> bool:
    return status in (ActionStatus.AGREED.value, ActionStatus.IN_PROGRESS.value) and today > due_on


def tracker_entry(row: Any, today: date, due_soon_working_days: int) -> TrackerEntry:
    """The tracker's row as users read it (read through the row's mapping: a Row's attributes cost about 2 µs
    each, and a board's tracker lists hundreds of rows of twenty columns)."""
    m = row._mapping
    return TrackerEntry(
        reference=m["reference"],
        board=m["board_code"],
        review=m["review_reference"],
        recommendation=f"R{m['recommendation']}",
        sector=m["sector"],
        organisation=m["organisation"],
        owner_role=m["owner_role"],
        what=m["what"],
        status=m["status"],
        agreed_on=m["agreed_on"],
        due_on=m["due_on"],
        original_due_on=m["original_due_on"],
        completion_reported_on=m["completion_reported_on"],
        verified_on=m["verified_on"],
        returned=m["returns"],
        impact_checks=m["impact_checks"],
        superseded_by=m["superseded_by"],
        overdue=_is_overdue(m["status"], m["due_on"], today),
        rag=rag_of(m["status"], m["due_on"], m["completion_reported_on"], today, due_soon_working_days),
    )


def action_view(action: PlanAction, today: date, due_soon_working_days: int) -> ActionView:
    status = action.status.value
    return ActionView(
        id=action.id,
        reference=action.reference,
        board=action.board_code,
        review=action.review_reference,
        recommendation=f"R{action.recommendation_number}",
        sector=action.sector.value,
        organisation=action.organisation,
        owner_role=action.owner_role,
        what=action.what,
        status=status,
        agreed_on=action.agreed_on,
        due_on=action.due_on,
        original_due_on=action.original_due_on,
        completion_reported_on=action.completion_reported_on,
        verified_on=action.verified_on,
        returned=len(action.returns),
        impact_checks=len(action.impact_checks),
        superseded_by=action.superseded_by,
        overdue=action.is_overdue(today),
        rag=rag_of(status, action.due_on, action.completion_reported_on, today, due_soon_working_days),
        measure=action.measure,
        baseline=action.baseline,
        progress=[NoteView(on=n.on, text=n.text) for n in action.progress],
        completion_evidence=action.completion_evidence,
        verification_note=action.verification_note,
        returns=[NoteView(on=n.on, text=n.text) for n in action.returns],
        due_moves=[
            DueDateMoveView(on=m.on, moved_from=m.moved_from, moved_to=m.moved_to, reason=m.reason)
            for m in action.due_moves
        ],
        impacts=[
            ImpactCheckView(
                on=c.on,
                method=c.method.value,
                before=c.before,
                after=c.after,
                sample_size=c.sample_size,
                narrative=c.narrative,
            )
            for c in action.impact_checks
        ],
    )


def facts_view(facts: PlanFacts, board: str, review: str | None) -> PlanFactsView:
    return PlanFactsView(
        board=board,
        review=review,
        agreed=facts.agreed,
        agencies=facts.agencies,
        in_progress=facts.in_progress,
        awaiting_verification=facts.awaiting_verification,
        verified=facts.verified,
        with_measured_impact=facts.with_measured_impact,
        overdue=facts.overdue,
        returned=facts.returned,
        superseded=facts.superseded,
        summary=facts_sentence(facts),
    )


def facts_sentence(facts: PlanFacts) -> str:
    """'9 actions agreed with 4 agencies; 3 verified; 1 with measured impact' (and overdue, when any are)."""
    actions = "1 action" if facts.agreed == 1 else f"{facts.agreed} actions"
    agencies = "1 agency" if facts.agencies == 1 else f"{facts.agencies} agencies"
    parts = [f"{actions} agreed with {agencies}", f"{facts.verified} verified"]
    parts.append(f"{facts.with_measured_impact} with measured impact")
    if facts.overdue:
        parts.append(f"{facts.overdue} overdue")
    return "; ".join(parts)
