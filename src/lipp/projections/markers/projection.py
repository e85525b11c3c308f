"""Keeps marker results from the Review events: a review's board from its notification, ratings as assessed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import ClassVar
from uuid import UUID

from eventsourcing.domain import DomainEvent
from sqlalchemy import MetaData, Table, select
from sqlalchemy.engine import Connection

from lipp.domain.review.aggregate import Review
from lipp.projections import bulk
from lipp.projections.markers.tables import marker_metadata, marker_monthly, marker_ratings, marker_reviews
from lipp.projections.projection import Projection, Row
from lipp.projections.rows import IN_CHUNK

Key = tuple[UUID, int]


class MarkerResultsProjection(Projection):
    """The latest rating of each marker per review: a revisited marker replaces its earlier rating."""

    name: ClassVar[str] = "marker_results"
    version: ClassVar[int] = 3
    metadata = marker_metadata

    @property
    def event_classes(self) -> tuple[type[DomainEvent], ...]:
        return (Review.Notified, Review.QualityMarkerAssessed)

    def __init__(self, schema: MetaData | None = None, tracking_name: str | None = None) -> None:
        super().__init__(schema, tracking_name)
        self.reviews, self.ratings = self.own(marker_reviews), self.own(marker_ratings)
        self.monthly = self.own(marker_monthly)

    def apply(self, connection: Connection, events: Sequence[DomainEvent]) -> None:
        marker_reviews, marker_ratings = self.reviews, self.ratings
        assessed = [e for e in events if isinstance(e, Review.QualityMarkerAssessed)]
        touched = {e.originator_id for e in assessed}
        boards = _boards(connection, marker_reviews, touched)
        ratings = _existing(connection, marker_ratings, touched)
        replaced = {review_id for review_id, _ in ratings}
        changes: Counter[tuple[int, str, int]] = Counter()
        new_reviews: list[Row] = []
        for event in events:
            if isinstance(event, Review.Notified):
                code = event.reference.rsplit("-", 2)[0]
                boards[event.originator_id] = (event.board_id, code)
                new_reviews.append({"review_id": event.originator_id, "board_id": event.board_id, "board_code": code})
            elif isinstance(event, Review.QualityMarkerAssessed):
                key = (event.originator_id, event.marker)
                before = ratings.get(key)
                board_id, code = boards[event.originator_id]
                # A changed rating leaves its old month's count and joins its new one's.
                if before is not None:
                    changes[(event.marker, before["rating"], month_of(before["assessed_on"]))] -= 1
                changes[(event.marker, event.rating, month_of(event.on))] += 1
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
        # A review's ratings are replaced whole: loading and deleting by review id uses the primary key's prefix.
        stale = list(replaced)
        for start in range(0, len(stale), IN_CHUNK):
            chunk = stale[start : start + IN_CHUNK]
            connection.execute(marker_ratings.delete().where(marker_ratings.c.review_id.in_(chunk)))
        _insert(connection, marker_ratings, list(ratings.values()))
        monthly = [
            {"marker": marker, "rating": rating, "month": month, "reviews": count}
            for (marker, rating, month), count in changes.items()
            if count
        ]
        bulk.add_counts(connection, self.monthly, ("marker", "rating", "month"), "reviews", monthly)


def month_of(day: date) -> int:
    return day.year * 100 + day.month


def _boards(connection: Connection, marker_reviews: Table, review_ids: set[UUID]) -> dict[UUID, tuple[UUID, str]]:
    found: dict[UUID, tuple[UUID, str]] = {}
    ids = list(review_ids)
    for start in range(0, len(ids), IN_CHUNK):
        query = select(marker_reviews).where(marker_reviews.c.review_id.in_(ids[start : start + IN_CHUNK]))
        for row in connection.execute(query):
            found[row.review_id] = (row.board_id, row.board_code)
    return found


def _existing(connection: Connection, marker_ratings: Table, review_ids: set[UUID]) -> dict[Key, Row]:
    found: dict[Key, Row] = {}
    ids = list(review_ids)
    for start in range(0, len(ids), IN_CHUNK):
        query = select(marker_ratings).where(marker_ratings.c.review_id.in_(ids[start : start + IN_CHUNK]))
        for row in connection.execute(query):
            found[(row.review_id, row.marker)] = row._asdict()
    return found


def _insert(connection: Connection, table: Table, rows: list[Row]) -> None:
    bulk.insert(connection, table, rows)
