"""What register queries return: plain frozen values, never rows or aggregates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RegisterEntry:
    """One line of a board's register: where the review stands and its next open deadline with its RAG."""

    reference: str
    case_reference: str
    stage: str
    paused: bool
    paused_since: date | None
    paused_for: str | None
    notified_on: date
    next_deadline: str | None
    next_due_on: date | None
    next_status: str | None
    next_rag: str | None

    @property
    def is_overdue(self) -> bool:
        return self.next_status == "overdue"


@dataclass(frozen=True)
class StageCount:
    """How many of a board's reviews stand at one stage, and how many of those are paused."""

    stage: str
    reviews: int
    paused: int
