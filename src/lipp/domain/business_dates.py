"""Which business dates lipp accepts: none before a configured earliest date, none after today, except dates that
are by nature ahead (due, reconsider on), which go no further than a set number of years; and on every aggregate a
step is not dated before the step it follows.

The earliest date (default 1 January 2000, `LIPP_DATES__EARLIEST`) still admits historical Serious Case Reviews:
SCRs ran from 2006 (Local Safeguarding Children Boards) and their forerunners, "Part 8" reviews, through the
years before, so a board loading its back catalogue is not refused. "Today" comes from the injected clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lipp.domain.clock import Clock, SystemClock, today_in_england
from lipp.domain.errors import InvalidInput, RuleBroken

DEFAULT_EARLIEST = date(2000, 1, 1)
DEFAULT_FUTURE_YEARS = 10
CHILDHOOD_YEARS = 18
"""A review's scope may reach back over a child's life before the incident, so it starts up to this many years
before the earliest date."""


class DateOutOfRange(InvalidInput):
    """A date outside what lipp accepts: before the earliest date, after today, or too far ahead (422 / exit 2)."""


class StepDatedBeforePreviousStep(RuleBroken):
    """A step is dated before the step it follows on the same aggregate."""


class StepDatedInTheFuture(RuleBroken):
    """A step that has happened is dated after today."""


@dataclass(frozen=True)
class DateBounds:
    """The earliest date lipp accepts, how many years ahead a due date may be, and the clock that says today."""

    earliest: date = DEFAULT_EARLIEST
    future_years: int = DEFAULT_FUTURE_YEARS
    clock: Clock = field(default_factory=SystemClock)

    def today(self) -> date:
        return today_in_england(self.clock)

    def latest_ahead(self) -> date:
        today = self.today()
        try:
            return today.replace(year=today.year + self.future_years)
        except ValueError:  # 29 February
            return today.replace(year=today.year + self.future_years, day=28)

    def earliest_scope(self) -> date:
        return date(max(1, self.earliest.year - CHILDHOOD_YEARS), 1, 1)

    def past(self, value: date) -> date:
        """A date that has happened, as far as a command can tell: not before the earliest date and not beyond
        the furthest date lipp accepts at all. That it is not after today is the aggregate's rule (named errors
        such as DateInTheFuture), checked when the step is taken: a command may be written before its day."""
        self._not_before(value, self.earliest)
        return self._not_too_far(value)

    def scope(self, value: date) -> date:
        """A date of a review's scope period: up to a childhood before the earliest date."""
        self._not_before(value, self.earliest_scope())
        return self._not_too_far(value)

    def ahead(self, value: date) -> date:
        """A date that may lie ahead (a due date, a date to reconsider): from the earliest date to some years on."""
        self._not_before(value, self.earliest)
        return self._not_too_far(value)

    def _not_too_far(self, value: date) -> date:
        latest = self.latest_ahead()
        if value > latest:
            raise DateOutOfRange(f"{value} is more than {self.future_years} years ahead (the latest is {latest})")
        return value

    def _not_before(self, value: date, earliest: date) -> None:
        if value < earliest:
            raise DateOutOfRange(
                f"{value} is before {earliest}, the earliest date lipp accepts (the setting LIPP_DATES__EARLIEST)"
            )


_bounds = DateBounds()


def configure(bounds: DateBounds) -> None:
    """Set the bounds every command checks its dates against (done once as lipp is built from its settings)."""
    global _bounds
    _bounds = bounds


def bounds() -> DateBounds:
    return _bounds


def require_step_order(on: date, *, today: date, previous_on: date, previous_step: str, step: str) -> None:
    """A step's date is not after today and not before the step it follows (the aggregate's last dated step)."""
    if on > today:
        raise StepDatedInTheFuture(f"cannot {step} on {on}: that is after today ({today})")
    if on < previous_on:
        raise StepDatedBeforePreviousStep(f"cannot {step} on {on}: that is before {previous_step} on {previous_on}")


def check_period(start: date | None, end: date | None, names: tuple[str, str] = ("from", "to")) -> None:
    """Query dates lipp can answer about, and a period that runs forwards; DateOutOfRange otherwise."""
    for day in (start, end):
        if day is not None:
            _bounds.ahead(day)
    if start is not None and end is not None and end < start:
        raise DateOutOfRange(f"the period ends ({names[1]} {end}) before it starts ({names[0]} {start})")
