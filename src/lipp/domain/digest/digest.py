"""An issued national theme digest: what it was computed from, so it can be computed again byte for byte."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from lipp.domain.identifiers import digest_id_for


class Digest(Aggregate):
    """One national theme digest for one period, built from the event history up to one log position."""

    class Issued(Aggregate.Created):
        """A digest was issued: its period, the log position it saw history up to, the reference-data versions it
        named things by, the day it was issued, the version of the computation, and the SHA-256 of its JSON."""

        actor_id: UUID
        method: int
        period_from: date
        period_to: date
        position: int
        themes_version: int
        patterns_version: int
        markers_version: int
        issued_on: date
        content_hash: str
        disclosure_threshold: int = 0
        """The small-number threshold the digest suppressed below (method 3 on); 0 in digests issued before."""
        requested_by: str = ""
        """Who the digest says asked for it (method 3 on); empty in digests issued before."""

        def apply(self, aggregate: Any) -> None:
            digest: Digest = aggregate
            digest.period_from, digest.period_to = self.period_from, self.period_to
            digest.position = self.position
            digest.themes_version = self.themes_version
            digest.patterns_version = self.patterns_version
            digest.markers_version = self.markers_version
            digest.issued_on = self.issued_on
            digest.content_hash = self.content_hash
            digest.issued_by = self.actor_id
            digest.method = self.method
            digest.disclosure_threshold = self.disclosure_threshold
            digest.requested_by = self.requested_by

    period_from: date
    period_to: date
    position: int
    themes_version: int
    patterns_version: int
    markers_version: int
    issued_on: date
    content_hash: str
    issued_by: UUID
    method: int
    disclosure_threshold: int
    requested_by: str

    def __init__(self) -> None:
        """State is set by `Issued.apply`."""

    @classmethod
    def issue(
        cls,
        *,
        actor_id: UUID,
        now: datetime,
        method: int,
        period_from: date,
        period_to: date,
        position: int,
        themes_version: int,
        patterns_version: int,
        markers_version: int,
        issued_on: date,
        content_hash: str,
        disclosure_threshold: int = 0,
        requested_by: str = "",
    ) -> Digest:
        return cls._create(
            cls.Issued,
            id=digest_id_for(period_from.isoformat(), period_to.isoformat(), position),
            timestamp=now,
            actor_id=actor_id,
            method=method,
            period_from=period_from,
            period_to=period_to,
            position=position,
            themes_version=themes_version,
            patterns_version=patterns_version,
            markers_version=markers_version,
            issued_on=issued_on,
            content_hash=content_hash,
            disclosure_threshold=disclosure_threshold,
            requested_by=requested_by,
        )
