"""The redaction check's rules kept as data: patterns and word lists in `redaction-rules-v<N>.json`.

How their matches become hits is in `rule_matches`: a pattern reports its kind for each match (only its group
named 'hit', where it has one). For a named place, the name starts after the last word that is never part of
one ('he attended oakfield primary') and after any generic leading words ('the local hospital'): a match left
with only its last word is dropped. So is one whose hit is a word that is never a name ('mum was'), or one of
the field's own terms ('Family Court', 'MARAC')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from lipp.domain.redaction.hits import DetailKind
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
    name_like: bool


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
    return Rule(entry["id"], DetailKind(entry["kind"]), pattern, generic, not_hit, bool(entry.get("name_like")))


@cache
def rule_words(name: str, version: int | None = None) -> tuple[str, ...]:
    """A word list of the rules file."""
    chosen = version if version is not None else latest_version(RULES_KIND)
    return tuple(read_data(RULES_KIND, chosen)["words"][name])


@cache
def rule_book(version: int | None = None) -> RuleBook:
    """The rules of that version (the latest if none is given), compiled once per process."""
    chosen = version if version is not None else latest_version(RULES_KIND)
    data = read_data(RULES_KIND, chosen)
    words: dict[str, list[str]] = data["words"]
    rules = tuple(_compile(entry, words) for entry in data["patterns"])
    field_terms = frozenset(term.casefold() for term in words["field_term"])
    return RuleBook(chosen, rules, field_terms, frozenset(word.casefold() for word in words["not_a_name"]))


@lru_cache(maxsize=65536)
def is_field_term(text: str) -> bool:
    """Whether the text is one of the field's own terms (with or without a leading 'the')."""
    terms = rule_book().field_terms
    folded = " ".join(text.split()).casefold()
    return folded in terms or folded.removeprefix("the ") in terms
