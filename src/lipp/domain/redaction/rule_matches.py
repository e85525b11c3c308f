"""Hits from the rules file's patterns, filtered as `rules` describes."""

from __future__ import annotations

import re

from lipp.domain.redaction.hits import Hit
from lipp.domain.redaction.rules import is_field_term, rule_book
from lipp.domain.redaction.vocabulary import is_name_like


def rule_hits(text: str) -> list[Hit]:
    """Every match of every rule in the text, filtered as the module docstring says."""
    book = rule_book()
    hits = []
    for rule in book.rules:
        for match in rule.pattern.finditer(text):
            start, end = match.span("hit") if "hit" in rule.pattern.groupindex else match.span()
            if rule.generic:
                name_start = _name_start(text, start, end, rule.generic, book.stop_words)
                if name_start is None:
                    continue
                start = name_start
            found = text[start:end]
            if found.casefold() in rule.not_hit or is_field_term(found) or is_field_term(match.group()):
                continue
            if rule.name_like and not is_name_like(found):
                continue
            hits.append(Hit(rule.kind, start, end, found))
    return hits


def _name_start(text: str, start: int, end: int, generic: frozenset[str], stops: frozenset[str]) -> int | None:
    """Where a place's name starts: after the last word that is never part of one, then past generic words;
    None if only the last word of the match is left."""
    words = list(re.finditer(r"\S+", text[start:end]))
    first = 0
    for index, word in enumerate(words[:-1]):
        if word.group().rstrip(",").casefold() in stops:
            first = index + 1
    while first < len(words) - 1 and words[first].group().rstrip(",").casefold() in generic:
        first += 1
    if first >= len(words) - 1:
        return None
    return start + words[first].start()
