"""Quality-marker endpoints: the guide, assessing a marker, and a review's markers and gates."""

# No `from __future__ import annotations`: FastAPI reads the body model class built below at runtime.

from typing import Annotated

from fastapi import APIRouter, Path, Query

from lipp.application.marker_views import MarkerGuideView, QualityMarkersView
from lipp.application.views import ReviewReceipt
from lipp.commands.fields import QueryDate
from lipp.commands.markers import AssessQualityMarker
from lipp.interfaces.api.bodies import body_model, summary_of
from lipp.interfaces.api.dependencies import ActorDep, LippDep

router = APIRouter(tags=["quality markers"])

AssessmentBody = body_model(AssessQualityMarker, ("reference", "marker"))
AsOf = Annotated[QueryDate | None, Query(description="Show them as they stood at the end of this date")]


@router.post(
    "/reviews/{reference}/markers/{marker}", operation_id="AssessQualityMarker", summary=summary_of(AssessQualityMarker)
)
def assess(
    reference: str,
    marker: Annotated[int, Path(description="The quality marker's number, 1 to 18")],
    body: AssessmentBody,  # type: ignore[valid-type]
    actor: ActorDep,
    lipp: LippDep,
) -> ReviewReceipt:
    """Rate a marker for a review, or revisit its rating (coordinators)."""
    fields = {**body.model_dump(exclude_unset=True), "reference": reference, "marker": marker}  # type: ignore[attr-defined]
    return lipp.reviews.execute(actor, AssessQualityMarker.model_validate(fields))


@router.get("/reviews/{reference}/markers", operation_id="QualityMarkers")
def markers(reference: str, actor: ActorDep, lipp: LippDep, as_of: AsOf = None) -> QualityMarkersView:
    """A review's 18 markers with their ratings, and whether sign-off and publication are open."""
    return lipp.reviews.quality_markers(actor, reference, as_of)


@router.get("/quality-markers", operation_id="QualityMarkerGuide")
def guide(actor: ActorDep, lipp: LippDep) -> list[MarkerGuideView]:
    """Each marker's statement and its "how might you know" questions."""
    return lipp.reviews.marker_guide()
