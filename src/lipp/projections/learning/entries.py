"""What delivery queries return: plain frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID


@dataclass(frozen=True)
class DeliveryRow:
    """One delivery as listed: which briefing, which team, where it stands and since when."""

    delivery_id: UUID
    code: str
    briefing: str
    team: str
    board: str
    agency: str
    state: str
    bounced: bool
    addressed_on: date
    acknowledged_on: date | None
    discussed_on: date | None
    changed_on: date | None
    verified_on: date | None
    lapsed_on: date | None
    owed_since: date
    steps_taken: int
    reminders: int
    escalations: int


@dataclass(frozen=True)
class LoopMetrics:
    """Whether learning reached teams and changed practice, for one slice (a board, agency, theme, briefing).

    Reach is the share of targeted teams that acknowledged; times are in working days from release (the day the
    delivery was addressed); the verified share is of teams targeted."""

    slice: str
    teams_targeted: int
    acknowledged: int
    discussed: int
    change_reported: int
    verified: int
    lapsed: int
    bounced: int
    reach: float
    median_days_to_acknowledge: float | None
    median_days_to_change: float | None
    share_verified: float


@dataclass(frozen=True)
class ThemeReach:
    """For the national digest: per theme over a period, how many teams learning was addressed to, how many
    acknowledged, and how many had a change in practice verified."""

    theme_id: str
    teams_targeted: int
    acknowledged: int
    practice_change_verified: int
