"""Counting ratings per marker, for one board or all, over the period the latest ratings were given in."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from lipp.domain.reference.markers import MarkerSet
from lipp.domain.review.assessment import Rating
from lipp.projections.markers.entries import MarkerResult
from lipp.projections.markers.projection import month_of
from lipp.projections.markers.tables import marker_monthly as m
from lipp.projections.markers.tables import marker_ratings as t


def results(
    connection: Connection,
    markers: MarkerSet,
    board: str | None = None,
    from_date: date | None = None,
    to_date: date | None = None,
    board_id: UUID | None = None,
) -> list[MarkerResult]:
    """Every marker in order with its counts; a marker nobody rated shows zeros."""
    if board or board_id:
        counts = _counted(connection, from_date, to_date, board, board_id)
    else:
        counts = _national(connection, from_date, to_date)
    return [
        MarkerResult(
            marker=m.number,
            title=m.title,
            met=counts.get((m.number, Rating.MET.value), 0),
            partly_met=counts.get((m.number, Rating.PARTLY_MET.value), 0),
            not_met=counts.get((m.number, Rating.NOT_MET.value), 0),
            not_applicable=counts.get((m.number, Rating.NOT_APPLICABLE.value), 0),
        )
        for m in markers.markers
    ]


def _counted(
    connection: Connection,
    from_date: date | None,
    to_date: date | None,
    board: str | None = None,
    board_id: UUID | None = None,
) -> Counter[tuple[int, str]]:
    """Counted rating by rating: one board's are few, and a period of less than a month is short."""
    query = select(t.c.marker, t.c.rating, func.count()).group_by(t.c.marker, t.c.rating)
    if board:
        query = query.where(t.c.board_code == board.strip().upper())
    if board_id:
        query = query.where(t.c.board_id == board_id)
    if from_date:
        query = query.where(t.c.assessed_on >= from_date)
    if to_date:
        query = query.where(t.c.assessed_on <= to_date)
    return Counter({(marker, rating): count for marker, rating, count in connection.execute(query)})


def _national(connection: Connection, from_date: date | None, to_date: date | None) -> Counter[tuple[int, str]]:
    """Whole months from the monthly counts; the days of a month the period only partly covers, rating by
    rating."""
    first = _month_start(from_date) if from_date else None
    if first is not None and from_date != first:
        first = _next_month(first)  # the period starts inside a month: that month's days are counted one by one
    last = _month_start(to_date) if to_date else None
    if last is not None and to_date is not None and _next_month(last) - timedelta(days=1) != to_date:
        last = _month_start(last - timedelta(days=1))  # ends inside a month: likewise
    if first is not None and last is not None and first > last:
        return _counted(connection, from_date, to_date)
    query = select(m.c.marker, m.c.rating, func.sum(m.c.reviews)).group_by(m.c.marker, m.c.rating)
    if first is not None:
        query = query.where(m.c.month >= month_of(first))
    if last is not None:
        query = query.where(m.c.month <= month_of(last))
    counts: Counter[tuple[int, str]] = Counter()
    for marker, rating, count in connection.execute(query):
        counts[(marker, rating)] += int(count or 0)
    if from_date is not None and first is not None and from_date < first:
        counts.update(_counted(connection, from_date, first - timedelta(days=1)))
    if to_date is not None and last is not None and to_date >= _next_month(last):
        counts.update(_counted(connection, _next_month(last), to_date))
    return counts


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)
