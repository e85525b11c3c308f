"""Which words are English: the word index of the recogniser's lemmatiser (WordNet 3.0 base forms and their
irregular forms, shipped inside the model package) with regular inflections and British spellings, spaCy's
English stop words (which WordNet lacks), and the rules file's own list. A word outside it, in any case, is
name-like: 'raluca', 'Kaur'."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from lipp.domain.redaction.hits import DetailKind, Hit
from lipp.domain.redaction.model import model_file
from lipp.domain.redaction.names import known_names
from lipp.domain.redaction.rules import is_field_term, rule_book, rule_words

WORD = re.compile(r"(?<![\w@./-])[A-Za-z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*(?![\w@/]|-\w|\.\w)")
POSSESSIVE = re.compile(r"['’]s?$")
CAPITALISED_RUN = re.compile(r"(?:\s+[A-Z][\w'’-]*)+")
BRITISH_ENDINGS = (
    ("our", "or"),
    ("ours", "ors"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ising", "izing"),
    ("isation", "ization"),
    ("tre", "ter"),
    ("ogue", "og"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ence", "ense"),
    ("yse", "yze"),
)
BRITISH_INSIDE = (("ae", "e"), ("oe", "e"))  # fmt: skip
SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
            ("ly", ""), ("ily", "y"), ("er", ""), ("er", "e"), ("est", ""), ("ness", ""), ("ment", ""), ("ful", ""),
            ("less", ""), ("ity", ""), ("al", ""), ("ally", ""), ("ally", "al"))  # fmt: skip


@cache
def english_words() -> frozenset[str]:
    """Base forms and irregular forms from the lemmatiser's tables, and the rules file's extra words (read on
    first use: importing spaCy takes a second or two, which a command that checks no text never pays)."""
    import srsly  # type: ignore[import-untyped]
    from spacy.lang.en.stop_words import STOP_WORDS

    tables = srsly.msgpack_loads(model_file("lemmatizer", "lookups", "lookups.bin").read_bytes())
    words: set[str] = set()
    for forms in tables["lemma_index"].values():
        words.update(forms)
    for exceptions in tables["lemma_exc"].values():
        words.update(exceptions)
    words.update(STOP_WORDS)
    words.update(word.casefold() for word in rule_words("also_english"))
    return frozenset(words)


@lru_cache(maxsize=65536)
def is_english(word: str) -> bool:
    """Whether a word, inflected or spelled the British way, is an English word."""
    known = english_words()
    folded = POSSESSIVE.sub("", word.casefold())
    if "-" in folded:
        return all(is_english(part) for part in folded.split("-") if part)
    candidates = {folded}
    for british, american in BRITISH_ENDINGS:
        if folded.endswith(british) and len(folded) > len(british) + 3:
            candidates.add(folded[: -len(british)] + american)
    for british, american in BRITISH_INSIDE:
        candidates |= {c.replace(british, american) for c in candidates if len(c) > 5}
    for candidate in list(candidates):
        if candidate[-2:-1] == candidate[-1:] and len(candidate) > 3:
            candidates.add(candidate[:-1])
        for suffix, replacement in SUFFIXES:
            if candidate.endswith(suffix) and len(candidate) > len(suffix) + 2:
                stem = candidate[: -len(suffix)] + replacement
                candidates |= {stem, stem[:-1]} if stem[-2:-1] == stem[-1:] else {stem}
    return any(candidate in known for candidate in candidates)


def is_name_like(word: str) -> bool:
    """A given name of the lexicon, or a word that is not English and not one of the field's terms."""
    bare = POSSESSIVE.sub("", word)
    if bare.capitalize() in known_names():
        return True
    return not is_english(bare) and not is_field_term(bare) and bare.casefold() not in rule_book().stop_words


def _opens_an_organisations_name(text: str, end: int) -> bool:
    """Whether capitalised words run on to an organisation's word: an area's name in 'Eastmere Children's
    Safeguarding Partnership' names the partnership, not a person."""
    run = CAPITALISED_RUN.match(text, end)
    words = run.group().split() if run else []
    organisations = {word.casefold() for word in rule_words("organisation_word")}
    return bool(words) and POSSESSIVE.sub("", words[-1]).casefold() in organisations


def unfamiliar_words(text: str) -> list[Hit]:
    """Words that are neither English nor the field's own, in any case: most names outside the lexicon."""
    hits = []
    for match in WORD.finditer(text):
        word = POSSESSIVE.sub("", match.group())
        if len(word) < 3 or word.isupper():
            continue
        if is_english(word) or is_field_term(word) or word.casefold() in rule_book().stop_words:
            continue
        if word[0].isupper() and _opens_an_organisations_name(text, match.end()):
            continue
        hits.append(Hit(DetailKind.PERSON_NAME, match.start(), match.start() + len(word), word))
    return hits
