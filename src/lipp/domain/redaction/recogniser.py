"""The statistical recogniser beside the rules: the model's PERSON entities, read where the rules and the
word index cannot decide.

A word that is not English is flagged without the model (`vocabulary`), and the field's terms never are. What
is left is a capitalised English word in running text ('noted that Grace was tired', 'Padraig and Sultana')
and a word after a family role ('daughter mei'): the model reads a window of words around each such place,
which keeps a 4,000-character finding under 50 ms of CPU. Only PERSON entities are used: places and
organisations come from the rules, which know the field's terms."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from lipp.domain.redaction.hits import DetailKind, Hit
from lipp.domain.redaction.model import pipeline
from lipp.domain.redaction.names import is_everyday_word_opening_a_sentence
from lipp.domain.redaction.rules import is_field_term, rule_book, rule_words
from lipp.domain.redaction.vocabulary import is_english

TOKEN = re.compile(r"[A-Za-z][\w'’-]*|[^\w\s]")
ACRONYM = re.compile(r"^[A-Z0-9&'’-]{2,8}s?$")
LEADING_WORDS = re.compile(r"^(?:the|a|an|mr|mrs|ms|miss|mx|dr)\b\.?\s*", re.IGNORECASE)
CAPITALISED_RUN = re.compile(r"(?:\s+[A-Z][\w'’-]*)*")
SENTENCE_END = frozenset('.!?:;"“”()')
WINDOW = 4
"""Words either side of a place the model is asked about."""


@cache
def _context_words() -> tuple[frozenset[str], frozenset[str]]:
    roles = frozenset(word.casefold() for word in rule_words("family_role") if " " not in word)
    organisations = frozenset(word.casefold() for word in rule_words("organisation_word"))
    return roles, organisations


def _needs_the_model(tokens: list[re.Match[str]], index: int) -> bool:
    word = tokens[index].group()
    if not word[0].isupper() or ACRONYM.match(word) or index == 0 or tokens[index - 1].group() in SENTENCE_END:
        return False
    _, organisations = _context_words()
    run_end = index
    while run_end + 1 < len(tokens) and tokens[run_end + 1].group()[0].isupper():
        run_end += 1
    if tokens[run_end].group().casefold() in organisations:
        return False
    folded = word.casefold()
    return is_english(word) and folded not in rule_book().stop_words and not is_field_term(word)


def _after_a_role(tokens: list[re.Match[str]], index: int) -> bool:
    """A family role then an English word that may be a name ('daughter mei', not 'father was')."""
    roles, _ = _context_words()
    if index == 0 or tokens[index - 1].group().casefold() not in roles:
        return False
    word = tokens[index].group()
    return word[0].isalpha() and word.casefold() not in rule_book().stop_words and is_english(word)


def _windows(text: str) -> list[tuple[int, int]]:
    """Spans of text around each place the model should read, merged where they touch."""
    tokens = list(TOKEN.finditer(text))
    places = [i for i in range(len(tokens)) if _needs_the_model(tokens, i) or _after_a_role(tokens, i)]
    spans: list[tuple[int, int]] = []
    for i in places:
        start, end = tokens[max(0, i - WINDOW)].start(), tokens[min(len(tokens) - 1, i + WINDOW + 1)].end()
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _names_an_organisation(text: str, end: int, found: str) -> bool:
    """Whether the capitalised words running on from a hit end in an organisation's word ('Adult Social Care')."""
    run = CAPITALISED_RUN.match(text, end)
    last = (run.group().split() if run and run.group().strip() else found.split())[-1]
    return last.casefold() in _context_words()[1]


@lru_cache(maxsize=8192)
def remembered_people(window: str) -> tuple[tuple[int, int], ...]:
    """Spans of the PERSON entities the model finds in a window (the same window is read once)."""
    return tuple((e.start_char, e.end_char) for e in pipeline()(window).ents if e.label_ == "PERSON")


def model_names(text: str) -> list[Hit]:
    """Person names the model recognises, less acronyms and the field's own terms ('MARAC', 'Health Visitor')."""
    hits = []
    for offset, window_end in _windows(text):
        for start, end in remembered_people(text[offset:window_end]):
            start, end = start + offset, end + offset
            found = text[start:end]
            if ACRONYM.match(found) or is_field_term(found) or is_field_term(LEADING_WORDS.sub("", found)):
                continue
            if is_everyday_word_opening_a_sentence(text, start, end) or _names_an_organisation(text, end, found):
                continue
            hits.append(Hit(DetailKind.PERSON_NAME, start, end, found))
    return hits
