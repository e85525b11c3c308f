"""Register queries: a board's reviews with their next deadline and RAG, the overdue ones, counts per stage."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from lipp.domain.review.dates import ReviewDates
from lipp.domain.review.deadlines import deadlines_of, next_open_deadline
from lipp.domain.review.vocabulary import Decision, Stage
from lipp.domain.timescales import Timescales
from lipp.projections.register.entries import RegisterEntry, StageCount
from lipp.projections.register.table import review_register as t

ENTRY_COLUMNS = (
    t.c.reference,
    t.c.case_reference,
    t.c.stage,
    t.c.paused_since,
    t.c.paused_for,
    t.c.aware_on,
    t.c.notified_on,
    t.c.decision,
    t.c.decided_on,
    t.c.signed_off_on,
    t.c.publication_reconsider_on,
    t.c.closed_pause_days,
)


def dates_of(row: Any) -> ReviewDates:
    """The business dates a register row holds: the same value the Review aggregate gives."""
    return ReviewDates(
        aware_on=row.aware_on,
        notified_on=row.notified_on,
        decision=Decision(row.decision) if row.decision else None,
        decided_on=row.decided_on,
        signed_off_on=row.signed_off_on,
        publication_reconsider_on=row.publication_reconsider_on,
        closed_pause_days=row.closed_pause_days,
        paused_since=row.paused_since,
    )


def board_register(
    connection: Connection,
    board_id: UUID,
    today: date,
    timescales: Timescales,
    *,
    overdue_only: bool = False,
    stage: Stage | None = None,
) -> list[RegisterEntry]:
    """The board's reviews (at `stage`, if given), oldest reference first, each with its next open deadline."""
    query = select(*ENTRY_COLUMNS).where(t.c.board_id == board_id)
    if stage is not None:
        query = query.where(t.c.stage == stage.value)
    rows = connection.execute(query.order_by(t.c.reference))
    entries = [_entry(row, today, timescales) for row in rows]
    return [entry for entry in entries if entry.is_overdue] if overdue_only else entries


def stage_counts(connection: Connection, board_id: UUID) -> list[StageCount]:
    """Reviews per stage (in process order), with how many of them are paused; stages with none are left out."""
    paused = func.sum(case((t.c.paused_since.is_not(None), 1), else_=0))
    rows = connection.execute(
        select(t.c.stage, func.count(), paused).where(t.c.board_id == board_id).group_by(t.c.stage)
    ).all()
    found = {stage: (count, int(paused or 0)) for stage, count, paused in rows}
    return [
        StageCount(stage=stage.value, reviews=found[stage.value][0], paused=found[stage.value][1])
        for stage in Stage
        if stage.value in found
    ]


def _entry(row: Any, today: date, timescales: Timescales) -> RegisterEntry:
    upcoming = next_open_deadline(deadlines_of(dates_of(row), timescales, today))
    return RegisterEntry(
        reference=row.reference,
        case_reference=row.case_reference,
        stage=row.stage,
        paused=row.paused_since is not None,
        paused_since=row.paused_since,
        paused_for=row.paused_for,
        notified_on=row.notified_on,
        next_deadline=upcoming.name if upcoming else None,
        next_due_on=upcoming.due_on if upcoming else None,
        next_status=upcoming.status.value if upcoming else None,
        next_rag=upcoming.status.rag if upcoming else None,
    )
