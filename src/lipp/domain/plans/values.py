"""What an action of a plan holds besides its own identity: its status, its steps and its impact checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class ActionStatus(StrEnum):
    """Where an action stands."""

    AGREED = "agreed"
    """In the plan, nothing reported yet."""
    IN_PROGRESS = "in_progress"
    """Progress posted, or completion returned by the coordinator."""
    COMPLETION_REPORTED = "completion_reported"
    """The agency says it is done; the board's coordinator has still to verify it."""
    VERIFIED = "verified"
    """The coordinator verified the completion."""
    SUPERSEDED = "superseded"
    """Replaced by another action."""

    @property
    def is_open(self) -> bool:
        """Still to be done: neither verified nor superseded."""
        return self not in (ActionStatus.VERIFIED, ActionStatus.SUPERSEDED)


class ImpactMethod(StrEnum):
    """How the measure was checked after completion."""

    AUDIT = "audit"
    DIP_SAMPLE = "dip_sample"


@dataclass(frozen=True)
class Note:
    """A dated piece of text: progress with its evidence, a reason for a return."""

    on: date
    text: str


@dataclass(frozen=True)
class DueDateMove:
    """A due date moved, with the reason; the date before is kept."""

    on: date
    moved_from: date
    moved_to: date
    reason: str


@dataclass(frozen=True)
class ImpactCheck:
    """An audit or dip sample of the action's measure after completion: numbers before and after, and what they mean."""

    on: date
    method: ImpactMethod
    before: float
    after: float
    narrative: str
    sample_size: int | None = None

    @property
    def improved_by(self) -> float:
        return self.after - self.before
