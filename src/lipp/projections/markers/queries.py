"""Counting ratings per marker, for one board or all, over the period the latest ratings were given in."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from lipp.domain.reference.markers import MarkerSet
from lipp.domain.review.assessment import Rating
from lipp.projections.markers.entries import MarkerResult
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
    query = select(t.c.marker, t.c.rating, func.count()).group_by(t.c.marker, t.c.rating)
    if board:
        query = query.where(t.c.board_code == board.strip().upper())
    if board_id:
        query = query.where(t.c.board_id == board_id)
    if from_date:
        query = query.where(t.c.assessed_on >= from_date)
    if to_date:
        query = query.where(t.c.assessed_on <= to_date)
    counts = {(marker, rating): count for marker, rating, count in connection.execute(query)}
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
