"""Business dates are bounded by the settings and the injected clock: the earliest date, and some years ahead."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from lipp.commands.reviews import DeferPublication, NotifyIncident
from lipp.config import Settings
from lipp.domain import business_dates
from lipp.domain.clock import SettableClock

CLOCK = SettableClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))


@pytest.fixture(autouse=True)
def bounds_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LIPP_DATES__EARLIEST", "2006-04-01")
    monkeypatch.setenv("LIPP_DATES__FUTURE_YEARS", "5")
    business_dates.configure(Settings().dates.to_domain(CLOCK))
    yield
    business_dates.configure(business_dates.DateBounds())


def notify(aware_on: date) -> NotifyIncident:
    return NotifyIncident.model_validate(
        {
            "board": "NVL",
            "case_reference": "Child K",
            "incident_kind": "serious_harm",
            "looked_after": False,
            "agencies": ["police"],
            "aware_on": aware_on,
        }
    )


@settings(max_examples=300, deadline=None)
@given(st.dates())
def test_a_business_date_is_accepted_only_between_the_earliest_and_the_furthest_ahead(day: date) -> None:
    inside = date(2006, 4, 1) <= day <= date(2031, 3, 2)
    if inside:
        assert notify(day).aware_on == day
        assert DeferPublication(reference="NVL-2026-001", reason="x", reconsider_on=day).reconsider_on == day
    else:
        with pytest.raises(ValidationError, match="aware_on"):
            notify(day)
        with pytest.raises(ValidationError, match="reconsider_on"):
            DeferPublication(reference="NVL-2026-001", reason="x", reconsider_on=day)


def test_the_bounds_follow_the_clock() -> None:
    CLOCK.set(datetime(2030, 3, 2, 10, 0, tzinfo=UTC))
    try:
        assert notify(date(2034, 6, 1)).aware_on == date(2034, 6, 1)  # the aggregate refuses it as not yet come
    finally:
        CLOCK.set(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    with pytest.raises(ValidationError, match="more than 5 years ahead"):
        notify(date(2034, 6, 1))
