"""Keeps the register from the Review events: each handler does to the row what the event does to the review."""

from __future__ import annotations

from typing import ClassVar

from lipp.domain.review.aggregate import Review
from lipp.domain.review.vocabulary import Stage
from lipp.projections.projection import Row
from lipp.projections.register.table import register_metadata, review_register
from lipp.projections.rows import RowPerAggregate, changes_row, starts_row


class ReviewRegisterProjection(RowPerAggregate):
    """One row per review: its stage, pause and the dates its deadlines need."""

    name: ClassVar[str] = "review_register"
    version: ClassVar[int] = 1
    metadata = register_metadata
    table = review_register
    key = "review_id"

    @starts_row(Review.Notified)
    def notified(self, event: Review.Notified) -> Row:
        return {
            "review_id": event.originator_id,
            "reference": event.reference,
            "board_id": event.board_id,
            "case_reference": event.case_reference,
            "incident_kind": event.incident_kind,
            "looked_after": event.looked_after,
            "agencies": len(event.agencies),
            "stage": Stage.NOTIFIED.value,
            "aware_on": event.aware_on,
            "notified_on": event.on,
            "decision": None,
            "decided_on": None,
            "kind": None,
            "methodology": None,
            "lead_reviewer_id": None,
            "signed_off_on": None,
            "publication_reconsider_on": None,
            "paused_since": None,
            "paused_for": None,
            "closed_pause_days": 0,
            "pauses": 0,
            "last_step_on": event.on,
            "version": event.originator_version,
            "recorded_at": event.timestamp,
        }

    @changes_row(Review.RapidReviewDecided)
    def decided(self, row: Row, event: Review.RapidReviewDecided) -> None:
        row.update(decision=event.decision, decided_on=event.on)
        _advance(row, event, Stage.DECIDED)

    @changes_row(Review.Commissioned)
    def commissioned(self, row: Row, event: Review.Commissioned) -> None:
        row.update(kind=event.kind, methodology=event.methodology)
        _advance(row, event, Stage.COMMISSIONED)

    @changes_row(Review.LeadReviewerAppointed)
    def appointed(self, row: Row, event: Review.LeadReviewerAppointed) -> None:
        row["lead_reviewer_id"] = event.reviewer_id
        first = row["stage"] == Stage.COMMISSIONED.value
        _advance(row, event, Stage.REVIEWER_APPOINTED if first else Stage(row["stage"]))

    @changes_row(Review.TermsOfReferenceAgreed)
    def terms_agreed(self, row: Row, event: Review.TermsOfReferenceAgreed) -> None:
        row["agencies"] = len(event.agencies)
        _advance(row, event, Stage.IN_CONDUCT)

    @changes_row(Review.Paused)
    def paused(self, row: Row, event: Review.Paused) -> None:
        row.update(paused_since=event.on, paused_for=event.process, pauses=row["pauses"] + 1)
        _stamp(row, event)

    @changes_row(Review.Resumed)
    def resumed(self, row: Row, event: Review.Resumed) -> None:
        row["closed_pause_days"] += (event.on - row["paused_since"]).days
        row.update(paused_since=None, paused_for=None)
        _stamp(row, event)

    @changes_row(Review.ReportDrafted)
    def drafted(self, row: Row, event: Review.ReportDrafted) -> None:
        _advance(row, event, Stage.REPORT_DRAFTED)

    @changes_row(Review.SignedOff)
    def signed_off(self, row: Row, event: Review.SignedOff) -> None:
        row["signed_off_on"] = event.on
        _advance(row, event, Stage.SIGNED_OFF)

    @changes_row(Review.SentToPanel)
    def sent_to_panel(self, row: Row, event: Review.SentToPanel) -> None:
        _advance(row, event, Stage.SENT_TO_PANEL)

    @changes_row(Review.PublicationDeferred)
    def deferred(self, row: Row, event: Review.PublicationDeferred) -> None:
        row["publication_reconsider_on"] = event.reconsider_on
        _advance(row, event, Stage.PUBLICATION_DEFERRED)

    @changes_row(Review.Published)
    def published(self, row: Row, event: Review.Published) -> None:
        row["publication_reconsider_on"] = None
        _advance(row, event, Stage.PUBLISHED)

    @changes_row(Review.NotPublished)
    def not_published(self, row: Row, event: Review.NotPublished) -> None:
        row["publication_reconsider_on"] = None
        _advance(row, event, Stage.NOT_PUBLISHED)

    @changes_row(Review.Closed)
    def closed(self, row: Row, event: Review.Closed) -> None:
        _advance(row, event, Stage.CLOSED)


def _advance(row: Row, event: Review.Event, stage: Stage) -> None:
    row["stage"] = stage.value
    _stamp(row, event)


def _stamp(row: Row, event: Review.Event) -> None:
    row.update(last_step_on=event.on, version=event.originator_version, recorded_at=event.timestamp)
