"""The findings part of the reviews context: the appointed lead reviewer writes findings; anyone who may
see the review reads them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from lipp.application.finding_views import FindingView, finding_views
from lipp.application.review_store import ReviewStore
from lipp.application.views import ReviewReceipt
from lipp.commands import findings as f
from lipp.commands.fields import AgencyInput
from lipp.domain.actors import Actor
from lipp.domain.review import access
from lipp.domain.review.aggregate import Review
from lipp.domain.review.finding import FindingContent
from lipp.domain.review.vocabulary import Agency


class FindingReceipt(ReviewReceipt):
    """What logging a finding returns: the review's receipt and the new finding's key."""

    finding: str


class ReviewFindings(ReviewStore):
    def log_finding(self, actor: Actor, command: f.LogFinding) -> FindingReceipt:
        """Log a finding (the appointed lead reviewer, while the review is conducted)."""
        logged: list[int] = []  # the step records the number it gives the finding here
        content = FindingContent(
            title=command.title,
            issue=command.issue,
            causes=command.causes,
            pattern=command.pattern,
            themes=tuple(command.themes),
            agencies=_agencies(command.agencies),
            evidence=tuple(command.evidence),
        )
        receipt = self._advance(
            actor,
            command,
            lambda r, on: logged.append(
                r.log_finding(
                    actor_id=actor.user_id, now=self.now(), on=on, content=content, reference_data=self.reference_data
                )
            ),
            authorise=access.require_is_appointed_reviewer,
        )
        return FindingReceipt(**receipt.model_dump(), finding=f"F{logged[-1]}")

    def revise_finding(self, actor: Actor, command: f.ReviseFinding) -> ReviewReceipt:
        """Revise a finding; what the command leaves out stays as it was."""

        def revise(review: Review, on: date) -> None:
            before = review.finding_in_force(command.finding).content
            changes: dict[str, Any] = {
                "title": command.title,
                "issue": command.issue,
                "causes": command.causes,
                "pattern": command.pattern,
                "themes": tuple(command.themes) if command.themes is not None else None,
                "agencies": _agencies(command.agencies) if command.agencies is not None else None,
                "evidence": tuple(command.evidence) if command.evidence is not None else None,
            }
            content = replace(before, **{k: v for k, v in changes.items() if v is not None})
            review.revise_finding(
                actor_id=actor.user_id,
                now=self.now(),
                on=on,
                number=command.finding,
                content=content,
                reason=command.reason,
                reference_data=self.reference_data,
            )

        return self._advance(actor, command, revise, authorise=access.require_is_appointed_reviewer)

    def rerank_findings(self, actor: Actor, command: f.ReRankFindings) -> ReviewReceipt:
        """Put the findings in a new priority order."""
        return self._advance(
            actor,
            command,
            lambda r, on: r.rerank_findings(
                actor_id=actor.user_id, now=self.now(), on=on, order=list(command.order), reason=command.reason
            ),
            authorise=access.require_is_appointed_reviewer,
        )

    def withdraw_finding(self, actor: Actor, command: f.WithdrawFinding) -> ReviewReceipt:
        """Withdraw a finding, with the reason."""
        return self._advance(
            actor,
            command,
            lambda r, on: r.withdraw_finding(
                actor_id=actor.user_id, now=self.now(), on=on, number=command.finding, reason=command.reason
            ),
            authorise=access.require_is_appointed_reviewer,
        )

    def findings(
        self, actor: Actor, reference: str, as_of: date | None = None, include_withdrawn: bool = False
    ) -> list[FindingView]:
        """The review's findings in priority order, now or as they stood at the end of `as_of`."""
        return finding_views(self._visible(actor, reference, as_of), include_withdrawn)


def _agencies(inputs: list[AgencyInput]) -> tuple[Agency, ...]:
    return tuple(Agency(sector=a.sector, name=a.name) for a in inputs)
