"""Chasing a missed deadline, step by step, over England's bank holidays (dates worked out by hand)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lipp.domain.learning.chasing import ChaseStep, due_on, next_chase
from lipp.domain.learning.states import Stage
from lipp.domain.learning.timescales import LearningTimescales

DEFAULTS = LearningTimescales()
EASTER_THURSDAY = date(2026, 4, 2)  # Good Friday 3 April and Easter Monday 6 April 2026 are bank holidays


def test_the_acknowledgement_deadline_skips_the_easter_bank_holidays() -> None:
    # Working days after Thursday 2 April: 7, 8, 9, 10, 13 April.
    assert due_on(Stage.ACKNOWLEDGE, EASTER_THURSDAY, DEFAULTS) == date(2026, 4, 13)


def test_the_ladder_climbs_one_step_a_grace_period_in_order() -> None:
    # Due 13 April; steps after it every 5 working days: 20 April, 27 April, and 5 May (4 May is a bank holiday).
    expected = [
        (date(2026, 4, 14), ChaseStep.REMIND_TEAM),
        (date(2026, 4, 21), ChaseStep.ESCALATE_TO_MANAGER),
        (date(2026, 4, 28), ChaseStep.ESCALATE_TO_BOARD),
        (date(2026, 5, 6), ChaseStep.LAPSE),
    ]
    taken: list[tuple[date, ChaseStep]] = []
    day = EASTER_THURSDAY
    while day <= date(2026, 6, 30):
        chase = next_chase(Stage.ACKNOWLEDGE, EASTER_THURSDAY, len(taken), day, DEFAULTS)
        if chase is not None:
            assert chase.due_on == date(2026, 4, 13)
            taken.append((day, chase.step))
        day += timedelta(days=1)
    assert taken == expected


def test_nothing_is_due_on_the_deadline_itself_or_after_the_ladder_ends() -> None:
    assert next_chase(Stage.ACKNOWLEDGE, EASTER_THURSDAY, 0, date(2026, 4, 13), DEFAULTS) is None
    assert next_chase(Stage.ACKNOWLEDGE, EASTER_THURSDAY, 4, date(2027, 1, 1), DEFAULTS) is None


def test_a_run_that_missed_days_takes_only_the_next_step() -> None:
    chase = next_chase(Stage.ACKNOWLEDGE, EASTER_THURSDAY, 0, date(2026, 6, 1), DEFAULTS)
    assert chase is not None and chase.step is ChaseStep.REMIND_TEAM


def test_verification_is_chased_once_at_the_board_and_never_lapses() -> None:
    reported = date(2026, 5, 1)
    due = due_on(Stage.VERIFY, reported, DEFAULTS)
    first = next_chase(Stage.VERIFY, reported, 0, due + timedelta(days=1), DEFAULTS)
    assert first is not None and first.step is ChaseStep.ESCALATE_TO_BOARD
    assert next_chase(Stage.VERIFY, reported, 1, date(2027, 1, 1), DEFAULTS) is None


@pytest.mark.parametrize(
    ("stage", "days"),
    [(Stage.ACKNOWLEDGE, 3), (Stage.DISCUSS, 10), (Stage.REPORT_CHANGE, 40), (Stage.VERIFY, 15)],
)
def test_each_stage_reads_its_own_configured_deadline(stage: Stage, days: int) -> None:
    timescales = LearningTimescales(
        acknowledge_working_days=3, discuss_working_days=10, report_change_working_days=40, verify_working_days=15
    )
    monday = date(2026, 6, 1)
    assert due_on(stage, monday, timescales) == monday + timedelta(days=days // 5 * 7 + days % 5)
