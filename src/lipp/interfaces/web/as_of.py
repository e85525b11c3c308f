"""The "as it stood on" date: a GOV.UK date input (day, month, year) read from the query string."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

FIELDS = ("day", "month", "year")


def as_of_from(query: Mapping[str, str], today: date) -> tuple[date | None, dict[str, str], list[dict[str, str]]]:
    """The date asked for (None: now), what was typed (shown back), and errors for the summary."""
    typed = {part: query.get(f"as-of-{part}", "").strip() for part in FIELDS}
    if not any(typed.values()):
        return None, typed, []
    missing = [part for part in FIELDS if not typed[part]]
    if missing:
        return None, typed, [_error(f"The date must include a {' and '.join(missing)}", missing[0])]
    try:
        wanted = date(int(typed["year"]), int(typed["month"]), int(typed["day"]))
    except ValueError:
        return None, typed, [_error("The date must be a real date, like 27 3 2026", "day")]
    if wanted > today:
        return None, typed, [_error("The date must be today or in the past", "day")]
    return wanted, typed, []


def _error(text: str, part: str) -> dict[str, str]:
    return {"text": text, "href": f"#as-of-{part}", "field": "as-of"}
