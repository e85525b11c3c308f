"""Every statutory or expected period of the review process, in one place.

Defaults follow Working Together and the Panel's practice; several are expectations rather than statute,
so each is a setting (see `lipp.config`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Timescales:
    """Periods that drive deadlines and RAG status."""

    notification_working_days: int = 5
    """From the day the board became aware to the serious incident notification."""
    rapid_review_working_days: int = 15
    """From the notification to the rapid review and its decision."""
    completion_months: int = 6
    """From the decision to the signed-off report, extended by time paused."""
    panel_copy_working_days: int = 7
    """The copy to the national Panel goes at least this many working days before publication."""
    due_soon_working_days: int = 5
    """An open deadline this close is flagged as due soon (amber)."""
