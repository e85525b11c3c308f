"""The quality-marker part of the reviews context: coordinators assess markers; the gates read them."""

from __future__ import annotations

from datetime import date

from lipp.application.marker_views import MarkerGuideView, QualityMarkersView, marker_guides, quality_markers_view
from lipp.application.review_store import ReviewStore
from lipp.application.views import ReviewReceipt
from lipp.commands.markers import AssessQualityMarker
from lipp.domain.actors import Actor
from lipp.domain.review import access


class ReviewMarkers(ReviewStore):
    def assess_marker(self, actor: Actor, command: AssessQualityMarker) -> ReviewReceipt:
        """Rate a quality marker, or revisit its rating (a coordinator of the review's board)."""
        return self._advance(
            actor,
            command,
            lambda r, on: r.assess_marker(
                actor_id=actor.user_id,
                now=self.now(),
                on=on,
                number=command.marker,
                rating=command.rating,
                evidence=command.evidence,
                mitigation=command.mitigation,
                markers=self.reference_data.markers,
            ),
            authorise=access.require_may_assess_markers,
        )

    def quality_markers(self, actor: Actor, reference: str, as_of: date | None = None) -> QualityMarkersView:
        """Every marker's current rating and whether sign-off and publication are open."""
        review = self._visible(actor, reference, as_of)
        return quality_markers_view(review, self.reference_data.markers, self.directory.username_of)

    def marker_guide(self) -> list[MarkerGuideView]:
        """The markers in force: statements and "how might you know" questions."""
        return marker_guides(self.reference_data.markers)
