"""The sharing part of the Review aggregate: the board decides what travels beyond it (ADR 0023).

Proposing a finding for sharing runs the redaction check and records where it found possible identifying
details (never the text matched). The lead reviewer revises the finding (which clears the check: the new text
must be checked again) or a coordinator confirms a hit is a false positive, with a reason. A cleared finding
awaits the board: a coordinator approves it for the partners, only after sign-off unless they record why it
should travel sooner, and may withdraw the approval. A pause for a criminal trial withholds every finding of
the review from national views until a coordinator releases them. Uncleared text never travels.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any
from uuid import UUID

from lipp.domain.errors import NotFound, RuleBroken
from lipp.domain.redaction.checker import CHECKER_VERSION, check_text
from lipp.domain.review.event import ReviewEvent
from lipp.domain.review.finding_steps import FindingSteps
from lipp.domain.review.redaction_state import RecordedHit, SharingState, SharingStatus
from lipp.domain.review.vocabulary import Stage


class FindingNotCheckedForSharing(RuleBroken):
    """A hit can be confirmed false only on a finding checked since its last revision."""


class UnknownRedactionHit(NotFound):
    """The last check of the finding found no hit with that number."""


class HitAlreadyConfirmedFalse(RuleBroken):
    """A hit is confirmed as a false positive once."""


class FindingNotProposedForSharing(RuleBroken):
    """A coordinator approves only a finding proposed for sharing and checked since its last revision."""


class FindingHasHitsOutstanding(RuleBroken):
    """A finding whose check found possible identifying details is approved only once every hit is cleared."""


class FindingAlreadyApprovedForSharing(RuleBroken):
    """An approval stands until withdrawn: a finding is approved (and proposed again) once."""


class SharingBeforeSignOffNeedsAReason(RuleBroken):
    """Before the report is signed off a finding is approved only with a recorded reason for sharing sooner."""


class FindingNotApprovedForSharing(RuleBroken):
    """Only an approval that stands can be withdrawn."""


class FindingsAreNotWithheld(RuleBroken):
    """Findings are released to national views only while a pause for a criminal trial withholds them."""


class SharingSteps(FindingSteps):
    """Proposals and redaction checks of findings, the coordinator's confirmations of false positives, approvals
    for sharing and their withdrawal, and the release of findings withheld during criminal proceedings."""

    class FindingCheckedForSharing(ReviewEvent):
        """Sharing a finding beyond the board was asked for; the redaction check ran and found these hits."""

        finding_number: int
        hits: list[dict[str, Any]]
        checker_version: int

        def apply(self, aggregate: Any) -> None:
            review: SharingSteps = aggregate
            state = SharingState(checked=True, hits=tuple(RecordedHit(**hit) for hit in self.hits))
            review.set_sharing(self.finding_number, state)

        def summary(self) -> str:
            found = f"{len(self.hits)} possible identifying detail(s) to clear" if self.hits else "cleared to share"
            return f"Proposed finding F{self.finding_number} for sharing and checked it: {found}"

    class RedactionFalsePositiveConfirmed(ReviewEvent):
        """A coordinator confirmed that a hit of the redaction check identifies nobody."""

        finding_number: int
        hit_number: int
        reason: str

        def apply(self, aggregate: Any) -> None:
            review: SharingSteps = aggregate
            sharing = review.findings[self.finding_number].sharing
            review.set_sharing(self.finding_number, sharing.with_false_positive(self.hit_number, self.reason))

        def summary(self) -> str:
            return f"Confirmed hit {self.hit_number} of finding F{self.finding_number} as a false positive"

        def why(self) -> str:
            return self.reason

    class FindingSharingApproved(ReviewEvent):
        """A coordinator approved a cleared finding for sharing beyond the board, for the partners; `early_reason`
        says why it travels before the report is signed off (empty when after sign-off)."""

        finding_number: int
        early_reason: str

        def apply(self, aggregate: Any) -> None:
            review: SharingSteps = aggregate
            sharing = review.findings[self.finding_number].sharing
            review.set_sharing(self.finding_number, replace(sharing, approved=True, early_reason=self.early_reason))

        def summary(self) -> str:
            early = " before sign-off" if self.early_reason else ""
            return f"Approved finding F{self.finding_number} for sharing beyond the board{early}"

        def why(self) -> str:
            return self.early_reason

    class FindingSharingApprovalWithdrawn(ReviewEvent):
        """A coordinator withdrew the approval: the finding leaves national views and future digests."""

        finding_number: int
        reason: str

        def apply(self, aggregate: Any) -> None:
            review: SharingSteps = aggregate
            sharing = review.findings[self.finding_number].sharing
            review.set_sharing(self.finding_number, replace(sharing, approved=False, early_reason=""))

        def summary(self) -> str:
            return f"Withdrew the approval to share finding F{self.finding_number}"

        def why(self) -> str:
            return self.reason

    class FindingsReleased(ReviewEvent):
        """A coordinator released the review's findings withheld from national views during criminal proceedings."""

        reason: str

        def apply(self, aggregate: Any) -> None:
            review: SharingSteps = aggregate
            review.findings_withheld = False

        def summary(self) -> str:
            return "Released the review's approved findings to national views"

        def why(self) -> str:
            return self.reason

    findings_withheld: bool
    """Set by a pause for a criminal trial; cleared only by a coordinator's release (`FindingsReleased`)."""

    def check_finding_for_sharing(self, *, actor_id: UUID, now: datetime, on: date, number: int) -> SharingStatus:
        """Propose the finding for sharing: run the redaction check over its free text and record where it found
        anything. An approved finding is not proposed again (its approval would have to be withdrawn first)."""
        finding = self.finding_in_force(number)
        if finding.sharing.approved:
            raise FindingAlreadyApprovedForSharing(
                f"F{number} is already approved for sharing: withdraw the approval before proposing it again"
            )
        self._check_dates(on, now, f"check F{number} for sharing")
        hits = [
            RecordedHit(number=0, field=name, kind=hit.kind.value, start=hit.start, end=hit.end)
            for name, text in finding.content.free_text().items()
            for hit in check_text(text)
        ]
        numbered = [{**hit.as_dict(), "number": n} for n, hit in enumerate(hits, start=1)]
        self._record(
            self.FindingCheckedForSharing,
            actor_id,
            now,
            on,
            finding_number=number,
            hits=numbered,
            checker_version=CHECKER_VERSION,
        )
        return self.findings[number].sharing.status

    def confirm_false_positive(
        self, *, actor_id: UUID, now: datetime, on: date, number: int, hit_number: int, reason: str
    ) -> SharingStatus:
        """Confirm one hit identifies nobody; when none is left, the finding is shareable."""
        sharing = self.finding_in_force(number).sharing
        if not sharing.checked:
            raise FindingNotCheckedForSharing(
                f"F{number} has not been checked since it was last revised: ask to share it first"
            )
        hit = next((h for h in sharing.hits if h.number == hit_number), None)
        if hit is None:
            raise UnknownRedactionHit(f"the last check of F{number} found no hit {hit_number}")
        if hit.cleared:
            raise HitAlreadyConfirmedFalse(f"hit {hit_number} of F{number} was already confirmed as a false positive")
        self._check_dates(on, now, f"confirm a false positive in F{number}")
        self._record(
            self.RedactionFalsePositiveConfirmed,
            actor_id,
            now,
            on,
            finding_number=number,
            hit_number=hit_number,
            reason=reason,
        )
        return self.findings[number].sharing.status

    def approve_sharing(self, *, actor_id: UUID, now: datetime, on: date, number: int, early_reason: str) -> None:
        """Approve a proposed, cleared finding for sharing (a coordinator, for the partners): after sign-off, or
        sooner with the reason recorded."""
        sharing = self.finding_in_force(number).sharing
        if not sharing.checked:
            raise FindingNotProposedForSharing(
                f"F{number} has not been proposed for sharing since it was last revised: the lead reviewer "
                "proposes it first ('lipp finding share')"
            )
        if sharing.outstanding:
            raise FindingHasHitsOutstanding(
                f"F{number} has {len(sharing.outstanding)} possible identifying detail(s) still to clear"
            )
        if sharing.approved:
            raise FindingAlreadyApprovedForSharing(f"F{number} is already approved for sharing")
        early_reason = early_reason.strip()
        if Stage.SIGNED_OFF not in self.step_dates and not early_reason:
            raise SharingBeforeSignOffNeedsAReason(
                f"the report of {self.reference} is not signed off yet: give the reason F{number} should be "
                "shared sooner, or approve it after sign-off"
            )
        self._check_dates(on, now, f"approve F{number} for sharing")
        self._record(self.FindingSharingApproved, actor_id, now, on, finding_number=number, early_reason=early_reason)

    def withdraw_sharing_approval(self, *, actor_id: UUID, now: datetime, on: date, number: int, reason: str) -> None:
        """Withdraw the approval to share a finding: it leaves national views and future digests (issued ones
        keep what they said)."""
        if not self.finding(number).sharing.approved:
            raise FindingNotApprovedForSharing(f"F{number} of {self.reference} is not approved for sharing")
        self._check_dates(on, now, f"withdraw the approval to share F{number}")
        self._record(self.FindingSharingApprovalWithdrawn, actor_id, now, on, finding_number=number, reason=reason)

    def release_findings(self, *, actor_id: UUID, now: datetime, on: date, reason: str) -> None:
        """Release the review's approved findings to national views after a pause for a criminal trial withheld
        them."""
        if not self.findings_withheld:
            raise FindingsAreNotWithheld(f"the findings of {self.reference} are not withheld from national views")
        self._check_dates(on, now, "release the findings")
        self._record(self.FindingsReleased, actor_id, now, on, reason=reason)

    def travels(self, number: int) -> bool:
        """Whether the finding may be seen beyond the board: approved, in force, and not withheld."""
        return self.findings[number].shareable and not self.findings_withheld

    def set_sharing(self, number: int, sharing: SharingState) -> None:
        """Change a finding's sharing state (called by events only)."""
        self.findings[number] = replace(self.findings[number], sharing=sharing)
