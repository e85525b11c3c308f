"""Quality-marker assessments and the gates they open: what sign-off and publication need."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from lipp.domain.errors import RuleBroken
from lipp.domain.reference.markers import MarkerSet


class Rating(StrEnum):
    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True)
class MarkerAssessment:
    """The current rating of one marker, with its evidence, and who assessed it when."""

    marker: int
    rating: Rating
    evidence: str
    mitigation: str
    assessor_id: UUID
    on: date
    markers_version: int
    times_assessed: int = 1

    @property
    def needs_mitigation(self) -> bool:
        """A marker not met holds the gates closed until a rationale or mitigation is recorded."""
        return self.rating is Rating.NOT_MET and not self.mitigation


@dataclass(frozen=True)
class GateGap:
    """One reason a gate stays closed: a marker not assessed, or not met with nothing said about it."""

    marker: int
    title: str
    problem: str

    def __str__(self) -> str:
        return f"marker {self.marker} ({self.title}) {self.problem}"


NOT_ASSESSED = "is not assessed"
NO_MITIGATION = "is rated not met with no rationale or mitigation"


def gaps_for(numbers: Sequence[int], assessments: Mapping[int, MarkerAssessment], markers: MarkerSet) -> list[GateGap]:
    """Exactly what stands between the given markers and an open gate, in marker order."""
    gaps = []
    for number in sorted(numbers):
        assessment = assessments.get(number)
        title = markers.marker(number).title
        if assessment is None:
            gaps.append(GateGap(number, title, NOT_ASSESSED))
        elif assessment.needs_mitigation:
            gaps.append(GateGap(number, title, NO_MITIGATION))
    return gaps


class QualityMarkersStandInTheWay(RuleBroken):
    """A gate needs its quality markers assessed, and each 'not met' explained; the error lists every gap."""

    def __init__(self, step: str, gaps: list[GateGap]) -> None:
        self.gaps = gaps
        listed = "; ".join(str(gap) for gap in gaps)
        super().__init__(f"cannot {step}: {len(gaps)} quality marker(s) stand in the way: {listed}")


class SignOffNeedsMarkersAssessed(QualityMarkersStandInTheWay):
    """Sign-off needs every marker of groups A and B assessed, and each 'not met' explained."""


class PublicationNeedsMarkersAssessed(QualityMarkersStandInTheWay):
    """Publication needs markers 14, 16 and 17 assessed, and each 'not met' explained."""
