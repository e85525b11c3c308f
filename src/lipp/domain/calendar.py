"""Working days in England: weekends and England's bank holidays excluded.

Registers compute several due dates for every review they list, so working-day arithmetic looks days up in a
sorted table of working days (built per year, once) instead of stepping a day at a time.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from functools import lru_cache

from lipp.domain import bank_holidays_england

YEARS_AHEAD = 3
"""How many years past a start date the table covers before a lookup needs more."""


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    if bank_holidays_england.FIRST_YEAR <= year <= bank_holidays_england.LAST_YEAR:
        return frozenset(date.fromisoformat(f"{year}-{day}") for day in bank_holidays_england.DAYS[year])
    import holidays  # years outside the table: the package itself (slow to import)

    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_working_day(day: date) -> bool:
    """A weekday that is not a bank holiday in England."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


@lru_cache(maxsize=256)
def _working_days_in(year: int) -> tuple[int, ...]:
    """The ordinals of a year's working days, in order."""
    first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    return tuple(n for n in range(first, last + 1) if is_working_day(date.fromordinal(n)))


class _WorkingDayTable:
    """Ordinals of every working day over a span of years, grown on demand."""

    def __init__(self) -> None:
        self.first_year = self.last_year = 0
        self.ordinals: list[int] = []

    def cover(self, first_year: int, last_year: int) -> list[int]:
        if self.ordinals and self.first_year <= first_year and last_year <= self.last_year:
            return self.ordinals
        self.first_year = min(first_year, self.first_year) if self.ordinals else first_year
        self.last_year = max(last_year, self.last_year)
        self.ordinals = [n for year in range(self.first_year, self.last_year + 1) for n in _working_days_in(year)]
        return self.ordinals


_table = _WorkingDayTable()


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (day 0 is `start` itself, whatever it is)."""
    if days < 0:
        raise ValueError("working days to add must not be negative")
    if days == 0:
        return start
    ordinals = _table.cover(start.year, start.year + YEARS_AHEAD + days // 250)
    return date.fromordinal(ordinals[bisect_right(ordinals, start.toordinal()) + days - 1])


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is earlier."""
    if end < start:
        return -working_days_between(end, start)
    ordinals = _table.cover(start.year, end.year)
    return bisect_right(ordinals, end.toordinal()) - bisect_right(ordinals, start.toordinal())


def add_calendar_months(start: date, months: int) -> date:
    """Same day `months` later, clamped to the month's last day (31 January + 1 month = 28/29 February)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, min(start.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")
