"""Where a finding stands on its way to being shared beyond the board: proposed and checked, with hits, cleared
and awaiting the board's approval, or approved by a coordinator."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class SharingStatus(StrEnum):
    NOT_CHECKED = "not_checked"
    """Never checked, or revised since the last check: not shareable."""
    HITS_OUTSTANDING = "hits_outstanding"
    """The check found possible identifying details that are neither edited out nor confirmed false."""
    AWAITING_APPROVAL = "awaiting_approval"
    """Proposed and cleared by the check (every hit, if any, confirmed false): a coordinator has yet to approve it."""
    SHAREABLE = "shareable"
    """Cleared, and approved for sharing by a coordinator of the board: it may travel beyond the board."""


@dataclass(frozen=True)
class RecordedHit:
    """Where the checker found a possible identifying detail: the field, the kind, the characters' span.

    The matched text itself is not recorded: it may be personal data, and the span locates it.
    """

    number: int
    field: str
    kind: str
    start: int
    end: int
    false_positive_reason: str = ""

    @property
    def cleared(self) -> bool:
        return bool(self.false_positive_reason)

    def as_dict(self) -> dict[str, object]:
        return {"number": self.number, "field": self.field, "kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class SharingState:
    """`checked`: proposed for sharing and checked since the last revision. `approved`: a coordinator approved it
    (with `early_reason` when that was before sign-off); a revision, a withdrawal or a withdrawn approval undo it."""

    checked: bool = False
    hits: tuple[RecordedHit, ...] = ()
    approved: bool = False
    early_reason: str = ""

    @property
    def outstanding(self) -> tuple[RecordedHit, ...]:
        return tuple(hit for hit in self.hits if not hit.cleared)

    @property
    def cleared(self) -> bool:
        """Checked since the last revision, with every hit (if any) confirmed false."""
        return self.checked and not self.outstanding

    @property
    def status(self) -> SharingStatus:
        if not self.checked:
            return SharingStatus.NOT_CHECKED
        if self.outstanding:
            return SharingStatus.HITS_OUTSTANDING
        return SharingStatus.SHAREABLE if self.approved else SharingStatus.AWAITING_APPROVAL

    def with_false_positive(self, number: int, reason: str) -> SharingState:
        hits = tuple(replace(h, false_positive_reason=reason) if h.number == number else h for h in self.hits)
        return replace(self, hits=hits)
