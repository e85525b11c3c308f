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
    """Cleared by the redaction check (what digest methods 1 and 2 call shareable)."""
    title: str
    issue: str
    causes: str
    order_key: str
    """Stable order among findings; never shown."""
    review_key: str = ""
    """Which review it belongs to (its id as text); never shown."""
    travels: bool = False
    """Cleared, approved by a coordinator of its board, and its review's findings not withheld (method 3 on)."""
    signed_off_on: date | None = None
    """When its review's report was signed off, if it was by the position."""


@dataclass(frozen=True)
class MarkerFact:
    """How many reviews of a board rate a marker so (their latest rating, given in the period)."""

    board_code: str
    marker: int
    rating: str
    count: int = 1


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
