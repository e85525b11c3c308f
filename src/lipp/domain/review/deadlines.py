"""Due dates of a review and their RAG status, computed from business dates and the timescales."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from lipp.domain.calendar import add_calendar_months, add_working_days, working_days_between
from lipp.domain.review.dates import ReviewDates
from lipp.domain.review.vocabulary import Decision
from lipp.domain.timescales import RapidReviewStart, Timescales


class DeadlineStatus(StrEnum):
    """RAG: open deadlines are on time (green), due soon (amber) or overdue (red); closed ones met or late."""

    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MET = "met"
    MET_LATE = "met_late"

    @property
    def rag(self) -> str:
        return {
            DeadlineStatus.ON_TIME: "green",
            DeadlineStatus.DUE_SOON: "amber",
            DeadlineStatus.OVERDUE: "red",
            DeadlineStatus.MET: "green",
            DeadlineStatus.MET_LATE: "red",
        }[self]

    @property
    def is_open(self) -> bool:
        return self in (DeadlineStatus.ON_TIME, DeadlineStatus.DUE_SOON, DeadlineStatus.OVERDUE)


@dataclass(frozen=True)
class Deadline:
    """One due date: what is due, by when, and when (if yet) it was done."""

    name: str
    due_on: date
    done_on: date | None
    status: DeadlineStatus


def status_of(due_on: date, done_on: date | None, today: date, due_soon_working_days: int) -> DeadlineStatus:
    if done_on is not None:
        return DeadlineStatus.MET if done_on <= due_on else DeadlineStatus.MET_LATE
    if today > due_on:
        return DeadlineStatus.OVERDUE
    if working_days_between(today, due_on) <= due_soon_working_days:
        return DeadlineStatus.DUE_SOON
    return DeadlineStatus.ON_TIME


def completion_due_on(review: ReviewDates, timescales: Timescales) -> date | None:
    """Six calendar months (by default) after the decision. A pause does not move it: the delay is shown and
    explained to the Panel (Review.explain_delay), the aim stays."""
    if review.decision is not Decision.LOCAL_REVIEW or review.decided_on is None:
        return None
    return add_calendar_months(review.decided_on, timescales.completion_months)


def rapid_review_due_on(review: ReviewDates, timescales: Timescales) -> date:
    """The rapid review's working days from the notification, or from awareness where the partnership says so."""
    start = review.aware_on if timescales.rapid_review_from is RapidReviewStart.AWARENESS else review.notified_on
    return add_working_days(start, timescales.rapid_review_working_days)


def deadlines_of(review: ReviewDates, timescales: Timescales, today: date) -> list[Deadline]:
    """Every deadline that applies to the review as it stands, in process order."""
    soon = timescales.due_soon_working_days
    due_and_done: list[tuple[str, date, date | None]] = [
        (
            "notification",
            add_working_days(review.aware_on, timescales.notification_working_days),
            review.notified_on,
        ),
        ("rapid review", rapid_review_due_on(review, timescales), review.decided_on),
    ]
    completion = completion_due_on(review, timescales)
    if completion is not None:
        due_and_done.append(("completion (sign-off)", completion, review.signed_off_on))
    if review.publication_reconsider_on is not None:
        due_and_done.append(("reconsider publication", review.publication_reconsider_on, None))
    return [
        Deadline(name=name, due_on=due, done_on=done, status=status_of(due, done, today, soon))
        for name, due, done in due_and_done
    ]


def next_open_deadline(deadlines: list[Deadline]) -> Deadline | None:
    open_ones = [d for d in deadlines if d.status.is_open]
    return min(open_ones, key=lambda d: d.due_on) if open_ones else None
