"""Keeps the findings library from the Review events: findings as the lead reviewer writes them, their review's
stage and appointee, and whether they may travel beyond the board (cleared by the redaction check, approved by a
coordinator, not withheld during criminal proceedings)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from eventsourcing.domain import DomainEvent
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection

from lipp.domain.review.aggregate import Review
from lipp.domain.review.vocabulary import Stage
from lipp.projections.database import index_names
from lipp.projections.findings import text_index
from lipp.projections.findings.batch import FindingsBatch
from lipp.projections.findings.tables import (
    LibraryTables,
    library_finding_themes,
    library_findings,
    library_metadata,
    library_reviews,
)
from lipp.projections.projection import Projection

STAGE_OF: dict[type[DomainEvent], Stage] = {
    Review.RapidReviewDecided: Stage.DECIDED,
    Review.Commissioned: Stage.COMMISSIONED,
    Review.TermsOfReferenceAgreed: Stage.IN_CONDUCT,
    Review.ReportDrafted: Stage.REPORT_DRAFTED,
    Review.SignedOff: Stage.SIGNED_OFF,
    Review.SentToPanel: Stage.SENT_TO_PANEL,
    Review.PublicationDeferred: Stage.PUBLICATION_DEFERRED,
    Review.Published: Stage.PUBLISHED,
    Review.NotPublished: Stage.NOT_PUBLISHED,
    Review.Closed: Stage.CLOSED,
}
FINDING_EVENTS: tuple[type[DomainEvent], ...] = (
    Review.FindingLogged,
    Review.FindingRevised,
    Review.FindingsReRanked,
    Review.FindingWithdrawn,
    Review.FindingCheckedForSharing,
    Review.RedactionFalsePositiveConfirmed,
    Review.FindingSharingApproved,
    Review.FindingSharingApprovalWithdrawn,
    Review.Paused,
    Review.FindingsReleased,
)


class FindingsLibraryProjection(Projection):
    """One row per finding, its themes in a child table, and its text in the dialect's full-text index."""

    name: ClassVar[str] = "findings_library"
    version: ClassVar[int] = 2
    """2: approval for sharing and withholding during criminal proceedings (ADR 0023)."""
    metadata = library_metadata

    @property
    def event_classes(self) -> tuple[type[DomainEvent], ...]:
        return (Review.Notified, Review.LeadReviewerAppointed, *STAGE_OF, *FINDING_EVENTS)

    def __init__(self, schema: MetaData | None = None, tracking_name: str | None = None) -> None:
        super().__init__(schema, tracking_name)
        self.tables = LibraryTables(
            reviews=self.own(library_reviews),
            findings=self.own(library_findings),
            themes=self.own(library_finding_themes),
            text=self.table_name(text_index.FTS_TABLE),
        )

    def table_names(self, connection: Connection) -> list[str]:
        extra = [] if connection.dialect.name == "postgresql" else [self.tables.text]
        return [*super().table_names(connection), *extra]

    def create_tables(self, connection: Connection) -> None:
        super().create_tables(connection)
        taken = set(index_names(connection))
        search_index = self.free_index_name(text_index.SEARCH_INDEX, taken)
        text_index.create(connection, self.tables.findings, self.tables.text, search_index)

    def drop_tables(self, connection: Connection) -> None:
        text_index.drop(connection, self.tables.text)
        super().drop_tables(connection)

    def apply(self, connection: Connection, events: Sequence[DomainEvent]) -> None:
        batch = FindingsBatch(connection, events, self.tables)
        handlers: dict[type[DomainEvent], Callable[[Any], None]] = {
            Review.Notified: batch.notified,
            Review.LeadReviewerAppointed: batch.appointed,
            Review.FindingLogged: batch.logged,
            Review.FindingRevised: batch.revised,
            Review.FindingsReRanked: batch.reranked,
            Review.FindingWithdrawn: batch.withdrawn,
            Review.FindingCheckedForSharing: batch.checked,
            Review.RedactionFalsePositiveConfirmed: batch.confirmed,
            Review.FindingSharingApproved: batch.approved,
            Review.FindingSharingApprovalWithdrawn: batch.approval_withdrawn,
            Review.Paused: batch.paused,
            Review.FindingsReleased: batch.released,
        }
        for event in events:
            stage = STAGE_OF.get(type(event))
            if stage is not None:
                batch.staged(event, stage)
            else:
                handlers[type(event)](event)
        batch.write()
