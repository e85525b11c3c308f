"""Finding a lead reviewer for a case: the register's reviewers, judged against the case and their load."""

from __future__ import annotations

from uuid import UUID

from lipp.application.register_views import ReviewerSuggestion, suggestion_view
from lipp.application.review_store import ReviewStore
from lipp.domain.actors import Actor
from lipp.domain.register.suitability import assess_candidate, case_tags, rank
from lipp.domain.review import access
from lipp.domain.review.vocabulary import Stage
from lipp.projections.directory import work_queries as work

OPEN_STAGES = (Stage.REVIEWER_APPOINTED, Stage.IN_CONDUCT, Stage.REPORT_DRAFTED)


class ReviewAppointments(ReviewStore):
    def suitable_reviewers(
        self, actor: Actor, reference: str, include_unsuitable: bool = False
    ) -> list[ReviewerSuggestion]:
        """Reviewers on the register who could lead this review: independent of its agencies, available and
        under capacity; best matched first. With `include_unsuitable`, the others too, with the reasons."""
        review = self._visible(actor, reference, None)
        access.require_may_advance(actor, review)
        wanted = case_tags(
            review.agencies, review.methodology.value if review.methodology else None, review.looked_after
        )
        candidates = self.reviewer_register.candidates(self._open_reviews_by_reviewer(), self._is_active)
        judged = rank(
            [
                assess_candidate(c, review.agencies, wanted)
                for c in candidates
                if review.lead_reviewer_id is None or c.username != self.directory.username_of(review.lead_reviewer_id)
            ]
        )
        return [suggestion_view(s) for s in judged if include_unsuitable or s.suitable]

    def _open_reviews_by_reviewer(self) -> dict[UUID, int]:
        """How many reviews each lead reviewer leads that are appointed and not yet signed off (the register)."""
        stages = tuple(stage.value for stage in OPEN_STAGES)
        return self.lists.read_register(lambda c: work.open_reviews_by_reviewer(c, stages))

    def _is_active(self, username: str) -> bool:
        return self.directory.user(username).active
