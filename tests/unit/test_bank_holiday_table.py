"""The table of England's bank holidays is the `holidays` package's calendar, year by year, and years beyond it
are still asked of the package."""

from __future__ import annotations

from datetime import date

import holidays
import pytest

from lipp.domain import bank_holidays_england
from lipp.domain.calendar import _bank_holidays

YEARS = range(bank_holidays_england.FIRST_YEAR, bank_holidays_england.LAST_YEAR + 1)


def _package(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


@pytest.mark.parametrize("year", YEARS)
def test_each_year_of_the_table_is_the_packages_calendar(year: int) -> None:
    assert _bank_holidays(year) == _package(year)


@pytest.mark.parametrize("year", [bank_holidays_england.FIRST_YEAR - 1, bank_holidays_england.LAST_YEAR + 1, 2099])
def test_a_year_beyond_the_table_is_asked_of_the_package(year: int) -> None:
    assert _bank_holidays(year) == _package(year)
    assert len(_bank_holidays(year)) >= 8


def test_the_table_covers_every_year_lipp_accepts_by_default() -> None:
    """Business dates run from 2000 to ten years ahead (lipp.domain.business_dates): all inside the table."""
    assert bank_holidays_england.FIRST_YEAR <= 2000 and date.today().year + 10 <= bank_holidays_england.LAST_YEAR
