"""A regular expression for the ISO dates (YYYY-MM-DD) between two dates, both included.

JSON Schema has no minimum or maximum for `format: date`, so the API's schema states the business-date bounds as
a `pattern` built from the configured dates: the years wholly inside as one alternative (with 29 February for
their leap years), the boundary years month by month. Written in the part of regex syntax that Python `re` and
ECMA-262 read alike."""

from __future__ import annotations

import calendar
from datetime import date

_MONTH_DAYS = r"(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
"""Every month and day of a year but 29 February."""


def number_range(low: int, high: int, width: int) -> str:
    """A regex for the numbers from `low` to `high` (low <= high), written with `width` digits, zero-padded."""
    low_text, high_text = f"{low:0{width}d}", f"{high:0{width}d}"
    if width == 0 or low_text == high_text:
        return low_text
    first_low, first_high = int(low_text[0]), int(high_text[0])
    rest = width - 1
    if first_low == first_high:
        return low_text[0] + number_range(int(low_text[1:]), int(high_text[1:]), rest)
    top, bottom = 10**rest - 1, 0
    if rest == 0:
        return f"[{first_low}-{first_high}]"
    parts: list[str] = []
    low_rest, high_rest = int(low_text[1:]), int(high_text[1:])
    if low_rest == bottom:
        first_low -= 1  # the whole of the first digit's span: joined to the middle below
    else:
        parts.append(low_text[0] + number_range(low_rest, top, rest))
    if high_rest == top:
        first_high += 1
    if first_high - first_low > 1:
        digits = f"[{first_low + 1}-{first_high - 1}]" if first_high - first_low > 2 else str(first_low + 1)
        parts.append(digits + f"[0-9]{{{rest}}}")
    if high_rest != top:
        parts.append(high_text[0] + number_range(bottom, high_rest, rest))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _within_year(year: int, start: date, end: date) -> list[str]:
    """The dates of `year` from `start` to `end` (both in that year), month by month."""
    alternatives = []
    for month in range(start.month, end.month + 1):
        first = start.day if month == start.month else 1
        last = end.day if month == end.month else calendar.monthrange(year, month)[1]
        alternatives.append(f"{year:04d}-{month:02d}-{number_range(first, last, 2)}")
    return alternatives


def iso_dates_between(earliest: date, latest: date) -> str:
    """An anchored pattern matching exactly the ISO dates from `earliest` to `latest`; one matching nothing when
    `latest` is before `earliest`."""
    if latest < earliest:
        return "^(?!)$"
    if earliest.year == latest.year:
        alternatives = _within_year(earliest.year, earliest, latest)
    else:
        alternatives = _within_year(earliest.year, earliest, date(earliest.year, 12, 31))
        inner = range(earliest.year + 1, latest.year)
        if inner:
            alternatives.append(f"{number_range(inner.start, inner.stop - 1, 4)}-{_MONTH_DAYS}")
            leap = [f"{year:04d}" for year in inner if calendar.isleap(year)]
            if leap:
                alternatives.append(f"(?:{'|'.join(leap)})-02-29")
        alternatives += _within_year(latest.year, date(latest.year, 1, 1), latest)
    return "^(?:" + "|".join(alternatives) + ")$"
