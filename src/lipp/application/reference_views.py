"""Reference data and the redaction check as plain views, for interfaces that list or try them."""

from __future__ import annotations

from lipp.application.views import View
from lipp.domain.redaction.checker import check_text
from lipp.domain.reference.themes import theme_list
from lipp.domain.reference.typology import typology


class ThemeListView(View):
    version: int
    themes: list[dict[str, str]]


class PatternCategoryView(View):
    id: str
    number: int
    title: str
    description: str


class TextHitView(View):
    kind: str
    start: int
    end: int
    text: str


def themes_view(version: int | None = None) -> ThemeListView:
    themes = theme_list(version)
    return ThemeListView(version=themes.version, themes=[{"id": t.id, "name": t.name} for t in themes.themes])


def patterns_view(version: int | None = None) -> list[PatternCategoryView]:
    return [
        PatternCategoryView(id=c.id, number=c.number, title=c.title, description=c.description)
        for c in typology(version).categories
    ]


def redaction_hits(text: str) -> list[TextHitView]:
    """What the redaction check finds in `text`, to try wording before it is logged."""
    return [TextHitView(kind=h.kind.value, start=h.start, end=h.end, text=h.text) for h in check_text(text)]
