"""Everything a digest is computed from, read as of one log position."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lipp.digest.periods import Period
from lipp.domain.disclosure import DEFAULT_THRESHOLD
from lipp.domain.reference.catalogue import ReferenceData
from lipp.projections.digest_facts.entries import ActionFact, FindingFact, MarkerFact, ReviewCount


@dataclass(frozen=True)
class DigestInputs:
    """The facts at `position`: the period's review steps and marker ratings, the findings of the period and the
    periods compared with it, every Alliance action; and the reference data the digest names things by."""

    period: Period
    compared_with: tuple[Period, ...]
    position: int
    issued_on: date
    reference: ReferenceData
    reviews: list[ReviewCount]
    findings: list[FindingFact]
    markers: list[MarkerFact]
    actions: list[ActionFact]
    requested_by: str = "schedule"
    """Who asked for the digest: a user's name, or "schedule" (method 3 says so)."""
    disclosure_threshold: int = DEFAULT_THRESHOLD
    """Counts below it (from 1) are suppressed (method 3 on)."""
