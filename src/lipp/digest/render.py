"""Rendering a digest document as JSON, Markdown and HTML. Deterministic: no clocks, no random ids."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from lipp.digest import charts

if TYPE_CHECKING:
    from jinja2 import Environment
from lipp.digest.document import DigestDocument

TRENDED = 5


@dataclass(frozen=True)
class Rendered:
    """The three renderings of one digest and the hash that identifies its content."""

    json: str
    markdown: str
    html: str

    @property
    def content_hash(self) -> str:
        return content_hash(self.json)


def content_hash(json_text: str) -> str:
    return hashlib.sha256(json_text.encode("utf-8")).hexdigest()


def render(document: DigestDocument) -> Rendered:
    return Rendered(json=as_json(document), markdown=_template("digest.md.j2", document), html=_html(document))


def as_json(document: DigestDocument) -> str:
    """Fields a method never set are left out, so an earlier method's digest reads as it was issued."""
    return document.model_dump_json(indent=2, exclude_unset=True) + "\n"


def _html(document: DigestDocument) -> str:
    labels = [p.label for p in document.compared_with] + [document.period.label]
    leading = [t for t in document.themes if t.count][:TRENDED]
    full = document.built_from.method >= 3  # method 3: full labels, and no point where a period had no findings
    trend = charts.trend_lines(labels, [(t.name, [*t.previous_shares, t.share]) for t in leading])
    theme_bars = charts.bars(
        [(t.name, t.count) for t in document.themes if t.count], "Findings per theme", full_labels=full
    )
    pattern_bars = charts.bars(
        [(p.name, p.count) for p in document.patterns], "Findings per pattern category", full_labels=full
    )
    return _template("digest.html.j2", document, trend=trend, theme_bars=theme_bars, pattern_bars=pattern_bars)


def _template(name: str, document: DigestDocument, **charts_svg: str) -> str:
    return _environment().get_template(name).render(d=document, **charts_svg)


@cache
def _environment() -> Environment:
    """Built once per process: compiling the templates costs more than rendering them. Jinja2 is imported
    here, so processes that never render a digest (API workers starting up) do not pay for it."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    environment = Environment(
        loader=PackageLoader("lipp.digest", "templates"),
        autoescape=select_autoescape(["html.j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["pct"] = lambda value: "no data" if value is None else f"{value * 100:.1f}%"
    environment.filters["points"] = lambda value: "no data" if value is None else f"{value:+.1f} pts"
    environment.filters["label"] = lambda value: str(value).replace("_", " ")
    return environment
