"""The redaction check: every possible identifying detail in a text, with its position. No network: the rules
are data files shipped in the package and the recogniser's model is an installed package (ADR 0022)."""

from __future__ import annotations

from collections.abc import Callable

from lipp.domain.redaction.hits import Hit
from lipp.domain.redaction.model import pipeline
from lipp.domain.redaction.names import person_names
from lipp.domain.redaction.nhs import nhs_numbers
from lipp.domain.redaction.patterns import (
    dates_of_birth,
    emails,
    phone_numbers,
    postcodes,
    school_names,
    street_addresses,
)
from lipp.domain.redaction.recogniser import model_names, remembered_people
from lipp.domain.redaction.rule_matches import rule_hits
from lipp.domain.redaction.rules import is_field_term, rule_book
from lipp.domain.redaction.vocabulary import english_words, is_english, unfamiliar_words

CHECKER_VERSION = 2
"""Recorded with each check, so a finding cleared by an older checker can be told apart. Version 2: the rules
file redaction-rules-v1.json and the recogniser (spaCy en_core_web_sm 3.8.0) beside version 1's patterns."""

Detector = Callable[[str], list[Hit]]

# Earlier detectors win when two hits cover the same characters equally: an NHS number over a phone number.
VERSION_1_DETECTORS: tuple[Detector, ...] = (
    emails,
    nhs_numbers,
    dates_of_birth,
    phone_numbers,
    postcodes,
    school_names,
    street_addresses,
    person_names,
)
"""The names list and patterns alone: the check before version 2, kept to measure against."""

DETECTORS: tuple[Detector, ...] = (*VERSION_1_DETECTORS, rule_hits, model_names, unfamiliar_words)


def prepare() -> None:
    """Load the rules, the word index and the recogniser's model now rather than on the first check (a second
    or two): for a server starting, or tests with deadlines."""
    rule_book()
    english_words()
    pipeline()


def forget_remembered_words() -> None:
    """Empty the caches of words and model windows already read (for timing a check of new text)."""
    remembered_people.cache_clear()
    is_english.cache_clear()
    is_field_term.cache_clear()


def check_text(text: str) -> list[Hit]:
    """Possible identifying details in `text`, in order of position, none overlapping another.

    Where hits overlap, the longer wins (a school named after a saint is a school, not a name)."""
    return check_with(DETECTORS, text)


def check_with(detectors: tuple[Detector, ...], text: str) -> list[Hit]:
    """The hits of these detectors in `text`, overlaps resolved as `check_text` says."""
    found = [(hit, priority) for priority, detect in enumerate(detectors) for hit in detect(text)]
    found.sort(key=lambda item: (-(item[0].end - item[0].start), item[1], item[0].start))
    kept: list[Hit] = []
    for hit, _ in found:
        if not any(hit.overlaps(other.start, other.end) for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda hit: hit.start)
