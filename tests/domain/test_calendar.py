"""Working-day arithmetic agrees with counting day by day, across weekends, bank holidays and year ends."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from lipp.domain.calendar import add_working_days, is_working_day, working_days_between

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


def _stepping(start: date, count: int) -> date:
    current = start
    while count:
        current += timedelta(days=1)
        count -= is_working_day(current)
    return current


@settings(deadline=None)
@given(start=days, count=st.integers(0, 400))
def test_adding_working_days_matches_counting_them_one_by_one(start: date, count: int) -> None:
    assert add_working_days(start, count) == _stepping(start, count)


@settings(deadline=None)
@given(start=days, end=days)
def test_working_days_between_counts_the_working_days_after_the_start(start: date, end: date) -> None:
    low, high = sorted((start, end))
    counted = sum(is_working_day(low + timedelta(days=n)) for n in range(1, (high - low).days + 1))
    assert working_days_between(start, end) == (counted if end >= start else -counted)


def test_christmas_and_boxing_day_are_not_working_days() -> None:
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)  # Christmas, Boxing Day (Monday 28th)
    assert working_days_between(date(2026, 12, 24), date(2026, 12, 31)) == 3
