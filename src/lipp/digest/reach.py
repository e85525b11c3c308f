"""Whether learning reached teams: a port the learning context fills; a digest without it says so."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True)
class ThemeReach:
    """For one theme's learning in a period: teams it was sent to, teams that acknowledged it, and teams whose
    reported change in practice was verified."""

    teams_targeted: int
    acknowledged: int
    practice_change_verified: int


class LearningReach(Protocol):
    """Answers, per theme, how far the learning of a period reached teams.

    To keep digests reproducible, the answer must depend only on the events recorded up to `position`."""

    def reach(self, theme_ids: Sequence[str], start: date, end: date, position: int) -> Mapping[str, ThemeReach]:
        """The reach of each theme in `theme_ids` it has figures for; a theme left out shows as none."""
        ...
