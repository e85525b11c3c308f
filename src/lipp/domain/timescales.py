"""Every statutory or expected period of the review process, in one place.

Defaults follow Working Together and the Panel's practice; several are expectations rather than statute,
so each is a setting (see `lipp.config`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RapidReviewStart(StrEnum):
    """What the rapid review's working days run from: partnerships differ (a setting, notification by default)."""

    NOTIFICATION = "notification"
    AWARENESS = "awareness"


@dataclass(frozen=True)
class Timescales:
    """Periods that drive deadlines and RAG status."""

    notification_working_days: int = 5
    """From the day the board became aware to the serious incident notification."""
    rapid_review_working_days: int = 15
    """From the notification (or the day the board became aware: `rapid_review_from`) to the rapid review and its
    decision."""
    rapid_review_from: RapidReviewStart = RapidReviewStart.NOTIFICATION
    """What the rapid review's working days run from: partnerships differ."""
    completion_months: int = 6
    """From the decision to the signed-off report. A pause does not move it: statutory guidance keeps the aim and
    asks the partners to tell the Panel and the Secretary of State why the review is delayed."""
    panel_copy_working_days: int = 7
    """The copy to the national Panel goes at least this many working days before publication."""
    due_soon_working_days: int = 5
    """An open deadline this close is flagged as due soon (amber)."""
