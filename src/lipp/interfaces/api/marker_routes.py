"""Quality-marker endpoints: the guide, assessing a marker, and a review's markers and gates."""

# No `from __future__ import annotations`: FastAPI reads the body model class built below at runtime.

from typing import Annotated

from fastapi import APIRouter, Query

from lipp.application.marker_views import MarkerGuideView, QualityMarkersView
from lipp.commands.fields import QueryDate
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.interfaces.catalogue import markers as marker_catalogue
from lipp.interfaces.catalogue.api import add_routes

router = APIRouter(tags=["quality markers"])

AsOf = Annotated[QueryDate | None, Query(description="Show them as they stood at the end of this date")]


add_routes(router, marker_catalogue.ENTRIES)  # assess: declared in the catalogue


@router.get("/reviews/{reference}/markers", operation_id="QualityMarkers")
def markers(reference: str, actor: ActorDep, lipp: LippDep, as_of: AsOf = None) -> QualityMarkersView:
    """A review's 18 markers with their ratings, and whether sign-off and publication are open."""
    return lipp.reviews.quality_markers(actor, reference, as_of)


@router.get("/quality-markers", operation_id="QualityMarkerGuide")
def guide(actor: ActorDep, lipp: LippDep) -> list[MarkerGuideView]:
    """Each marker's statement and its "how might you know" questions."""
    return lipp.reviews.marker_guide()
