"""The redaction check's rules kept as data: patterns and word lists in `redaction-rules-v<N>.json`.

A pattern reports its kind for each match (only its group named 'hit', where it has one). For a named place,
the name starts after the last word that is never part of a name ('he attended oakfield primary') and after any
generic leading words ('the local hospital'): a match left with only its last word is dropped. So is one whose
hit is a word that is never a name ('mum was'), or one of the field's own terms ('Family Court', 'MARAC')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from lipp.domain.redaction.hits import DetailKind, Hit
from lipp.domain.redaction.names import known_names
from lipp.domain.reference.loading import latest_version, read_data

RULES_KIND = "redaction-rules"
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Rule:
    """One pattern of the rules file, compiled, with the word lists that filter its matches."""

    id: str
    kind: DetailKind
    pattern: re.Pattern[str]
    generic: frozenset[str]
    not_hit: frozenset[str]
    not_hit_endings: tuple[str, ...]


@dataclass(frozen=True)
class RuleBook:
    """Every rule of one version of the rules file, and the field's terms that are never flagged."""

    version: int
    rules: tuple[Rule, ...]
    field_terms: frozenset[str]
    stop_words: frozenset[str]


def _alternation(words: list[str]) -> str:
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def _compile(entry: dict[str, Any], words: dict[str, list[str]]) -> Rule:
    def splice(match: re.Match[str]) -> str:
        return f"(?:{_alternation(words[match[1]])})"

    flags = re.IGNORECASE if "i" in entry.get("flags", "") else 0
    generic = frozenset(word.casefold() for word in words.get(entry.get("generic", ""), []))
    not_hit = frozenset(word.casefold() for word in words.get(entry.get("not_hit", ""), []))
    pattern = re.compile(PLACEHOLDER.sub(splice, entry["pattern"]), flags)
    endings = tuple(entry.get("not_hit_endings", ()))
    return Rule(entry["id"], DetailKind(entry["kind"]), pattern, generic, not_hit, endings)


@cache
def rule_book(version: int | None = None) -> RuleBook:
    """The rules of that version (the latest if none is given), compiled once per process."""
    chosen = version if version is not None else latest_version(RULES_KIND)
    data = read_data(RULES_KIND, chosen)
    words: dict[str, list[str]] = data["words"]
    rules = tuple(_compile(entry, words) for entry in data["patterns"])
    field_terms = frozenset(term.casefold() for term in words["field_term"])
    return RuleBook(chosen, rules, field_terms, frozenset(word.casefold() for word in words["not_a_name"]))


def is_field_term(text: str, book: RuleBook | None = None) -> bool:
    """Whether the text is one of the field's own terms (with or without a leading 'the')."""
    terms = (book or rule_book()).field_terms
    folded = " ".join(text.split()).casefold()
    return folded in terms or folded.removeprefix("the ") in terms


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
            if found.casefold() in rule.not_hit or is_field_term(found, book) or is_field_term(match.group(), book):
                continue
            if found.casefold().endswith(rule.not_hit_endings) and found.capitalize() not in known_names():
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
