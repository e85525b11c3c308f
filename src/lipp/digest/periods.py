"""Digest periods: calendar quarters by default, and the equal periods before one to compare against."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from lipp.domain.business_dates import check_period
from lipp.domain.errors import InvalidInput

COMPARED_PERIODS = 4
"""How many periods of the same length before the digest's period it is compared with."""


class PeriodEndsBeforeItStarts(InvalidInput):
    """A digest period runs from its first day to its last."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodEndsBeforeItStarts(f"a period cannot end ({self.end}) before it starts ({self.start})")

    @property
    def label(self) -> str:
        months = _whole_months(self)
        if months == 3 and self.start.month % 3 == 1:
            return f"{self.start.year} Q{(self.start.month - 1) // 3 + 1}"
        if months == 12 and self.start.month == 1:
            return str(self.start.year)
        return f"{self.start.isoformat()} to {self.end.isoformat()}"

    def previous(self, count: int = COMPARED_PERIODS) -> tuple[Period, ...]:
        """The `count` periods of the same length just before this one, oldest first. Whole calendar months
        step back by months (a quarter's previous periods are quarters); other periods step back by days."""
        months = _whole_months(self)
        found = []
        for back in range(count, 0, -1):
            if months:
                start = _add_months(self.start, -months * back)
                found.append(Period(start, _add_months(start, months) - timedelta(days=1)))
            else:
                length = (self.end - self.start).days + 1
                found.append(
                    Period(self.start - timedelta(days=length * back), self.end - timedelta(days=length * back))
                )
        return tuple(found)


def last_complete_quarter(today: date) -> Period:
    """The calendar quarter before the one `today` falls in."""
    this_quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    start = _add_months(this_quarter, -3)
    return Period(start, this_quarter - timedelta(days=1))


def period_of(start: date | None, end: date | None, today: date) -> Period:
    """The period a user asked for; the last complete quarter when neither end is given."""
    if start is None and end is None:
        return last_complete_quarter(today)
    if start is None or end is None:
        raise InvalidInput("give both ends of the period (--from and --to), or neither for the last complete quarter")
    check_period(start, end)
    return Period(start, end)


def _whole_months(period: Period) -> int:
    """How many calendar months the period spans exactly; 0 if it does not start and end on month boundaries."""
    if period.start.day != 1 or (period.end + timedelta(days=1)).day != 1:
        return 0
    after = period.end + timedelta(days=1)
    return (after.year - period.start.year) * 12 + after.month - period.start.month


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
