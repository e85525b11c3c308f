"""The redaction check's hits shown where they are: each one wrapped in `<mark>` inside the escaped text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from lipp.domain.redaction.checker import check_text


@dataclass(frozen=True)
class Span:
    """A hit in one field's text: [start, end), its number as the check listed it, and its kind in words."""

    start: int
    end: int
    number: int
    kind: str
    cleared: bool = False  # confirmed as identifying nobody


@dataclass(frozen=True)
class MarkedText:
    field: str
    html: Markup
    spans: tuple[Span, ...]


def marked(text: str, spans: Iterable[Span]) -> Markup:
    """`text`, escaped, with each span in a `<mark>` that names the hit for screen readers too."""
    out: list[str] = []
    at = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < at or span.end > len(text):
            continue
        css = "lipp-hit lipp-hit--cleared" if span.cleared else "lipp-hit"
        out.append(str(escape(text[at : span.start])))
        out.append(
            f'<mark class="{css}">{escape(text[span.start : span.end])}'
            f'<span class="govuk-visually-hidden"> (hit {span.number}: {escape(span.kind)})</span></mark>'
        )
        at = span.end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


def marked_texts(texts: Mapping[str, str], spans_by_field: Mapping[str, list[Span]]) -> list[MarkedText]:
    """Every field that has a hit, marked."""
    return [
        MarkedText(field, marked(text, spans_by_field[field]), tuple(spans_by_field[field]))
        for field, text in texts.items()
        if spans_by_field.get(field)
    ]


def check_texts(texts: Mapping[str, str]) -> list[MarkedText]:
    """Run the redaction check (the domain's, the same the sharing step runs) on each text, numbering the hits
    in the order the sharing step lists them: field by field, then by position."""
    number = 0
    spans: dict[str, list[Span]] = {}
    for field, text in texts.items():
        for hit in check_text(text):
            number += 1
            spans.setdefault(field, []).append(Span(hit.start, hit.end, number, hit.kind.label))
    return marked_texts(texts, spans)
