"""The sharing part of the Review aggregate: a finding's free text passes the redaction check before it may
travel beyond the board.

Asking to share a finding runs the check and records where it found possible identifying details (never the
text matched). With no hits the finding is shareable. Otherwise the lead reviewer revises the finding (which
clears the check: the new text must be checked again) or a coordinator confirms a hit is a false positive,
with a reason. Only when every hit is confirmed false is the finding shareable: uncleared text never is.
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


class FindingNotCheckedForSharing(RuleBroken):
    """A hit can be confirmed false only on a finding checked since its last revision."""


class UnknownRedactionHit(NotFound):
    """The last check of the finding found no hit with that number."""


class HitAlreadyConfirmedFalse(RuleBroken):
    """A hit is confirmed as a false positive once."""


class SharingSteps(FindingSteps):
    """Redaction checks of findings and the coordinator's confirmations of false positives."""

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
            return f"Checked finding F{self.finding_number} for sharing: {found}"

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

    def check_finding_for_sharing(self, *, actor_id: UUID, now: datetime, on: date, number: int) -> SharingStatus:
        """Run the redaction check over the finding's free text and record where it found anything."""
        finding = self.finding_in_force(number)
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

    def set_sharing(self, number: int, sharing: SharingState) -> None:
        """Change a finding's sharing state (called by events only)."""
        self.findings[number] = replace(self.findings[number], sharing=sharing)
