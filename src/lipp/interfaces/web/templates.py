"""The Jinja environment: lipp's templates and the govuk-frontend-jinja macros, escaped by default."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader, select_autoescape

from lipp.domain.review.vocabulary import DelayRecipient

NO_STORE = {"Cache-Control": "no-store"}

environment = Environment(
    loader=ChoiceLoader(
        [
            FileSystemLoader(Path(__file__).parent / "templates"),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    ),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def label(value: str | None) -> str:
    """A vocabulary value as people read it: `rapid_review` becomes `Rapid review`."""
    if not value:
        return ""
    text = value.replace("_", " ").replace("-", " ")
    return text[:1].upper() + text[1:]


def long_date(value: date | None) -> str:
    """A date the GOV.UK way: 2 March 2026."""
    return f"{value.day} {value:%B %Y}" if value else ""


def first_upper(value: str | None) -> str:
    """A sentence's first letter in capitals, the rest as written: `completion (sign-off)`."""
    return (value[:1].upper() + value[1:]) if value else ""


def told(value: str) -> str:
    """Who was told of a delay, as a sentence names them: `panel` becomes `the national Panel`."""
    return DelayRecipient(value).label


RAG_COLOURS = {"red": "govuk-tag--red", "amber": "govuk-tag--yellow", "green": "govuk-tag--green"}


def rag_class(rag: str | None) -> str:
    return RAG_COLOURS.get(rag or "", "govuk-tag--grey")


def event_words(text: str) -> str:
    """A history line's event name as words: `PracticeChangeReported on ...` becomes `Practice change reported on`."""
    name, space, rest = text.partition(" ")
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", name).capitalize()
    return words + space + rest


def choice_item(choice: list[str], chosen: str, radio: bool = False) -> dict[str, Any]:
    """A (value, text) choice as a GOV.UK select item or radio, chosen when it is what the person picked."""
    value, text = choice
    return {"value": value, "text": text, ("checked" if radio else "selected"): value == chosen}


environment.filters.update(
    choice_item=choice_item,
    event_words=event_words,
    first_upper=first_upper,
    label=label,
    long_date=long_date,
    rag_class=rag_class,
    told=told,
)


def render(name: str, status_code: int = 200, headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
    """A page from template `name`; pages show case data, so no browser or proxy keeps a copy."""
    html = environment.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status_code, headers={**NO_STORE, **(headers or {})})
