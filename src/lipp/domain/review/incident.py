"""The key of one notified incident, so the same incident cannot be notified twice."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from lipp.domain.identifiers import case_incident_id_for


class CaseIncident(Aggregate):
    """A (board, case reference, day of awareness) triple, claimed by the review that notified it."""

    class Claimed(Aggregate.Created):
        """The incident was claimed by a review when it was notified."""

        review_id: UUID
        reference: str

        def apply(self, aggregate: Any) -> None:
            aggregate.review_id = self.review_id
            aggregate.reference = self.reference

    review_id: UUID
    reference: str

    def __init__(self) -> None:
        """State is set by `Claimed.apply`."""

    @classmethod
    def claim(
        cls, *, board_id: UUID, case_reference: str, aware_on_iso: str, review_id: UUID, reference: str, now: datetime
    ) -> CaseIncident:
        incident_id = case_incident_id_for(board_id, case_reference, aware_on_iso)
        return cls._create(cls.Claimed, id=incident_id, timestamp=now, review_id=review_id, reference=reference)
