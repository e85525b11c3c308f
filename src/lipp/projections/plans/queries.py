"""Tracker queries: a board's actions filtered and in due-date order, and the plan's facts counted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, and_, func, select, true
from sqlalchemy.engine import Connection

from lipp.domain.plans.values import ActionStatus
from lipp.projections.paging import Page, Paging
from lipp.projections.plans.tables import plan_actions as t

UNREPORTED = (ActionStatus.AGREED.value, ActionStatus.IN_PROGRESS.value)
LISTED = [column for column in t.columns if column.name not in ("action_id", "board_id")]
"""What the tracker lists: every column but the ids, which only the projection needs."""


@dataclass(frozen=True)
class TrackerFilter:
    """Which of a board's actions to list: any combination narrows the list."""

    review: str | None = None
    sector: str | None = None
    status: str | None = None
    overdue: bool = False
    returned: bool = False
    due_by: date | None = None


@dataclass(frozen=True)
class PlanFacts:
    """Counts of a board's (or one review's) plan, for quality markers 15 and 18."""

    agreed: int
    agencies: int
    in_progress: int
    awaiting_verification: int
    verified: int
    with_measured_impact: int
    overdue: int
    returned: int
    superseded: int


def tracker_page(
    connection: Connection, board_id: UUID, today: date, wanted: TrackerFilter, paging: Paging
) -> Page[Any]:
    """The board's actions that `wanted` names, soonest due first (then by review and number)."""
    where = _conditions(board_id, today, wanted)
    total = connection.execute(select(func.count()).select_from(t).where(where)).scalar_one()
    query = select(*LISTED).where(where).order_by(t.c.due_on, t.c.review_reference, t.c.sequence)
    if paging.limit is not None:
        query = query.limit(paging.limit)
    if paging.offset:
        query = query.offset(paging.offset)
    return Page(list(connection.execute(query)), total, paging)


def plan_facts(connection: Connection, board_id: UUID, today: date, review: str | None = None) -> PlanFacts:
    """Actions agreed (not superseded), with how many agencies, verified, with measured impact, overdue, returned."""
    scope = t.c.board_id == board_id
    if review:
        scope = and_(scope, t.c.review_reference == review)
    in_force = and_(scope, t.c.status != ActionStatus.SUPERSEDED.value)
    counts = connection.execute(
        select(
            func.count(),
            func.count().filter(t.c.status == ActionStatus.IN_PROGRESS.value),
            func.count().filter(t.c.status == ActionStatus.COMPLETION_REPORTED.value),
            func.count().filter(t.c.status == ActionStatus.VERIFIED.value),
            func.count().filter(t.c.measured_impact == true()),
            func.count().filter(and_(t.c.status.in_(UNREPORTED), t.c.due_on < today)),
            func.count().filter(t.c.returns > 0),
        ).where(in_force)
    ).one()
    agencies = connection.execute(
        select(func.count()).select_from(select(t.c.sector, t.c.organisation).where(in_force).distinct().subquery())
    ).scalar_one()
    superseded = connection.execute(
        select(func.count()).where(and_(scope, t.c.status == ActionStatus.SUPERSEDED.value))
    ).scalar_one()
    agreed, in_progress, awaiting, verified, impact, overdue, returned = (int(n) for n in counts)
    return PlanFacts(agreed, int(agencies), in_progress, awaiting, verified, impact, overdue, returned, superseded)


def _conditions(board_id: UUID, today: date, wanted: TrackerFilter) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = [t.c.board_id == board_id]
    if wanted.review:
        conditions.append(t.c.review_reference == wanted.review)
    if wanted.sector:
        conditions.append(t.c.sector == wanted.sector)
    if wanted.status:
        conditions.append(t.c.status == wanted.status)
    if wanted.overdue:
        conditions += [t.c.status.in_(UNREPORTED), t.c.due_on < today]
    if wanted.returned:
        conditions.append(t.c.returns > 0)
    if wanted.due_by:
        conditions.append(t.c.due_on <= wanted.due_by)
    return and_(*conditions)
