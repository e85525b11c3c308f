"""The one clock port. Business dates are days in England; recorded times are aware UTC instants."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

ENGLAND = ZoneInfo("Europe/London")


class Clock(Protocol):
    """Tells the current instant; everything else about time derives from it."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class SettableClock:
    """A clock that stands still until moved: for tests and for replaying a seeded history."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("a settable clock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def set(self, instant: datetime) -> None:
        self._now = instant.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self._now += delta


def today_in_england(clock: Clock) -> date:
    """The business date in England at the clock's current instant."""
    return clock.now().astimezone(ENGLAND).date()


def end_of_day_in_england(day: date) -> datetime:
    """The last instant of a business day in England, as an aware UTC datetime."""
    next_midnight = datetime.combine(day + timedelta(days=1), time.min, tzinfo=ENGLAND)
    return (next_midnight - timedelta(microseconds=1)).astimezone(UTC)
