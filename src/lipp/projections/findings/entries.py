"""What a findings search returns: plain frozen values, shaped by what the reader may know."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class FoundFinding:
    """A finding as the searcher may see it.

    `review` is the review reference, or only the board code and year ("NVL-2026") for readers outside the
    boards and reviews (national bodies, team members). `case_reference` is given only to the review's own
    board, its appointed lead reviewer and admins, and so is `evidence` (the key practice episodes of the case
    never leave the board: empty for everyone else). `shareable`: it may travel beyond the board.
    """

    review: str
    board: str
    year: int
    case_reference: str | None
    finding: str
    title: str
    issue: str
    causes: str
    pattern: str
    theme_ids: tuple[str, ...]
    themes: tuple[str, ...]
    agencies: tuple[str, ...]
    evidence: tuple[str, ...]
    priority: int | None
    shareable: bool
    logged_on: date
    stage: str
