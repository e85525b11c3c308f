"""Field types shared by commands: each one validates and normalises a value users type."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from lipp.domain import business_dates
from lipp.domain.errors import InvalidInput
from lipp.domain.review.vocabulary import AgencySector, check_case_reference
from lipp.domain.text import check_text, schema_pattern


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


class _Rule(AfterValidator):
    """A field rule checked by its validator (so a refusal keeps the rule's own message) and documented in the
    field's JSON Schema by `document`."""

    def __init__(self, check: Any, document: Any) -> None:
        super().__init__(_as_value_error(check))
        object.__setattr__(self, "document", document)

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        documented = handler(schema)
        self.document(documented)  # type: ignore[attr-defined]
        return documented


def _text_pattern(multi_line: bool) -> Any:
    def document(schema: dict[str, Any]) -> None:
        if schema.get("type") != "string":
            return
        # A field with a pattern of its own (a code, an address) documents the rule in that pattern (a lookahead
        # joining the two leaves schema-driven generators nothing they can satisfy).
        if "pattern" not in schema:
            schema["pattern"] = schema_pattern(multi_line=multi_line, required=schema.get("minLength", 0) >= 1)

    return document


MULTI_LINE = _Rule(_multi_line, _text_pattern(multi_line=True))
"""The text rule for text that may run over several lines: no control characters but tab and line break, no
lone surrogates, no bidirectional controls (`lipp.domain.text`). Every str field of a command carries this
rule or ONE_LINE (tests/unit/test_command_text_fields.py walks every command to make sure)."""
ONE_LINE = _Rule(_one_line, _text_pattern(multi_line=False))
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
_SPACES = r"\u0020\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
"""The white space str.strip removes that one-line text may hold."""
CaseReference = Annotated[
    str,
    ONE_LINE,
    AfterValidator(_as_value_error(check_case_reference)),
    Field(
        description="A board-local pseudonymous reference for the child (never a name, date of birth or NHS number)",
        # Documents check_case_reference for API clients (surrounding spaces are trimmed, but the white space
        # the text rule refuses, such as tab or line break, is refused first; six digits in a row are refused);
        # `$(?!\n)` ends the text in Python's reading as in ECMA-262's; the checks themselves are the validators.
        json_schema_extra={
            "pattern": rf"^[{_SPACES}]*(?!.*\d{{6}})[A-Za-z0-9][A-Za-z0-9 _\-/.]{{0,31}}[{_SPACES}]*$(?!\n)"
        },
    ),
]


def _past(value: date) -> date:
    return business_dates.bounds().past(value)


def _ahead(value: date) -> date:
    return business_dates.bounds().ahead(value)


def _scope(value: date) -> date:
    return business_dates.bounds().scope(value)


def _date_bounds(kind: str) -> Any:
    def document(schema: dict[str, Any]) -> None:
        # In words here (the command schemas are compared as committed files); the OpenAPI document adds the
        # exact pattern of the bounds the server was built with (`business_dates.DATE_KIND`).
        schema["description"] = business_dates.BOUNDS_IN_WORDS[kind]
        schema[business_dates.DATE_KIND] = kind

    return document


PAST_DATE = _Rule(_past, _date_bounds("past"))
AHEAD_DATE = _Rule(_ahead, _date_bounds("ahead"))
SCOPE_DATE = _Rule(_scope, _date_bounds("scope"))
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
