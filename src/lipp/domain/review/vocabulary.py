"""The vocabulary of a review: incident kinds, decisions, review kinds, methods, stages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from lipp.domain.errors import InvalidInput


class IncidentKind(StrEnum):
    """What happened to the child (abuse or neglect known or suspected)."""

    DEATH = "death"
    SERIOUS_HARM = "serious_harm"


class Decision(StrEnum):
    """The rapid review's decision."""

    LOCAL_REVIEW = "local_review"
    """Commission a local review (an LCSPR; before 2019 an SCR)."""
    OTHER_LEARNING = "other_learning"
    """Learn by another route (single-agency review, audit, learning event)."""
    NO_FURTHER_REVIEW = "no_further_review"


class ReviewKind(StrEnum):
    SCR = "scr"
    """Serious Case Review (LSCB era, 2006 to 2019)."""
    LCSPR = "lcspr"
    """Local Child Safeguarding Practice Review (from 2019)."""


class Methodology(StrEnum):
    LEARNING_TOGETHER = "learning_together"
    SILP = "silp"
    TRADITIONAL = "traditional"
    HYBRID = "hybrid"
    OTHER = "other"


class ParallelProcess(StrEnum):
    """Processes that can pause a review."""

    CRIMINAL_TRIAL = "criminal_trial"
    INQUEST = "inquest"
    DISCIPLINARY = "disciplinary"
    OTHER = "other"


class DelayRecipient(StrEnum):
    """Who is told why a review or its publication is delayed (statutory guidance: the national Panel and the
    Secretary of State)."""

    PANEL = "panel"
    SECRETARY_OF_STATE = "secretary_of_state"

    @property
    def label(self) -> str:
        return {"panel": "the national Panel", "secretary_of_state": "the Secretary of State"}[self.value]


class AgencySector(StrEnum):
    CHILDRENS_SOCIAL_CARE = "childrens_social_care"
    POLICE = "police"
    HEALTH = "health"
    EDUCATION = "education"
    EARLY_HELP = "early_help"
    PROBATION = "probation"
    HOUSING = "housing"
    OTHER = "other"


class Stage(StrEnum):
    """Where a review stands. The order of members is the order of the process."""

    NOTIFIED = "notified"
    DECIDED = "decided"
    COMMISSIONED = "commissioned"
    REVIEWER_APPOINTED = "reviewer_appointed"
    IN_CONDUCT = "in_conduct"
    REPORT_DRAFTED = "report_drafted"
    SIGNED_OFF = "signed_off"
    SENT_TO_PANEL = "sent_to_panel"
    PUBLICATION_DEFERRED = "publication_deferred"
    PUBLISHED = "published"
    NOT_PUBLISHED = "not_published"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True)
class Agency:
    """An agency involved: its sector and, where the board names it, the organisation."""

    sector: AgencySector
    name: str = ""

    @classmethod
    def parse(cls, text: str) -> Agency:
        """Read `sector` or `sector:Organisation name`."""
        sector_text, _, name = text.partition(":")
        try:
            sector = AgencySector(sector_text.strip().lower().replace("-", "_").replace(" ", "_"))
        except ValueError:
            known = ", ".join(s.value for s in AgencySector)
            raise InvalidInput(f"unknown agency sector '{sector_text}' (one of: {known})") from None
        return cls(sector=sector, name=name.strip())

    def as_dict(self) -> dict[str, str]:
        return {"sector": self.sector.value, "name": self.name}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> Agency:
        return cls(sector=AgencySector(data["sector"]), name=data.get("name", ""))

    def __str__(self) -> str:
        label = self.sector.value.replace("_", " ")
        return f"{label}: {self.name}" if self.name else label


CASE_REFERENCE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _\-/.]{0,31}$")
LONG_DIGIT_RUN = re.compile(r"\d{6,}")


def check_case_reference(text: str) -> str:
    """A board-local pseudonymous reference: short, and no long digit runs (NHS numbers, dates of birth)."""
    value = text.strip()
    if not CASE_REFERENCE_PATTERN.match(value):
        raise InvalidInput(
            "a case reference is 1 to 32 letters, digits, spaces or - _ / . (a pseudonym such as 'Child K')"
        )
    if LONG_DIGIT_RUN.search(value):
        raise InvalidInput(
            "a case reference must not hold six or more digits in a row: it could be an NHS number or a date"
        )
    return value
