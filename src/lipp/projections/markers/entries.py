"""What marker results return: counts only, never which review gave which rating."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MarkerResult:
    """How many reviews rate one marker met, partly met, not met or not applicable (latest rating each)."""

    marker: int
    title: str
    met: int
    partly_met: int
    not_met: int
    not_applicable: int

    @property
    def assessed(self) -> int:
        return self.met + self.partly_met + self.not_met + self.not_applicable
