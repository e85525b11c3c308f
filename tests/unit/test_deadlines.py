"""Due dates and their RAG status, worked out by hand from the calendar (see test_working_days for the holidays)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lipp.domain.reference.markers import marker_set
from lipp.domain.review.aggregate import Review
from lipp.domain.review.assessment import Rating
from lipp.domain.review.deadlines import Deadline, DeadlineStatus, deadlines_of, next_open_deadline
from lipp.domain.review.vocabulary import (
    Agency,
    AgencySector,
    Decision,
    IncidentKind,
    Methodology,
    ParallelProcess,
    ReviewKind,
)
from lipp.domain.timescales import Timescales

DEFAULT = Timescales()
LATER = datetime(2028, 1, 3, 12, 0, tzinfo=UTC)  # every step below is in the past by then
COORDINATOR = uuid4()


def notified(aware_on: date, notified_on: date) -> Review:
    return Review.notify(
        review_id=uuid4(),
        actor_id=COORDINATOR,
        now=LATER,
        board_id=uuid4(),
        reference="NVL-2026-001",
        case_reference="Child K",
        incident_kind=IncidentKind.DEATH,
        looked_after=False,
        agencies=[Agency(AgencySector.POLICE)],
        aware_on=aware_on,
        notified_on=notified_on,
    )


def decided(decided_on: date, decision: Decision = Decision.LOCAL_REVIEW, notified_on: date | None = None) -> Review:
    notified_on = notified_on or date(2026, 3, 2)
    review = notified(date(2026, 2, 26), notified_on)
    review.decide(actor_id=COORDINATOR, now=LATER, on=decided_on, decision=decision, rationale="Learning")
    return review


def in_conduct(decided_on: date, conduct_from: date) -> Review:
    review = decided(decided_on)
    review.commission(
        actor_id=COORDINATOR, now=LATER, on=decided_on, kind=ReviewKind.LCSPR, methodology=Methodology.SILP
    )
    review.appoint_lead_reviewer(actor_id=COORDINATOR, now=LATER, on=decided_on, reviewer_id=uuid4())
    review.agree_terms_of_reference(
        actor_id=COORDINATOR,
        now=LATER,
        on=conduct_from,
        scope_from=date(2025, 1, 1),
        scope_to=date(2026, 2, 26),
        key_lines_of_enquiry=["How was risk shared?"],
        agencies=[Agency(AgencySector.HEALTH)],
    )
    return review


def drafted_and_assessed(review: Review, drafted_on: date, assessed_on: date) -> None:
    """The draft is in and the coordinator has assessed markers 1 to 13, as sign-off needs."""
    review.record_report_drafted(actor_id=COORDINATOR, now=LATER, on=drafted_on)
    for number in range(1, 14):
        review.assess_marker(
            actor_id=COORDINATOR,
            now=LATER,
            on=assessed_on,
            number=number,
            rating=Rating.MET,
            evidence="Seen in the review's records",
            mitigation="",
            markers=marker_set(),
        )


def pause(review: Review, on: date) -> None:
    review.pause(actor_id=COORDINATOR, now=LATER, on=on, process=ParallelProcess.CRIMINAL_TRIAL, reason="Trial")


def resume(review: Review, on: date) -> None:
    review.resume(actor_id=COORDINATOR, now=LATER, on=on)


def deadline(review: Review, name: str, today: date, timescales: Timescales = DEFAULT) -> Deadline:
    found = {d.name: d for d in deadlines_of(review.dates, timescales, today)}
    return found[name]


# Notification: 5 working days after the board became aware.


@pytest.mark.parametrize(
    ("aware_on", "due_on"),
    [
        (date(2026, 2, 26), date(2026, 3, 5)),  # Thu 26 Feb: 27 Feb, 2, 3, 4, 5 March
        (date(2026, 4, 2), date(2026, 4, 13)),  # over Easter 2026: 7, 8, 9, 10, 13 April
        (date(2025, 12, 24), date(2026, 1, 5)),  # over Christmas 2025: 29, 30, 31 Dec, 2, 5 Jan
        (date(2026, 12, 24), date(2027, 1, 5)),  # over Christmas 2026: 29, 30, 31 Dec, 4, 5 Jan
    ],
)
def test_the_notification_is_due_five_working_days_after_the_board_became_aware(aware_on: date, due_on: date) -> None:
    review = notified(aware_on, aware_on)
    assert deadline(review, "notification", today=aware_on).due_on == due_on


def test_a_notification_on_its_due_day_is_met() -> None:
    review = notified(date(2026, 4, 2), date(2026, 4, 13))
    found = deadline(review, "notification", today=date(2026, 4, 13))
    assert (found.done_on, found.status, found.status.rag) == (date(2026, 4, 13), DeadlineStatus.MET, "green")


def test_a_notification_the_day_after_it_was_due_is_met_late() -> None:
    review = notified(date(2026, 4, 2), date(2026, 4, 14))
    found = deadline(review, "notification", today=date(2026, 4, 14))
    assert (found.status, found.status.rag) == (DeadlineStatus.MET_LATE, "red")


# Rapid review: 15 working days after the notification.


@pytest.mark.parametrize(
    ("notified_on", "due_on"),
    [
        (date(2026, 3, 2), date(2026, 3, 23)),  # three plain weeks
        (date(2026, 4, 16), date(2026, 5, 8)),  # over the early May bank holiday (Mon 4 May)
        (date(2026, 3, 26), date(2026, 4, 20)),  # over Easter 2026: Good Friday and Easter Monday skipped
        (date(2026, 12, 14), date(2027, 1, 7)),  # over Christmas 2026 and the observed Boxing Day
    ],
)
def test_the_rapid_review_is_due_fifteen_working_days_after_the_notification(notified_on: date, due_on: date) -> None:
    review = notified(notified_on, notified_on)
    assert deadline(review, "rapid review", today=notified_on).due_on == due_on


# RAG status of the rapid review for a notification on Monday 9 March 2026: due Monday 30 March.


@pytest.mark.parametrize(
    ("today", "status", "rag"),
    [
        (date(2026, 3, 9), DeadlineStatus.ON_TIME, "green"),
        (date(2026, 3, 20), DeadlineStatus.ON_TIME, "green"),  # six working days left
        (date(2026, 3, 22), DeadlineStatus.ON_TIME, "green"),  # a Sunday: still six working days left
        (date(2026, 3, 23), DeadlineStatus.DUE_SOON, "amber"),  # five working days left
        (date(2026, 3, 30), DeadlineStatus.DUE_SOON, "amber"),  # due today
        (date(2026, 3, 31), DeadlineStatus.OVERDUE, "red"),
        (date(2026, 6, 1), DeadlineStatus.OVERDUE, "red"),
    ],
)
def test_an_open_rapid_review_turns_amber_five_working_days_before_it_is_due_and_red_after(
    today: date, status: DeadlineStatus, rag: str
) -> None:
    review = notified(date(2026, 3, 6), date(2026, 3, 9))
    found = deadline(review, "rapid review", today=today)
    assert (found.due_on, found.done_on, found.status, found.status.rag) == (date(2026, 3, 30), None, status, rag)
    assert found.status.is_open


@pytest.mark.parametrize(
    ("decided_on", "status"),
    [
        (date(2026, 3, 12), DeadlineStatus.MET),
        (date(2026, 3, 30), DeadlineStatus.MET),
        (date(2026, 3, 31), DeadlineStatus.MET_LATE),
    ],
)
def test_a_rapid_review_decided_by_its_due_day_is_met_and_after_it_is_met_late(
    decided_on: date, status: DeadlineStatus
) -> None:
    review = decided(decided_on, notified_on=date(2026, 3, 9))
    found = deadline(review, "rapid review", today=date(2026, 6, 1))
    assert (found.done_on, found.status) == (decided_on, status)
    assert not found.status.is_open


# Completion: six calendar months after the decision; a pause does not move it.


def test_completion_is_due_six_calendar_months_after_a_decision_to_hold_a_local_review() -> None:
    review = decided(date(2026, 3, 20))
    assert deadline(review, "completion (sign-off)", today=date(2026, 3, 20)).due_on == date(2026, 9, 20)


def test_completion_six_months_after_the_last_day_of_august_falls_on_the_last_day_of_february() -> None:
    review = decided(date(2026, 8, 31))
    assert deadline(review, "completion (sign-off)", today=date(2026, 8, 31)).due_on == date(2027, 2, 28)


@pytest.mark.parametrize("decision", [Decision.OTHER_LEARNING, Decision.NO_FURTHER_REVIEW])
def test_no_completion_is_due_when_no_local_review_was_decided(decision: Decision) -> None:
    review = decided(date(2026, 3, 20), decision)
    names = [d.name for d in deadlines_of(review.dates, DEFAULT, date(2026, 3, 20))]
    assert names == ["notification", "rapid review"]


def test_a_finished_pause_does_not_move_completion() -> None:
    review = in_conduct(date(2026, 3, 20), date(2026, 4, 10))
    pause(review, date(2026, 5, 1))
    resume(review, date(2026, 5, 31))  # 30 days paused
    assert deadline(review, "completion (sign-off)", today=date(2026, 6, 1)).due_on == date(2026, 9, 20)
    assert review.days_paused(date(2026, 6, 1)) == 30


@given(
    pauses=st.lists(st.tuples(st.integers(1, 40), st.integers(1, 60)), min_size=1, max_size=4),
    running=st.booleans(),
    later=st.integers(0, 400),
)
def test_no_pause_moves_completion_and_a_paused_review_past_its_aim_is_overdue(
    pauses: list[tuple[int, int]], running: bool, later: int
) -> None:
    """Statutory guidance keeps the six-month aim while a review is paused: the delay is shown and explained to
    the Panel, not absorbed into a later due date."""
    review = in_conduct(date(2026, 3, 20), date(2026, 4, 10))
    day, paused = date(2026, 4, 10), 0
    for number, (gap, length) in enumerate(pauses, start=1):
        day += timedelta(days=gap)
        pause(review, day)
        if running and number == len(pauses):
            break
        day += timedelta(days=length)
        resume(review, day)
        paused += length
    today = day + timedelta(days=later)
    found = deadline(review, "completion (sign-off)", today=today)
    assert found.due_on == date(2026, 9, 20)
    assert (found.status is DeadlineStatus.OVERDUE) == (today > date(2026, 9, 20))
    assert review.days_paused(today) == paused + ((today - day).days if running else 0)


def test_completion_is_met_when_the_report_is_signed_off_by_its_due_day_and_late_after() -> None:
    on_time = in_conduct(date(2026, 3, 20), date(2026, 4, 10))
    late = in_conduct(date(2026, 3, 20), date(2026, 4, 10))
    for review, signed_on in ((on_time, date(2026, 9, 18)), (late, date(2026, 9, 21))):
        drafted_and_assessed(review, date(2026, 9, 1), date(2026, 9, 7))
        review.sign_off(actor_id=COORDINATOR, now=LATER, on=signed_on, board_response="Accepted")
    assert deadline(on_time, "completion (sign-off)", today=date(2026, 10, 1)).status is DeadlineStatus.MET
    assert deadline(late, "completion (sign-off)", today=date(2026, 10, 1)).status is DeadlineStatus.MET_LATE


def test_an_overdue_completion_is_red() -> None:
    review = in_conduct(date(2026, 3, 20), date(2026, 4, 10))
    found = deadline(review, "completion (sign-off)", today=date(2026, 9, 21))
    assert (found.status, found.status.rag) == (DeadlineStatus.OVERDUE, "red")


# Publication.


def test_a_deferred_publication_is_due_to_be_reconsidered_on_the_date_given() -> None:
    review = in_conduct(date(2026, 3, 20), date(2026, 4, 10))
    drafted_and_assessed(review, date(2026, 9, 1), date(2026, 9, 7))
    review.sign_off(actor_id=COORDINATOR, now=LATER, on=date(2026, 9, 14), board_response="Accepted")
    review.send_to_panel(actor_id=COORDINATOR, now=LATER, on=date(2026, 9, 15))
    review.defer_publication(
        actor_id=COORDINATOR, now=LATER, on=date(2026, 9, 16), reason="Trial", reconsider_on=date(2026, 12, 1)
    )
    found = deadline(review, "reconsider publication", today=date(2026, 11, 25))
    assert (found.due_on, found.status) == (date(2026, 12, 1), DeadlineStatus.DUE_SOON)
    assert next_open_deadline(deadlines_of(review.dates, DEFAULT, date(2026, 11, 25))) == found


def test_publication_may_follow_the_copy_to_the_panel_after_seven_working_days() -> None:
    review = in_conduct(date(2026, 3, 20), date(2026, 4, 10))
    drafted_and_assessed(review, date(2026, 9, 1), date(2026, 9, 7))
    review.sign_off(actor_id=COORDINATOR, now=LATER, on=date(2026, 9, 14), board_response="Accepted")
    assert review.earliest_publication_on(7) is None
    review.send_to_panel(actor_id=COORDINATOR, now=LATER, on=date(2026, 9, 15))  # a Tuesday
    assert review.earliest_publication_on(7) == date(2026, 9, 24)  # 16, 17, 18, 21, 22, 23, 24
    assert review.earliest_publication_on(3) == date(2026, 9, 18)


# The next deadline.


def test_the_next_deadline_is_the_earliest_open_one() -> None:
    review = notified(date(2026, 3, 6), date(2026, 3, 9))
    upcoming = next_open_deadline(deadlines_of(review.dates, DEFAULT, date(2026, 3, 9)))
    assert upcoming is not None
    assert (upcoming.name, upcoming.due_on) == ("rapid review", date(2026, 3, 30))


def test_a_review_with_every_deadline_met_has_no_next_deadline() -> None:
    review = decided(date(2026, 3, 20), Decision.NO_FURTHER_REVIEW)
    assert next_open_deadline(deadlines_of(review.dates, DEFAULT, date(2026, 3, 20))) is None


# Timescales a board sets.


def test_custom_timescales_set_every_due_date_and_the_amber_window() -> None:
    timescales = Timescales(
        notification_working_days=3, rapid_review_working_days=10, completion_months=9, due_soon_working_days=2
    )
    review = notified(date(2026, 3, 2), date(2026, 3, 5))
    notification = deadline(review, "notification", date(2026, 3, 5), timescales)
    assert (notification.due_on, notification.status) == (date(2026, 3, 5), DeadlineStatus.MET)  # 3, 4, 5 March
    # 10 working days after Thu 5 March: 6, 9, 10, 11, 12, 13, 16, 17, 18, 19.
    assert deadline(review, "rapid review", date(2026, 3, 16), timescales).due_on == date(2026, 3, 19)
    assert deadline(review, "rapid review", date(2026, 3, 16), timescales).status is DeadlineStatus.ON_TIME
    wider_amber = Timescales(notification_working_days=3, rapid_review_working_days=10, due_soon_working_days=5)
    assert deadline(review, "rapid review", date(2026, 3, 16), wider_amber).status is DeadlineStatus.DUE_SOON
    assert deadline(review, "rapid review", date(2026, 3, 17), timescales).status is DeadlineStatus.DUE_SOON
    review.decide(
        actor_id=COORDINATOR, now=LATER, on=date(2026, 3, 19), decision=Decision.LOCAL_REVIEW, rationale="Learning"
    )
    assert deadline(review, "completion (sign-off)", date(2026, 3, 19), timescales).due_on == date(2026, 12, 19)


def test_deadlines_are_listed_in_process_order() -> None:
    review = decided(date(2026, 3, 20))
    names = [d.name for d in deadlines_of(review.dates, DEFAULT, date(2026, 3, 20))]
    assert names == ["notification", "rapid review", "completion (sign-off)"]
