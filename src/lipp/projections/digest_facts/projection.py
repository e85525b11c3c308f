"""Keeps digest facts: every event a digest counts appends a row stamped with its notification id."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from eventsourcing.domain import DomainEvent
from sqlalchemy.engine import Connection

from lipp.domain.alliance.action import AllianceAction
from lipp.domain.learning.delivery import Delivery
from lipp.domain.review.aggregate import Review
from lipp.domain.review.vocabulary import ParallelProcess
from lipp.projections import bulk
from lipp.projections.digest_facts import latest
from lipp.projections.digest_facts.tables import (
    digest_action_versions,
    digest_delivery_versions,
    digest_finding_versions,
    digest_marker_facts,
    digest_metadata,
    digest_review_facts,
    digest_reviews,
)
from lipp.projections.projection import Projection, Row

REVIEW_FACTS: dict[type[DomainEvent], str] = {
    Review.Notified: "notified",
    Review.RapidReviewDecided: "decided",
    Review.SignedOff: "signed_off",
    Review.Published: "published",
}
FINDING_EVENTS = (
    Review.FindingLogged,
    Review.FindingRevised,
    Review.FindingWithdrawn,
    Review.FindingCheckedForSharing,
    Review.RedactionFalsePositiveConfirmed,
    Review.FindingSharingApproved,
    Review.FindingSharingApprovalWithdrawn,
)
HOLD_FACTS: dict[type[DomainEvent], str] = {Review.Paused: "withheld", Review.FindingsReleased: "released"}
"""A pause for a criminal trial withholds the review's findings; a coordinator's release lets them travel again."""
ACTION_EVENTS = (
    AllianceAction.Committed,
    AllianceAction.ProgressPosted,
    AllianceAction.Completed,
    AllianceAction.Withdrawn,
)
DELIVERY_EVENTS = (Delivery.Addressed, Delivery.Acknowledged, Delivery.Verified)


class DigestFactsProjection(Projection):
    """Append-only history of what national digests count, so any past digest can be computed again exactly."""

    name: ClassVar[str] = "digest_facts"
    version: ClassVar[int] = 3
    """3: sign-off, approvals for sharing, findings withheld and released (ADR 0023)."""
    metadata = digest_metadata

    @property
    def event_classes(self) -> tuple[type[DomainEvent], ...]:
        return (
            *REVIEW_FACTS,
            *FINDING_EVENTS,
            Review.Paused,
            Review.FindingsReleased,
            Review.QualityMarkerAssessed,
            *ACTION_EVENTS,
            *DELIVERY_EVENTS,
        )

    def apply(self, connection: Connection, events: Sequence[DomainEvent]) -> None:
        raise NotImplementedError("digest facts need each event's position: the runner calls apply_at")

    def apply_at(self, connection: Connection, events: Sequence[DomainEvent], positions: Sequence[int]) -> None:
        created = Review.Notified | AllianceAction.Committed | Delivery.Addressed
        touched = {e.originator_id for e in events if not isinstance(e, created)}
        reviews = latest.reviews(connection, self.own(digest_reviews), touched)
        findings = latest.findings(connection, self.own(digest_finding_versions), touched)
        actions = latest.actions(connection, self.own(digest_action_versions), touched)
        deliveries = latest.deliveries(connection, self.own(digest_delivery_versions), touched)
        new_reviews: list[Row] = []
        out: dict[Any, list[Row]] = {digest_review_facts: [], digest_finding_versions: [], digest_marker_facts: []}
        out[digest_action_versions] = []
        out[digest_delivery_versions] = []
        for event, position in zip(events, positions, strict=True):
            review_id = event.originator_id
            if isinstance(event, Review.Notified):
                code, year, _ = event.reference.rsplit("-", 2)
                reviews[review_id] = {
                    "review_id": review_id,
                    "board_code": code,
                    "year": int(year),
                    "incident_kind": event.incident_kind,
                }
                new_reviews.append(reviews[review_id])
            fact = REVIEW_FACTS.get(type(event)) or _hold(event)
            if fact:
                review = reviews[review_id]
                detail = getattr(event, "decision", "")
                out[digest_review_facts].append(
                    {
                        "review_id": review_id,
                        "fact": fact,
                        "position": position,
                        "on": getattr(event, "on"),  # noqa: B009 (every review fact is a ReviewEvent)
                        "board_code": review["board_code"],
                        "incident_kind": review["incident_kind"],
                        "detail": detail,
                    }
                )
            elif isinstance(event, FINDING_EVENTS):
                key = (review_id, int(getattr(event, "finding_number")))  # noqa: B009
                findings[key] = _finding_after(event, findings.get(key), reviews[review_id], position)
                out[digest_finding_versions].append(findings[key])
            elif isinstance(event, Review.QualityMarkerAssessed):
                out[digest_marker_facts].append(
                    {
                        "review_id": review_id,
                        "marker": event.marker,
                        "position": position,
                        "board_code": reviews[review_id]["board_code"],
                        "rating": event.rating,
                        "assessed_on": event.on,
                    }
                )
            elif isinstance(event, ACTION_EVENTS):
                actions[review_id] = _action_after(event, actions.get(review_id), position)
                out[digest_action_versions].append(actions[review_id])
            elif isinstance(event, DELIVERY_EVENTS):
                deliveries[review_id] = _delivery_after(event, deliveries.get(review_id), position)
                out[digest_delivery_versions].append(deliveries[review_id])
        bulk.insert(connection, self.own(digest_reviews), new_reviews)
        for table, rows in out.items():
            bulk.insert(connection, self.own(table), rows)


def _hold(event: DomainEvent) -> str:
    """'withheld' for a pause for a criminal trial, 'released' for a release; '' for anything else."""
    if isinstance(event, Review.Paused) and event.process != ParallelProcess.CRIMINAL_TRIAL.value:
        return ""
    return HOLD_FACTS.get(type(event), "")


def _finding_after(event: DomainEvent, before: Row | None, review: Row, position: int) -> Row:
    row = dict(before) if before else {}
    row["position"] = position
    if isinstance(event, Review.FindingLogged):
        row.update(
            review_id=event.originator_id,
            number=event.finding_number,
            board_code=review["board_code"],
            year=review["year"],
            logged_on=event.on,
            withdrawn=False,
            approved=False,
        )
    if isinstance(event, Review.FindingLogged | Review.FindingRevised):
        row.update(
            pattern=event.pattern,
            themes=" ".join(event.themes),
            title=event.title,
            issue=event.issue,
            causes=event.causes,
            checked=False,
            hits_outstanding=0,
            approved=False,
        )
    elif isinstance(event, Review.FindingWithdrawn):
        row.update(withdrawn=True, checked=False, hits_outstanding=0, approved=False)
    elif isinstance(event, Review.FindingCheckedForSharing):
        row.update(checked=True, hits_outstanding=len(event.hits))
    elif isinstance(event, Review.RedactionFalsePositiveConfirmed):
        row.update(hits_outstanding=row["hits_outstanding"] - 1)  # each hit is confirmed once
    elif isinstance(event, Review.FindingSharingApproved):
        row["approved"] = True
    elif isinstance(event, Review.FindingSharingApprovalWithdrawn):
        row["approved"] = False
    row["shareable"] = row["checked"] and row["hits_outstanding"] == 0 and not row["withdrawn"]
    return row


def _action_after(event: DomainEvent, before: Row | None, position: int) -> Row:
    if isinstance(event, AllianceAction.Committed):
        return {
            "action_id": event.originator_id,
            "position": position,
            "reference": event.reference,
            "body_code": event.body_code,
            "theme_id": event.theme_id,
            "owner": event.owner,
            "description": event.description,
            "committed_on": event.committed_on,
            "due_on": event.due_on,
            "status": "open",
            "progress_notes": 0,
            "last_note": "",
            "closed_on": None,
            "outcome": "",
        }
    assert before is not None, "an action's later events follow its commitment"
    row = {**before, "position": position}
    if isinstance(event, AllianceAction.ProgressPosted):
        row.update(progress_notes=row["progress_notes"] + 1, last_note=event.note)
    elif isinstance(event, AllianceAction.Completed):
        row.update(status="completed", closed_on=event.on, outcome=event.evidence)
    elif isinstance(event, AllianceAction.Withdrawn):
        row.update(status="withdrawn", closed_on=event.on, outcome=event.reason)
    return row


def _delivery_after(event: DomainEvent, before: Row | None, position: int) -> Row:
    if isinstance(event, Delivery.Addressed):
        return {
            "delivery_id": event.originator_id,
            "position": position,
            "addressed_on": event.on,
            "themes": "|" + "|".join(event.theme_ids) + "|",
            "acknowledged": False,
            "verified": False,
        }
    assert before is not None, "a delivery's later events follow its addressing"
    row = {**before, "position": position}
    row["acknowledged"] = True  # a delivery is verified only after it was acknowledged
    if isinstance(event, Delivery.Verified):
        row["verified"] = True
    return row
