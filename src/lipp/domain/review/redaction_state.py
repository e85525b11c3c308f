"""Where a finding stands on its way to being shared beyond the board: checked, with hits, or cleared."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class SharingStatus(StrEnum):
    NOT_CHECKED = "not_checked"
    """Never checked, or revised since the last check: not shareable."""
    HITS_OUTSTANDING = "hits_outstanding"
    """The check found possible identifying details that are neither edited out nor confirmed false."""
    SHAREABLE = "shareable"
    """Checked, and every hit (if any) confirmed as a false positive by a coordinator."""


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
    checked: bool = False
    hits: tuple[RecordedHit, ...] = ()

    @property
    def outstanding(self) -> tuple[RecordedHit, ...]:
        return tuple(hit for hit in self.hits if not hit.cleared)

    @property
    def status(self) -> SharingStatus:
        if not self.checked:
            return SharingStatus.NOT_CHECKED
        return SharingStatus.HITS_OUTSTANDING if self.outstanding else SharingStatus.SHAREABLE

    def with_false_positive(self, number: int, reason: str) -> SharingState:
        hits = tuple(replace(h, false_positive_reason=reason) if h.number == number else h for h in self.hits)
        return replace(self, hits=hits)
