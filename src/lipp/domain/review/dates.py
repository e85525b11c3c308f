"""The business dates a review's deadlines run from: one small value the aggregate and a read-model row both give."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lipp.domain.review.vocabulary import Decision


@dataclass(frozen=True)
class ReviewDates:
    """Everything the deadline and RAG rules need to know about a review, and nothing else."""

    aware_on: date
    notified_on: date
    decision: Decision | None
    decided_on: date | None
    signed_off_on: date | None
    publication_reconsider_on: date | None
    closed_pause_days: int
    """Calendar days spent in pauses that have ended."""
    paused_since: date | None
    """The start of the pause still running, if any."""

    def days_paused(self, today: date) -> int:
        """Calendar days spent paused, counting a pause still running up to `today`."""
        running = max(0, (today - self.paused_since).days) if self.paused_since is not None else 0
        return self.closed_pause_days + running
