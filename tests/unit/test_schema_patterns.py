"""The schema patterns that document two rules the server enforces: the ISO dates between the configured bounds,
and the text rule of command text fields. Each pattern matches exactly what the server accepts, read by Python's
`re` and as ECMA-262 (by the validator schemathesis uses); text is what a UTF-8 body can hold (no lone
surrogate, which the server refuses and a schema's regex cannot name)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from lipp.commands.alliance import EmailAddress
from lipp.commands.fields import BoardCode, CaseReference, FreeText, OptionalLine, OptionalText, ShortText
from lipp.domain.date_pattern import iso_dates_between
from lipp.domain.text import refused_character

DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


def _iso_or_none(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) else None
    except ValueError:
        return None


def _plus(day: date, days: int) -> date:
    """`day` moved by `days`, held within the calendar (date + timedelta overflows at either end)."""
    return date.fromordinal(min(max(day.toordinal() + days, 1), date.max.toordinal()))


@given(earliest=DAYS, span=st.integers(min_value=-3, max_value=40 * 366), day=DAYS)
def test_a_date_matches_iff_it_lies_within_the_bounds(earliest: date, span: int, day: date) -> None:
    latest = _plus(earliest, span)
    near = _plus(earliest, (day.toordinal() % (span + 60)) - 30)
    pattern = re.compile(iso_dates_between(earliest, latest))
    ecma = jsonschema_rs.validator_for({"type": "string", "pattern": pattern.pattern})
    for candidate in (day, near, earliest, latest):
        within = earliest <= candidate <= latest
        assert bool(pattern.search(candidate.isoformat())) == within
        assert ecma.is_valid(candidate.isoformat()) == within


@given(
    earliest=DAYS,
    text=st.from_regex(r"[0-9]{4}-(0[0-9]|1[0-3])-[0-3][0-9]", fullmatch=True) | st.text(alphabet="0123456789-"),
)
def test_only_valid_iso_dates_match(earliest: date, text: str) -> None:
    latest = _plus(earliest, 3 * 366)
    day = _iso_or_none(text)
    matched = bool(re.search(iso_dates_between(earliest, latest), text))
    assert matched == (day is not None and earliest <= day <= latest)


# Characters near every edge of the rule: controls, separators, bidi controls, spaces pydantic strips or not.
EDGES = "".join(map(chr, [*range(0x00, 0x21), *range(0x7E, 0xA1), 0x1680, 0x2000, 0x200A, 0x200B, 0x2027]))
EDGES += "\u2028\u2029\u202a\u202e\u202f\u205f\u2065\u2066\u2069\u206a\u3000\ufeffaZ-/. 0@"
# Lone surrogates are left out: no UTF-8 body can carry one, so the schema's pattern does not name them (the server
# still refuses them: tests/interfaces/test_generated_input.py). A line break last, too: `$` matches before one.
CHARACTERS = st.sampled_from(EDGES) | st.characters(exclude_categories=("Cs",))
TEXTS = st.builds(str.__add__, st.text(alphabet=CHARACTERS, max_size=12), st.sampled_from("\n ")) | st.text(
    alphabet=CHARACTERS, max_size=12
)


@pytest.mark.parametrize("field", [FreeText, ShortText, OptionalText, OptionalLine, CaseReference])
@given(text=TEXTS)
def test_a_text_matches_its_schema_pattern_iff_the_field_accepts_it(field: Any, text: str) -> None:
    adapter = TypeAdapter(field)
    schema = adapter.json_schema()
    pattern = re.compile(schema["pattern"])
    try:
        adapter.validate_python(text)
        accepted = True
    except ValidationError:
        accepted = False
    assert bool(pattern.search(text)) == accepted
    assert jsonschema_rs.validator_for(schema).is_valid(text) == accepted  # as schemathesis reads it (ECMA-262)


@pytest.mark.parametrize("field", [EmailAddress, BoardCode])
@given(text=TEXTS)
def test_a_field_with_its_own_pattern_also_documents_the_text_rule(field: Any, text: str) -> None:
    """Its pattern (the rule as a lookahead, then its own) matches no text the rule refuses."""
    pattern = TypeAdapter(field).json_schema()["pattern"]
    if re.search(pattern, text):
        assert refused_character(text.strip(), multi_line=False) is None
