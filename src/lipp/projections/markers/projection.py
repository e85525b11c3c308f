"""Keeps marker results from the Review events: a review's board from its notification, ratings as assessed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar
from uuid import UUID

from eventsourcing.domain import DomainEvent
from sqlalchemy import select, tuple_
from sqlalchemy.engine import Connection

from lipp.domain.review.aggregate import Review
from lipp.projections.markers.tables import marker_metadata, marker_ratings, marker_reviews
from lipp.projections.projection import Projection, Row
from lipp.projections.rows import IN_CHUNK, WRITE_CHUNK


class MarkerResultsProjection(Projection):
    """The latest rating of each marker per review: a revisited marker replaces its earlier rating."""

    name: ClassVar[str] = "marker_results"
    version: ClassVar[int] = 2
    metadata = marker_metadata

    @property
    def event_classes(self) -> tuple[type[DomainEvent], ...]:
        return (Review.Notified, Review.QualityMarkerAssessed)

    def apply(self, connection: Connection, events: Sequence[DomainEvent]) -> None:
        boards: dict[UUID, tuple[UUID, str]] = {}
        ratings: dict[tuple[UUID, int], Row] = {}
        new_reviews: list[Row] = []
        assessed = [e for e in events if isinstance(e, Review.QualityMarkerAssessed)]
        boards.update(_boards(connection, {e.originator_id for e in assessed}))
        existing = _existing(connection, {(e.originator_id, e.marker) for e in assessed})
        for event in events:
            if isinstance(event, Review.Notified):
                code = event.reference.rsplit("-", 2)[0]
                boards[event.originator_id] = (event.board_id, code)
                new_reviews.append({"review_id": event.originator_id, "board_id": event.board_id, "board_code": code})
            elif isinstance(event, Review.QualityMarkerAssessed):
                key = (event.originator_id, event.marker)
                before = ratings.get(key) or existing.get(key)
                board_id, code = boards[event.originator_id]
                ratings[key] = {
                    "review_id": event.originator_id,
                    "marker": event.marker,
                    "board_id": board_id,
                    "board_code": code,
                    "rating": event.rating,
                    "assessed_on": event.on,
                    "times_assessed": (before["times_assessed"] if before else 0) + 1,
                }
        _insert(connection, marker_reviews, new_reviews)
        replaced = [key for key in ratings if key in existing]
        for start in range(0, len(replaced), IN_CHUNK):
            chunk = replaced[start : start + IN_CHUNK]
            keys = tuple_(marker_ratings.c.review_id, marker_ratings.c.marker)
            connection.execute(marker_ratings.delete().where(keys.in_(chunk)))
        _insert(connection, marker_ratings, list(ratings.values()))


def _boards(connection: Connection, review_ids: set[UUID]) -> dict[UUID, tuple[UUID, str]]:
    found: dict[UUID, tuple[UUID, str]] = {}
    ids = list(review_ids)
    for start in range(0, len(ids), IN_CHUNK):
        query = select(marker_reviews).where(marker_reviews.c.review_id.in_(ids[start : start + IN_CHUNK]))
        for row in connection.execute(query):
            found[row.review_id] = (row.board_id, row.board_code)
    return found


def _existing(connection: Connection, keys: set[tuple[UUID, int]]) -> dict[tuple[UUID, int], Row]:
    found: dict[tuple[UUID, int], Row] = {}
    wanted = list(keys)
    columns = tuple_(marker_ratings.c.review_id, marker_ratings.c.marker)
    for start in range(0, len(wanted), IN_CHUNK):
        query = select(marker_ratings).where(columns.in_(wanted[start : start + IN_CHUNK]))
        for row in connection.execute(query):
            found[(row.review_id, row.marker)] = row._asdict()
    return found


def _insert(connection: Connection, table: object, rows: list[Row]) -> None:
    for start in range(0, len(rows), WRITE_CHUNK):
        connection.execute(table.insert(), rows[start : start + WRITE_CHUNK])  # type: ignore[attr-defined]
