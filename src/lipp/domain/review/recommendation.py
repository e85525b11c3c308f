"""A recommendation of a review's report: numbered, answering findings, addressed to someone who can act on it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from lipp.domain.errors import InvalidInput
from lipp.domain.review.vocabulary import AgencySector

RECOMMENDATION_KEY = re.compile(r"^\s*[Rr]?(\d{1,3})\s*$")


class Addressee(StrEnum):
    """Who a recommendation asks to act."""

    PARTNERSHIP = "partnership"
    """The safeguarding partnership itself (the board)."""
    AGENCY = "agency"
    """One agency (a sector, and optionally the organisation)."""
    NATIONAL_BODY = "national_body"
    """A national body: a government department, a regulator, the national Panel."""


class Response(StrEnum):
    """The partnership's response to a recommendation, recorded before sign-off."""

    ACCEPTED = "accepted"
    ACCEPTED_IN_PART = "accepted_in_part"
    NOT_ACCEPTED = "not_accepted"

    @property
    def leads_to_action(self) -> bool:
        """Accepted, in whole or in part: the plan answers it with actions."""
        return self is not Response.NOT_ACCEPTED


def recommendation_number(key: str | int) -> int:
    """Read 'R2', 'r2' or '2' as recommendation number 2."""
    match = RECOMMENDATION_KEY.match(str(key))
    if not match or int(match[1]) < 1:
        raise InvalidInput(f"a recommendation is named R1, R2 ... (got '{key}')")
    return int(match[1])


@dataclass(frozen=True)
class Recommendation:
    """A recommendation as it stands, with the partnership's response once given."""

    number: int
    text: str
    addressed_to: Addressee
    sector: AgencySector | None
    organisation: str
    findings: tuple[int, ...]
    made_on: date
    response: Response | None = None
    response_reason: str = ""
    answered_on: date | None = None

    @property
    def key(self) -> str:
        return f"R{self.number}"

    @property
    def addressee_text(self) -> str:
        """'the partnership', 'police (Northvale Constabulary)', 'national body: the Department for Education'."""
        if self.addressed_to is Addressee.PARTNERSHIP:
            return "the partnership"
        if self.addressed_to is Addressee.NATIONAL_BODY:
            return f"national body: {self.organisation}"
        sector = self.sector.value.replace("_", " ") if self.sector else "agency"
        return f"{sector} ({self.organisation})" if self.organisation else sector
