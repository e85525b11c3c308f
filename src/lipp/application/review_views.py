"""Turning a Review (and its events) into the views queries return."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from lipp.application.views import DeadlineView, ReviewRow, ReviewView, TimelineEntry
from lipp.domain.review.aggregate import Review
from lipp.domain.review.deadlines import Deadline, deadlines_of, next_open_deadline
from lipp.domain.timescales import Timescales

if TYPE_CHECKING:
    from lipp.application.review_store import Directory


def _deadline_view(deadline: Deadline) -> DeadlineView:
    return DeadlineView(
        name=deadline.name,
        due_on=deadline.due_on,
        done_on=deadline.done_on,
        status=deadline.status.value,
        rag=deadline.status.rag,
    )


def review_view(review: Review, directory: Directory, timescales: Timescales, today: date) -> ReviewView:
    scope_from, scope_to = review.scope if review.scope else (None, None)
    return ReviewView(
        reference=review.reference,
        board=directory.board_by_id(review.board_id).code,
        case_reference=review.case_reference,
        incident_kind=review.incident_kind.value,
        looked_after=review.looked_after,
        agencies=[str(a) for a in review.agencies],
        aware_on=review.aware_on,
        notified_on=review.notified_on,
        stage=review.stage.value,
        paused_since=review.paused_since,
        paused_for=review.paused_for.value if review.paused_for else None,
        decision=review.decision.value if review.decision else None,
        rationale=review.rationale,
        kind=review.kind.value if review.kind else None,
        methodology=review.methodology.value if review.methodology else None,
        lead_reviewer=directory.username_of(review.lead_reviewer_id) if review.lead_reviewer_id else None,
        scope_from=scope_from,
        scope_to=scope_to,
        key_lines_of_enquiry=list(review.key_lines_of_enquiry),
        earliest_publication_on=review.earliest_publication_on(timescales.panel_copy_working_days),
        deadlines=[_deadline_view(d) for d in deadlines_of(review.dates, timescales, today)],
        days_paused=review.days_paused(today),
        delay_explained_on=review.delay_explanations[-1][0] if review.delay_explanations else None,
        delay_explained_to=[r.value for r in review.delay_explanations[-1][1]] if review.delay_explanations else [],
        rapid_review_from=timescales.rapid_review_from.value,
        as_of=today,
        version=review.version,
    )


def review_row(review: Review, timescales: Timescales, today: date) -> ReviewRow:
    upcoming = next_open_deadline(deadlines_of(review.dates, timescales, today))
    return ReviewRow(
        reference=review.reference,
        case_reference=review.case_reference,
        stage=review.stage.value,
        paused=review.is_paused,
        next_deadline=upcoming.name if upcoming else None,
        next_due_on=upcoming.due_on if upcoming else None,
        next_status=upcoming.status.value if upcoming else None,
        next_rag=upcoming.status.rag if upcoming else None,
    )


def timeline_entries(events: Sequence[Any], directory: Directory) -> list[TimelineEntry]:
    names: dict[Any, str] = {}

    def name(actor_id: Any) -> str:
        if actor_id not in names:
            names[actor_id] = directory.username_of(actor_id)
        return names[actor_id]

    return [
        TimelineEntry(
            version=event.originator_version,
            recorded_at=event.timestamp,
            on=event.on,
            actor=name(event.actor_id),
            what=event.summary(),
            why=event.why(),
        )
        for event in events
        if isinstance(event, Review.Event)
    ]
