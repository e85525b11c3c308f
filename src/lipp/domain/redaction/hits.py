"""What the redaction check reports: a kind of identifying detail and where it is."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DetailKind(StrEnum):
    """The kinds of identifying detail the check looks for."""

    PERSON_NAME = "person_name"
    DATE_OF_BIRTH = "date_of_birth"
    NHS_NUMBER = "nhs_number"
    POSTCODE = "postcode"
    PHONE_NUMBER = "phone_number"
    EMAIL = "email"
    STREET_ADDRESS = "street_address"
    SCHOOL_NAME = "school_name"
    AGE_ON_DATE = "age_on_date"
    HOSPITAL = "hospital"
    ESTATE = "estate"
    PLACE_NAME = "place_name"
    NICKNAME = "nickname"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True)
class Hit:
    """A possible identifying detail: its kind and its span [start, end) in the text checked."""

    kind: DetailKind
    start: int
    end: int
    text: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end
