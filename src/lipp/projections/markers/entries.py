"""What marker results return: counts only, never which review gave which rating."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MarkerResult:
    """How many reviews rate one marker met, partly met, not met or not applicable (latest rating each).

    For national bodies a count from 1 to 4 reads "fewer than 5", and others "suppressed" where a small one could
    be worked out (lipp.domain.disclosure); admins and the board's own coordinators see every number."""

    marker: int
    title: str
    met: int | str
    partly_met: int | str
    not_met: int | str
    not_applicable: int | str

    @property
    def assessed(self) -> int:
        """The ratings counted, of those shown as numbers (a suppressed count is at least 1)."""
        counts = (self.met, self.partly_met, self.not_met, self.not_applicable)
        return sum(count if isinstance(count, int) else 1 for count in counts)
