"""Person names: given names from a lexicon shipped as data, and a title followed by a surname."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lipp.domain.redaction.hits import DetailKind, Hit
from lipp.domain.reference.loading import read_lines

LEXICON_FILE = "given-names-v1.txt"
CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
LOWER_CASE = re.compile(r"(?<![\w'’-])[a-z]{2,}(?![\w-])")
EVERYDAY_WORDS = frozenset(["precious", "blessing", "dale", "heather", "holly", "lee"])
TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\b")
SURNAME_NEXT = re.compile(r"^\s[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?\b")
CUE_BEFORE = re.compile(r"(?:\bcalled|\bnamed|\bknown as|\baka)\s+$", re.IGNORECASE)
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“(]\s*)$")
NOT_SURNAMES = frozenset(
    [
        "School",
        "Primary",
        "Academy",
        "College",
        "Road",
        "Street",
        "Lane",
        "Avenue",
        "Close",
        "Drive",
        "Hospital",
        "Police",
        "Council",
        "Team",
        "Court",
        "Care",
        "Health",
        "Services",
        "Service",
        "Social",
        "Children",
        "Child",
    ]
)


@dataclass(frozen=True)
class GivenNames:
    """The lexicon, in three kinds (see the data file's header)."""

    always: frozenset[str]
    mid_sentence: frozenset[str]
    beside_surname: frozenset[str]


@cache
def given_names() -> GivenNames:
    always, mid, beside = set(), set(), set()
    for entry in read_lines(LEXICON_FILE):
        if entry.endswith("!"):
            beside.add(entry[:-1])
        elif entry.endswith("*"):
            mid.add(entry[:-1])
        else:
            always.add(entry)
    return GivenNames(frozenset(always), frozenset(mid), frozenset(beside))


def _before(text: str, position: int) -> str:
    """The few characters before a position that the cues read (empty only at the start of the text)."""
    return text[max(0, position - 30) : position]


def known_names() -> frozenset[str]:
    """Every given name of the lexicon, whatever its kind."""
    lexicon = given_names()
    return lexicon.always | lexicon.mid_sentence | lexicon.beside_surname


def is_everyday_word_opening_a_sentence(text: str, start: int, end: int) -> bool:
    """A single word that is also an everyday word ('Frank discussion'), where a sentence opens."""
    lexicon = given_names()
    word = text[start:end]
    everyday = word in lexicon.mid_sentence or word in lexicon.beside_surname
    return everyday and SENTENCE_START.search(_before(text, start)) is not None


def person_names(text: str) -> list[Hit]:
    lexicon = given_names()
    hits = [Hit(DetailKind.PERSON_NAME, m.start(), m.end(), m.group()) for m in TITLED.finditer(text)]
    for match in CAPITALISED.finditer(text):
        word = match.group()
        before, after = _before(text, match.start()), text[match.end() : match.end() + 40]
        surname = SURNAME_NEXT.match(after)
        has_surname = surname is not None and surname.group().strip() not in NOT_SURNAMES
        cued = CUE_BEFORE.search(before) is not None
        at_sentence_start = SENTENCE_START.search(before) is not None
        if (
            word in lexicon.always
            or (word in lexicon.mid_sentence and (not at_sentence_start or has_surname or cued))
            or (word in lexicon.beside_surname and (has_surname or cued))
        ):
            end = match.end() + surname.end() if has_surname and surname is not None else match.end()
            hits.append(Hit(DetailKind.PERSON_NAME, match.start(), end, text[match.start() : end]))
    for match in LOWER_CASE.finditer(text):
        word = match.group()
        if word not in EVERYDAY_WORDS and word.capitalize() in lexicon.always:
            hits.append(Hit(DetailKind.PERSON_NAME, match.start(), match.end(), word))
    return hits
