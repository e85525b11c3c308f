"""What quality-marker queries return: each marker's current rating, and whether each gate is open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from lipp.application.views import View
from lipp.domain.reference.markers import MarkerSet
from lipp.domain.review.aggregate import Review
from lipp.domain.review.assessment import GateGap


class MarkerGuideView(View):
    """A marker's wording: the statement and the "how might you know" questions to ask when assessing."""

    number: int
    group: str
    group_title: str
    title: str
    statement: str
    questions: list[str]
    paraphrased_from_title: bool
    version: int


class MarkerRatingView(View):
    number: int
    group: str
    title: str
    rating: str | None
    evidence: str
    mitigation: str
    assessor: str | None
    on: date | None
    times_assessed: int


class GateView(View):
    """A gate (sign-off or publication): open, or exactly what is missing."""

    step: str
    open: bool
    missing: list[str]


class QualityMarkersView(View):
    reference: str
    stage: str
    markers_version: int
    markers: list[MarkerRatingView]
    gates: list[GateView]


def marker_guides(markers: MarkerSet) -> list[MarkerGuideView]:
    return [
        MarkerGuideView(
            number=m.number,
            group=m.group.value,
            group_title=markers.group_titles[m.group],
            title=m.title,
            statement=m.statement,
            questions=list(m.questions),
            paraphrased_from_title=m.paraphrased_from_title,
            version=markers.version,
        )
        for m in markers.markers
    ]


def _gate(step: str, gaps: list[GateGap]) -> GateView:
    return GateView(step=step, open=not gaps, missing=[str(gap) for gap in gaps])


def quality_markers_view(review: Review, markers: MarkerSet, username_of: Callable[[UUID], str]) -> QualityMarkersView:
    rows = []
    for marker in markers.markers:
        assessment = review.assessments.get(marker.number)
        rows.append(
            MarkerRatingView(
                number=marker.number,
                group=marker.group.value,
                title=marker.title,
                rating=assessment.rating.value if assessment else None,
                evidence=assessment.evidence if assessment else "",
                mitigation=assessment.mitigation if assessment else "",
                assessor=username_of(assessment.assessor_id) if assessment else None,
                on=assessment.on if assessment else None,
                times_assessed=assessment.times_assessed if assessment else 0,
            )
        )
    return QualityMarkersView(
        reference=review.reference,
        stage=review.stage.value,
        markers_version=markers.version,
        markers=rows,
        gates=[
            _gate("sign-off", review.sign_off_gaps(markers)),
            _gate("publication", review.publication_gaps(markers)),
        ],
    )
