"""Identifying details with a recognisable shape: dates of birth, postcodes, phone numbers, e-mail addresses,
street addresses and school names."""

from __future__ import annotations

import re

from lipp.domain.redaction.hits import DetailKind, Hit

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+\d{{4}}"
    rf"|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
DATE_OF_BIRTH = re.compile(
    rf"(?i:\b(?:d\.?o\.?b\b\.?|date\s+of\s+birth\b|born(?:\s+on)?\b|birthday(?:\s+is)?\b))"
    rf"\s*(?:[:\-–]\s*|is\s+|was\s+)?{DATE}"
)
POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b|\b[a-z]{1,2}\d[a-z\d]?\s\d[a-z]{2}\b")
PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\d])")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")

WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
STREET_SUFFIX = (
    r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Gardens|Gdns|"
    r"Terrace|Grove|Hill|Row|Walk|Square|Mews|Green|Rise|View|Parade)"
)
NUMBERED_STREET = re.compile(
    rf"\b(?:Flat\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+(?:{WORD}\s+){{1,3}}{STREET_SUFFIX}\b"
)
NAMED_STREET = re.compile(
    rf"\b(?:{WORD}\s+){{1,2}}(?:Road|Street|Lane|Avenue|Close|Drive|Crescent|Gardens|Terrace|Grove|Mews)\b"
)
SCHOOL = re.compile(
    rf"\b(?:St\.?\s+|Saint\s+)?(?:{WORD}\s+){{1,4}}"
    r"(?:Primary School|Primary Academy|Infant School|Infants School|Junior School|Secondary School|High School|"
    r"Grammar School|Church of England School|C of E School|Catholic School|Academy|College|School|Nursery)\b"
)
GENERIC_WORDS = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "Each",
        "Every",
        "Any",
        "Her",
        "His",
        "Their",
        "Our",
        "Its",
        "Primary",
        "Secondary",
        "Special",
        "Local",
        "Independent",
        "Free",
        "Virtual",
        "Further",
        "Sixth",
        "Form",
        "Education",
        "Designated",
        "Mainstream",
        "Alternative",
        "Residential",
        "Boarding",
        "Day",
        "Nursery",
        "Infant",
        "Junior",
        "High",
        "Grammar",
        "Community",
        "Voluntary",
        "Faith",
        "Maintained",
        "Children's",
        "Childrens",
        "Multi",
        "Academy",
        "Trust",
        "When",
        "If",
        "In",
        "On",
        "At",
        "For",
        "From",
        "Both",
        "Neither",
        "Where",
        "Before",
        "After",
    ]
)
GENERIC_STREET_WORDS = frozenset(["The", "A", "An", "High", "Main", "This", "That", "Any", "Each", "Every"])


def _hits(kind: DetailKind, pattern: re.Pattern[str], text: str) -> list[Hit]:
    return [Hit(kind, m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def dates_of_birth(text: str) -> list[Hit]:
    return _hits(DetailKind.DATE_OF_BIRTH, DATE_OF_BIRTH, text)


def postcodes(text: str) -> list[Hit]:
    return _hits(DetailKind.POSTCODE, POSTCODE, text)


def phone_numbers(text: str) -> list[Hit]:
    hits = []
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        national = "0" + digits[2:] if digits.startswith("44") else digits
        if national.startswith("0") and len(national) in (10, 11):
            hits.append(Hit(DetailKind.PHONE_NUMBER, match.start(), match.end(), match.group()))
    return hits


def emails(text: str) -> list[Hit]:
    return _hits(DetailKind.EMAIL, EMAIL, text)


def street_addresses(text: str) -> list[Hit]:
    hits = _hits(DetailKind.STREET_ADDRESS, NUMBERED_STREET, text)
    for match in NAMED_STREET.finditer(text):
        hit = _without_leading(match, GENERIC_STREET_WORDS, DetailKind.STREET_ADDRESS, minimum_words=2)
        if hit is not None:
            hits.append(hit)
    return hits


def school_names(text: str) -> list[Hit]:
    hits = []
    for match in SCHOOL.finditer(text):
        hit = _without_leading(match, GENERIC_WORDS, DetailKind.SCHOOL_NAME, minimum_words=2)
        if hit is not None:
            hits.append(hit)
    return hits


def _without_leading(match: re.Match[str], generic: frozenset[str], kind: DetailKind, minimum_words: int) -> Hit | None:
    """The match less its leading generic words ('the', 'Primary'), if a proper name is left before the suffix."""
    words = list(re.finditer(r"\S+", match.group()))
    first = 0
    while first < len(words) - 1 and words[first].group().rstrip(",") in generic:
        first += 1
    kept = words[first:]
    if len(kept) < minimum_words or kept[0].group() in generic:
        return None
    start = match.start() + kept[0].start()
    return Hit(kind, start, match.end(), match.string[start : match.end()])
