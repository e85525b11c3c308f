"""The recommendations part of the reviews context: the report's recommendations and the partnership's responses."""

from __future__ import annotations

from datetime import date

from lipp.application.plan_views import RecommendationReceipt, RecommendationView, recommendation_view
from lipp.application.review_store import ReviewStore
from lipp.application.views import ReviewReceipt
from lipp.commands import plans as p
from lipp.domain.actors import Actor
from lipp.domain.review import access


class ReviewRecommendations(ReviewStore):
    def make_recommendation(self, actor: Actor, command: p.MakeRecommendation) -> RecommendationReceipt:
        """Record a recommendation (the appointed lead reviewer or a coordinator, while the review is conducted)."""
        made: list[int] = []
        receipt = self._advance(
            actor,
            command,
            lambda r, on: made.append(
                r.make_recommendation(
                    actor_id=actor.user_id,
                    now=self.now(),
                    on=on,
                    text=command.text,
                    addressed_to=command.addressed_to,
                    sector=command.sector,
                    organisation=command.organisation,
                    findings=list(command.findings),
                )
            ),
            authorise=access.require_may_act_as_coordinator_or_appointed_reviewer,
        )
        return RecommendationReceipt(**receipt.model_dump(), recommendation=f"R{made[-1]}")

    def answer_recommendation(self, actor: Actor, command: p.AnswerRecommendation) -> ReviewReceipt:
        """Record the partnership's response to a recommendation (a coordinator of the board)."""
        return self._advance(
            actor,
            command,
            lambda r, on: r.answer_recommendation(
                actor_id=actor.user_id,
                now=self.now(),
                on=on,
                number=command.recommendation,
                response=command.response,
                reason=command.reason,
            ),
        )

    def recommendations(self, actor: Actor, reference: str, as_of: date | None = None) -> list[RecommendationView]:
        """The review's recommendations in number order, with the partnership's responses."""
        review = self._visible(actor, reference, as_of)
        return [recommendation_view(r) for _, r in sorted(review.recommendations.items())]
