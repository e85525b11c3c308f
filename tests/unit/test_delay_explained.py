"""Telling the Panel why a review is delayed: a step with its date and who was told, allowed while the review is
paused, refused before a local review is decided, after closure, with no one told, or dated before the step it
follows. And the rapid review's working days run from the notification or, where the partnership says so, from
the day the board became aware."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lipp.domain.calendar import add_working_days
from lipp.domain.review.rules import (
    DateBeforeAwareness,
    DateBeforePreviousStep,
    NoLocalReviewWasDecided,
    NoOneToldOfTheDelay,
    StepOutOfOrder,
)
from lipp.domain.review.vocabulary import Decision, DelayRecipient
from lipp.domain.timescales import RapidReviewStart, Timescales
from tests.unit.test_deadlines import COORDINATOR, LATER, deadline, decided, in_conduct, notified, pause

BOTH = (DelayRecipient.PANEL, DelayRecipient.SECRETARY_OF_STATE)


def test_a_delay_is_explained_while_paused_and_the_due_date_stays() -> None:
    review = in_conduct(date(2026, 3, 20), date(2026, 4, 10))
    pause(review, date(2026, 8, 1))
    review.explain_delay(actor_id=COORDINATOR, now=LATER, on=date(2026, 9, 25), reason="Trial", recipients=BOTH)
    assert review.delay_explanations == [(date(2026, 9, 25), BOTH)]
    assert review.is_paused
    assert deadline(review, "completion (sign-off)", today=date(2026, 9, 25)).due_on == date(2026, 9, 20)
    event = review.collect_events()[-1]
    assert event.summary() == "Delay explained to the national Panel and the Secretary of State"


@given(st.sets(st.sampled_from(DelayRecipient), min_size=1))
def test_who_was_told_is_kept_in_one_order(told: set[DelayRecipient]) -> None:
    review = in_conduct(date(2026, 3, 20), date(2026, 4, 10))
    review.explain_delay(
        actor_id=COORDINATOR, now=LATER, on=date(2026, 10, 1), reason="Inquest", recipients=tuple(told)
    )
    assert review.delay_explanations[-1][1] == tuple(r for r in DelayRecipient if r in told)


def test_no_one_told_is_refused() -> None:
    review = in_conduct(date(2026, 3, 20), date(2026, 4, 10))
    with pytest.raises(NoOneToldOfTheDelay):
        review.explain_delay(actor_id=COORDINATOR, now=LATER, on=date(2026, 10, 1), reason="x", recipients=())


@pytest.mark.parametrize("decision", [Decision.OTHER_LEARNING, Decision.NO_FURTHER_REVIEW])
def test_a_review_never_decided_on_has_no_delay_to_explain(decision: Decision) -> None:
    with pytest.raises(StepOutOfOrder):
        notified(date(2026, 2, 26), date(2026, 3, 2)).explain_delay(
            actor_id=COORDINATOR, now=LATER, on=date(2026, 3, 3), reason="x", recipients=BOTH
        )
    with pytest.raises(NoLocalReviewWasDecided):
        decided(date(2026, 3, 20), decision).explain_delay(
            actor_id=COORDINATOR, now=LATER, on=date(2026, 10, 1), reason="x", recipients=BOTH
        )


@given(st.integers(min_value=1, max_value=200))
def test_an_explanation_dated_before_the_step_it_follows_is_refused(days_before: int) -> None:
    review = in_conduct(date(2026, 3, 20), date(2026, 4, 10))
    with pytest.raises((DateBeforePreviousStep, DateBeforeAwareness)):
        review.explain_delay(
            actor_id=COORDINATOR,
            now=LATER,
            on=date(2026, 4, 10) - timedelta(days=days_before),
            reason="x",
            recipients=BOTH,
        )
    assert review.delay_explanations == []


@given(
    aware=st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 1)),
    gap=st.integers(min_value=0, max_value=10),
    days=st.integers(min_value=0, max_value=60),
)
def test_the_rapid_review_runs_from_the_partnerships_chosen_start(aware: date, gap: int, days: int) -> None:
    notified_on = aware + timedelta(days=gap)
    review = notified(aware, notified_on)
    for start, begins in ((RapidReviewStart.NOTIFICATION, notified_on), (RapidReviewStart.AWARENESS, aware)):
        timescales = Timescales(rapid_review_working_days=days, rapid_review_from=start)
        found = deadline(review, "rapid review", today=notified_on, timescales=timescales)
        assert found.due_on == add_working_days(begins, days)
