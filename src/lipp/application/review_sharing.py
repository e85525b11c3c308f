"""The sharing part of the reviews context: findings pass the redaction check and the board's approval before
leaving the board."""

from __future__ import annotations

from lipp.application.finding_views import FindingView, HitView, finding_view, shareable_finding_views
from lipp.application.review_store import ReviewStore
from lipp.application.views import ReviewReceipt
from lipp.commands.findings import (
    ApproveSharing,
    ConfirmFalsePositive,
    ReleaseFindings,
    ShareFinding,
    WithdrawSharingApproval,
)
from lipp.domain.actors import Actor
from lipp.domain.review import access


class SharingReceipt(ReviewReceipt):
    """Where the finding stands after the step: shareable, or the hits still to clear."""

    finding: str
    sharing: str
    outstanding: list[HitView]


class ReviewSharing(ReviewStore):
    def share_finding(self, actor: Actor, command: ShareFinding) -> SharingReceipt:
        """Propose a finding for sharing and check it for identifying details (the appointed lead reviewer, or a
        coordinator of the board checking it again)."""
        receipt = self._advance(
            actor,
            command,
            lambda r, on: r.check_finding_for_sharing(
                actor_id=actor.user_id, now=self.now(), on=on, number=command.finding
            ),
            authorise=access.require_may_act_as_coordinator_or_appointed_reviewer,
        )
        return self._sharing_receipt(actor, receipt, command.finding)

    def confirm_false_positive(self, actor: Actor, command: ConfirmFalsePositive) -> SharingReceipt:
        """Confirm a hit identifies nobody (a coordinator of the board), with the reason."""
        receipt = self._advance(
            actor,
            command,
            lambda r, on: r.confirm_false_positive(
                actor_id=actor.user_id,
                now=self.now(),
                on=on,
                number=command.finding,
                hit_number=command.hit,
                reason=command.reason,
            ),
        )
        return self._sharing_receipt(actor, receipt, command.finding)

    def approve_sharing(self, actor: Actor, command: ApproveSharing) -> SharingReceipt:
        """Approve a cleared finding for sharing beyond the board (a coordinator of the board)."""
        receipt = self._advance(
            actor,
            command,
            lambda r, on: r.approve_sharing(
                actor_id=actor.user_id, now=self.now(), on=on, number=command.finding, early_reason=command.early_reason
            ),
        )
        return self._sharing_receipt(actor, receipt, command.finding)

    def withdraw_sharing_approval(self, actor: Actor, command: WithdrawSharingApproval) -> SharingReceipt:
        """Withdraw the approval to share a finding (a coordinator of the board), with the reason."""
        receipt = self._advance(
            actor,
            command,
            lambda r, on: r.withdraw_sharing_approval(
                actor_id=actor.user_id, now=self.now(), on=on, number=command.finding, reason=command.reason
            ),
        )
        return self._sharing_receipt(actor, receipt, command.finding)

    def release_findings(self, actor: Actor, command: ReleaseFindings) -> ReviewReceipt:
        """Release findings withheld during criminal proceedings to national views (a coordinator of the board)."""
        return self._advance(
            actor,
            command,
            lambda r, on: r.release_findings(actor_id=actor.user_id, now=self.now(), on=on, reason=command.reason),
        )

    def shareable_findings(self, actor: Actor, reference: str) -> list[FindingView]:
        """The findings approved to travel beyond the board and not withheld: what a digest or a briefing may draw
        on."""
        return shareable_finding_views(self._visible(actor, reference, None))

    def _sharing_receipt(self, actor: Actor, receipt: ReviewReceipt, number: int) -> SharingReceipt:
        review = self._visible(actor, receipt.reference, None)
        view = finding_view(review, review.finding(number))
        outstanding = [hit for hit in view.hits if not hit.false_positive_reason]
        return SharingReceipt(**receipt.model_dump(), finding=view.key, sharing=view.sharing, outstanding=outstanding)
