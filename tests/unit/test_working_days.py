"""The working-day clock: weekends and England's bank holidays, worked out by hand from the calendar.

Christmas 2025: Thursday 25 and Friday 26 December, New Year's Day Thursday 1 January 2026.
Christmas 2026: Friday 25 December; Boxing Day falls on Saturday 26, so Monday 28 December is the bank holiday;
New Year's Day Friday 1 January 2027.
Easter 2026: Good Friday 3 April, Easter Monday 6 April. Easter 2027: Good Friday 26 March, Easter Monday 29 March.
Early May 2026: Monday 4 May.
"""

from __future__ import annotations

from datetime import date

import pytest

from lipp.domain.calendar import add_calendar_months, add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 12, 25),  # Christmas Day
        date(2025, 12, 26),  # Boxing Day
        date(2026, 1, 1),  # New Year's Day
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 4),  # Early May bank holiday
        date(2026, 12, 25),  # Christmas Day (Friday)
        date(2026, 12, 28),  # Boxing Day observed on the Monday
        date(2027, 1, 1),  # New Year's Day (Friday)
        date(2027, 3, 26),  # Good Friday
        date(2027, 3, 29),  # Easter Monday
        date(2026, 3, 7),  # a Saturday
        date(2026, 3, 8),  # a Sunday
        date(2026, 12, 26),  # Boxing Day itself, a Saturday
    ],
)
def test_bank_holidays_and_weekends_are_not_working_days(day: date) -> None:
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2025, 12, 24),  # Christmas Eve is an ordinary working day
        date(2025, 12, 29),
        date(2025, 12, 31),
        date(2026, 1, 2),
        date(2026, 4, 2),  # Maundy Thursday
        date(2026, 4, 7),  # the Tuesday after Easter
        date(2026, 12, 29),
        date(2027, 3, 30),
        date(2026, 3, 2),  # an ordinary Monday
    ],
)
def test_ordinary_weekdays_are_working_days(day: date) -> None:
    assert is_working_day(day)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Christmas 2025: Wed 24 Dec, then 25, 26 (holidays), 27, 28 (weekend): next working day Mon 29 Dec.
        (date(2025, 12, 24), 1, date(2025, 12, 29)),
        # 29, 30, 31 Dec, (1 Jan holiday), Fri 2 Jan, Mon 5 Jan.
        (date(2025, 12, 24), 5, date(2026, 1, 5)),
        # Christmas 2026: Thu 24 Dec, then Fri 25, Sat 26, Sun 27, Mon 28 (observed Boxing Day): Tue 29 Dec.
        (date(2026, 12, 24), 1, date(2026, 12, 29)),
        # 29, 30, 31 Dec, (Fri 1 Jan holiday, weekend), Mon 4 Jan, Tue 5 Jan.
        (date(2026, 12, 24), 5, date(2027, 1, 5)),
        # Easter 2026: Thu 2 April, then Good Friday, the weekend and Easter Monday: Tue 7 April.
        (date(2026, 4, 2), 1, date(2026, 4, 7)),
        # 7, 8, 9, 10, 13 April.
        (date(2026, 4, 2), 5, date(2026, 4, 13)),
        # Easter 2027: Thu 25 March, then Good Friday 26, weekend, Easter Monday 29: Tue 30 March.
        (date(2027, 3, 25), 1, date(2027, 3, 30)),
        # Weekends: Friday to Monday.
        (date(2026, 3, 6), 1, date(2026, 3, 9)),
        # Starting on a Saturday, the first working day after is Monday.
        (date(2026, 3, 7), 1, date(2026, 3, 9)),
        # Two full weeks.
        (date(2026, 3, 2), 10, date(2026, 3, 16)),
        # Early May: Thu 30 April, Fri 1 May, (Mon 4 May holiday), Tue 5 May.
        (date(2026, 4, 30), 2, date(2026, 5, 5)),
    ],
)
def test_adding_working_days_skips_weekends_and_bank_holidays(start: date, days: int, expected: date) -> None:
    assert add_working_days(start, days) == expected


def test_adding_no_working_days_is_the_start_itself_even_on_a_holiday() -> None:
    assert add_working_days(date(2026, 12, 25), 0) == date(2026, 12, 25)
    assert add_working_days(date(2026, 3, 7), 0) == date(2026, 3, 7)


def test_adding_negative_working_days_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2026, 3, 2), -1)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2025, 12, 24), date(2026, 1, 5), 5),
        (date(2026, 12, 24), date(2027, 1, 5), 5),
        (date(2026, 4, 2), date(2026, 4, 7), 1),
        (date(2027, 3, 25), date(2027, 3, 30), 1),
        # Friday to the following Friday: Mon to Fri.
        (date(2026, 3, 6), date(2026, 3, 13), 5),
        # A weekend contains no working days.
        (date(2026, 3, 6), date(2026, 3, 8), 0),
        (date(2026, 3, 2), date(2026, 3, 2), 0),
        # Backwards counts negative.
        (date(2026, 1, 5), date(2025, 12, 24), -5),
        (date(2026, 3, 9), date(2026, 3, 6), -1),
    ],
)
def test_working_days_between_counts_the_days_after_the_start_up_to_the_end(
    start: date, end: date, expected: int
) -> None:
    assert working_days_between(start, end) == expected


@pytest.mark.parametrize("days", [0, 1, 5, 15, 23, 60])
def test_working_days_between_undoes_adding_working_days_from_a_working_day(days: int) -> None:
    start = date(2025, 12, 22)
    assert working_days_between(start, add_working_days(start, days)) == days


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2027, 8, 30), 6, date(2028, 2, 29)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 10, 31), 1, date(2026, 11, 30)),
        (date(2026, 3, 31), 6, date(2026, 9, 30)),
        (date(2026, 3, 20), 6, date(2026, 9, 20)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),  # across the new year
        (date(2026, 12, 31), 12, date(2027, 12, 31)),
        (date(2026, 7, 14), 0, date(2026, 7, 14)),
    ],
)
def test_adding_calendar_months_keeps_the_day_or_clamps_to_the_months_end(
    start: date, months: int, expected: date
) -> None:
    assert add_calendar_months(start, months) == expected
