"""What a review's state allows next, as the review page lists it."""

from __future__ import annotations

from collections.abc import Iterable

from lipp.application.review_store import ReviewStore
from lipp.application.views import View
from lipp.domain.actors import Actor
from lipp.domain.errors import NotAuthorised
from lipp.domain.review import access
from lipp.domain.review.next_steps import assessable_markers, findings_writable, next_steps


class NextStepView(View):
    """A step after notification: allowed today, or why not (`behind`: the review has gone past it)."""

    step: str
    name: str
    allowed: bool
    why_not: str
    behind: bool


class ReviewNextSteps(ReviewStore):
    def next_steps(self, actor: Actor, reference: str) -> list[NextStepView]:
        """Every step of the process as it stands for the review today, the findings' steps last."""
        review = self._visible(actor, reference, None)
        now = self.now()
        steps = next_steps(
            review,
            now=now,
            markers=self.reference_data.markers,
            panel_copy_working_days=self.timescales.panel_copy_working_days,
        )
        steps.append(findings_writable(review, now))
        return [
            NextStepView(step=s.step, name=s.name, allowed=s.allowed, why_not=s.why_not, behind=s.behind) for s in steps
        ]

    def assessable_markers(self, actor: Actor, reference: str) -> set[int]:
        """The quality markers the review's stage lets be rated today."""
        return assessable_markers(self._visible(actor, reference, None), self.reference_data.markers)

    def rules_kept(self, actor: Actor, reference: str, rules: Iterable[str]) -> set[str]:
        """Which of the named access rules (lipp.domain.review.access, e.g. "require_may_advance") the actor
        keeps for this review: what a page offers them is only what the step would let them do."""
        review = self._visible(actor, reference, None)
        kept = set()
        for rule in rules:
            if not rule.startswith("require_"):
                continue
            try:
                getattr(access, rule)(actor, review)
            except NotAuthorised:
                continue
            kept.add(rule)
        return kept
