"""Field types shared by commands: each one validates and normalises a value users type."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from lipp.domain import business_dates
from lipp.domain.errors import InvalidInput
from lipp.domain.review.vocabulary import AgencySector, check_case_reference
from lipp.domain.text import check_text


def _normalise_choice(value: Any) -> Any:
    """Accept 'Serious harm', 'serious-harm' and 'serious_harm' alike."""
    if isinstance(value, str) and not isinstance(value, StrEnum):
        return value.strip().lower().replace("-", "_").replace(" ", "_")
    return value


def _as_value_error(check: Any) -> Any:
    def validate(value: Any) -> Any:
        try:
            return check(value)
        except InvalidInput as error:
            raise ValueError(str(error)) from None

    return validate


Choice = BeforeValidator(_normalise_choice)


def _case_folded(fold: Any) -> BeforeValidator:
    """Fold the letter case before the pattern is checked (pydantic checks a pattern before `to_upper`)."""
    return BeforeValidator(lambda value: fold(value) if isinstance(value, str) else value)


def _multi_line(value: str) -> str:
    return check_text(value, multi_line=True)


def _one_line(value: str) -> str:
    return check_text(value, multi_line=False)


MULTI_LINE = AfterValidator(_as_value_error(_multi_line))
"""The text rule for text that may run over several lines: no control characters but tab and line break, no
lone surrogates, no bidirectional controls (`lipp.domain.text`). Every str field of a command carries this
rule or ONE_LINE (tests/unit/test_command_text_fields.py walks every command to make sure)."""
ONE_LINE = AfterValidator(_as_value_error(_one_line))
"""The text rule for text that ends up on one line or in a mail header (titles, names, codes, addresses): no
line break and no control character at all."""
TEXT_RULES = (MULTI_LINE, ONE_LINE)

FreeText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000), MULTI_LINE]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), ONE_LINE]
OptionalText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=400), MULTI_LINE]
OptionalLine = Annotated[str, StringConstraints(strip_whitespace=True, max_length=400), ONE_LINE]
"""Optional text on one line: a place, a reference."""
ReviewReference = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Z]{2,6}-\d{4}-\d{3,}$"),
    _case_folded(str.upper),
    ONE_LINE,
    Field(description="A review's short reference: board code, year, sequence (e.g. NVL-2026-004)"),
]
BoardCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Z]{2,6}$"),
    _case_folded(str.upper),
    ONE_LINE,
    Field(description="A board's code: 2 to 6 letters"),
]
TeamCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Z0-9][A-Z0-9-]{1,31}$"),
    _case_folded(str.upper),
    ONE_LINE,
    Field(description="A team's code: 2 to 32 letters, digits or hyphens (e.g. NVL-CSC-EAST)"),
]
RoleEmail = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$"),
    ONE_LINE,
    Field(description="A shared role mailbox, not a person's own address"),
]
Username = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[a-z][a-z0-9._-]{1,39}$"),
    _case_folded(str.lower),
    ONE_LINE,
]
CaseReference = Annotated[
    str,
    ONE_LINE,
    AfterValidator(_as_value_error(check_case_reference)),
    Field(
        description="A board-local pseudonymous reference for the child (never a name, date of birth or NHS number)",
        # Documents check_case_reference for API clients (surrounding spaces are trimmed; six digits in a row
        # are refused); the check itself is the validator above.
        json_schema_extra={"pattern": r"^\s*(?!.*\d{6})[A-Za-z0-9][A-Za-z0-9 _\-/.]{0,31}\s*$"},
    ),
]


def _past(value: date) -> date:
    return business_dates.bounds().past(value)


def _ahead(value: date) -> date:
    return business_dates.bounds().ahead(value)


def _scope(value: date) -> date:
    return business_dates.bounds().scope(value)


PAST_DATE = AfterValidator(_as_value_error(_past))
AHEAD_DATE = AfterValidator(_as_value_error(_ahead))
SCOPE_DATE = AfterValidator(_as_value_error(_scope))
DATE_RULES = (PAST_DATE, AHEAD_DATE, SCOPE_DATE)
"""Every date field of a command carries one of these (tests/unit/test_command_text_fields.py checks)."""

BusinessDate = Annotated[date, PAST_DATE]
"""A day something happened: not before the earliest date lipp accepts (LIPP_DATES__EARLIEST); the aggregate
refuses one after today when the step is taken."""
DateAhead = Annotated[date, AHEAD_DATE]
"""A day that may lie ahead (due, reconsider on): from the earliest date to LIPP_DATES__FUTURE_YEARS ahead."""
ScopeDate = Annotated[date, SCOPE_DATE]
"""A day of a review's scope period: it may reach back over the child's life, and not after today."""
QueryDate = Annotated[date, AHEAD_DATE]
"""A date a query is asked about (as of, from, to): within the dates lipp accepts at all."""


class Command(BaseModel):
    """Base of every command: strict about unknown fields, immutable once validated."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def _agency_from_text(value: Any) -> Any:
    if isinstance(value, str):
        sector, _, name = value.partition(":")
        return {"sector": sector, "name": name.strip()}
    return value


class AgencyInput(BaseModel):
    """An agency involved: its sector and, optionally, the organisation's name."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sector: Annotated[AgencySector, Choice]
    name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120), ONE_LINE] = ""


AgencyText = Annotated[AgencyInput, BeforeValidator(_agency_from_text)]
"""An agency as an object or as 'sector' / 'sector:Organisation name'."""

Agencies = Annotated[
    list[AgencyText],
    Field(min_length=1, description="Agencies involved, as objects or 'sector' / 'sector:Organisation name'"),
]
