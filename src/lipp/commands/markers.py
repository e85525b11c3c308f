"""Commands on a review's quality-marker assessments."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from lipp.commands.fields import Choice, FreeText, OptionalText
from lipp.commands.reviews import ReviewStep
from lipp.domain.review.assessment import Rating


class AssessQualityMarker(ReviewStep):
    """Rate one quality marker (or revisit its rating) with the evidence; a 'not met' wants a rationale or
    mitigation before sign-off or publication."""

    marker: int = Field(ge=1, le=18, description="The quality marker's number, 1 to 18")
    rating: Annotated[Rating, Choice]
    evidence: FreeText
    mitigation: OptionalText = Field(default="", description="For a 'not met': the rationale or mitigation")


MARKER_COMMANDS = (AssessQualityMarker,)
