"""The quality-marker part of the Review aggregate: coordinators assess markers, and the gates read them.

A marker can be assessed once its stage of the review is reached (group A after the rapid review decision,
B once conduct begins, C once the report is drafted) and revisited until the review is closed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

from lipp.domain.reference.markers import MarkerGroup, MarkerSet, marker_set
from lipp.domain.review.assessment import (
    GateGap,
    MarkerAssessment,
    PublicationNeedsMarkersAssessed,
    Rating,
    SignOffNeedsMarkersAssessed,
    gaps_for,
)
from lipp.domain.review.event import ReviewEvent, ReviewPart
from lipp.domain.review.rules import DateBeforePreviousStep, StepOutOfOrder
from lipp.domain.review.vocabulary import Stage

ASSESSABLE_FROM = {
    MarkerGroup.SETTING_UP: Stage.DECIDED,
    MarkerGroup.RUNNING: Stage.IN_CONDUCT,
    MarkerGroup.OUTPUTS: Stage.REPORT_DRAFTED,
}
PUBLICATION_MARKERS = (14, 16, 17)


class StepBeforeItsAssessments(DateBeforePreviousStep):
    """Sign-off and publication are dated no earlier than the marker assessments their gates rely on."""


class MarkerNotYetAssessable(StepOutOfOrder):
    """A marker is assessed once the review reaches the stage it is about."""


class MarkerSteps(ReviewPart):
    """Marker assessments, the latest per marker; every event records the marker wording version it used."""

    class QualityMarkerAssessed(ReviewEvent):
        """A coordinator rated a quality marker (first time or revisited), with evidence."""

        marker: int
        rating: str
        evidence: str
        mitigation: str
        markers_version: int

        def apply(self, aggregate: Any) -> None:
            review: MarkerSteps = aggregate
            before = review.assessments.get(self.marker)
            review.assessments[self.marker] = MarkerAssessment(
                marker=self.marker,
                rating=Rating(self.rating),
                evidence=self.evidence,
                mitigation=self.mitigation,
                assessor_id=self.actor_id,
                on=self.on,
                markers_version=self.markers_version,
                times_assessed=before.times_assessed + 1 if before else 1,
            )

        def summary(self) -> str:
            title = marker_set(self.markers_version).marker(self.marker).title
            return f"Assessed quality marker {self.marker} ({title}): {Rating(self.rating).label}"

        def why(self) -> str:
            return self.mitigation

    assessments: dict[int, MarkerAssessment]

    def assess_marker(
        self,
        *,
        actor_id: UUID,
        now: datetime,
        on: date,
        number: int,
        rating: Rating,
        evidence: str,
        mitigation: str,
        markers: MarkerSet,
    ) -> None:
        """Record (or revisit) the rating of one marker."""
        self.require_assessable(number, markers)
        self._check_dates(on, now, f"assess marker {number}")
        self._record(
            self.QualityMarkerAssessed,
            actor_id,
            now,
            on,
            marker=number,
            rating=rating.value,
            evidence=evidence,
            mitigation=mitigation,
            markers_version=markers.version,
        )

    def require_assessable(self, number: int, markers: MarkerSet) -> None:
        """Refuse to assess marker `number` before the review reaches the stage it is about, or once closed."""
        marker = markers.marker(number)
        opens_at = ASSESSABLE_FROM[marker.group]
        if self.stage is Stage.CLOSED:
            raise StepOutOfOrder(f"cannot assess marker {number}: the review is closed")
        if opens_at not in self.step_dates:
            raise MarkerNotYetAssessable(
                f"cannot assess marker {number} ({marker.title}) yet: markers of group {marker.group.value} "
                f"({markers.group_titles[marker.group]}) are assessed once the review is {opens_at.label}"
            )

    def sign_off_gaps(self, markers: MarkerSet) -> list[GateGap]:
        """What sign-off still needs: every marker of groups A and B assessed, each 'not met' explained."""
        numbers = markers.numbers_in(MarkerGroup.SETTING_UP, MarkerGroup.RUNNING)
        return gaps_for(numbers, self.assessments, markers)

    def publication_gaps(self, markers: MarkerSet) -> list[GateGap]:
        """What publication still needs: markers 14, 16 and 17 assessed, each 'not met' explained."""
        return gaps_for(PUBLICATION_MARKERS, self.assessments, markers)

    def _require_sign_off_gate(self, markers: MarkerSet, on: date) -> None:
        gaps = self.sign_off_gaps(markers)
        if gaps:
            raise SignOffNeedsMarkersAssessed("sign off the report", gaps)
        self._require_dated_after_assessments(
            markers.numbers_in(MarkerGroup.SETTING_UP, MarkerGroup.RUNNING), on, "sign off"
        )

    def _require_publication_gate(self, markers: MarkerSet, on: date) -> None:
        gaps = self.publication_gaps(markers)
        if gaps:
            raise PublicationNeedsMarkersAssessed("publish the report", gaps)
        self._require_dated_after_assessments(PUBLICATION_MARKERS, on, "publish")

    def _require_dated_after_assessments(self, numbers: Sequence[int], on: date, step: str) -> None:
        """A gated step cannot be dated before the assessments that opened its gate."""
        latest = max((self.assessments[n] for n in numbers), key=lambda a: a.on)
        if on < latest.on:
            raise StepBeforeItsAssessments(
                f"cannot {step} on {on}: it relies on marker {latest.marker}, assessed on {latest.on}"
            )
