"""What digest-facts queries return: plain facts as they stood at one log position."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ReviewCount:
    """How many reviews took one step (notified, decided, published) in a period, by board and incident kind."""

    fact: str
    board_code: str
    incident_kind: str
    detail: str
    count: int


@dataclass(frozen=True)
class FindingFact:
    """A finding in force: where it came from (board and year only), its themes, category and text."""

    board_code: str
    year: int
    logged_on: date
    number: int
    pattern: str
    themes: tuple[str, ...]
    shareable: bool
    title: str
    issue: str
    causes: str
    order_key: str
    """Stable order among findings; never shown."""


@dataclass(frozen=True)
class MarkerFact:
    board_code: str
    marker: int
    rating: str


@dataclass(frozen=True)
class ActionFact:
    reference: str
    body_code: str
    theme_id: str
    owner: str
    description: str
    committed_on: date
    due_on: date
    status: str
    progress_notes: int
    last_note: str
    closed_on: date | None
    outcome: str
