"""Which reviewers on the register suit a case: independent of its agencies, available, with capacity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lipp.domain.register.conflicts import DeclaredConflict, conflicts_with
from lipp.domain.review.vocabulary import Agency


@dataclass(frozen=True)
class Candidate:
    """What the register and the reviews context know of one reviewer when a case needs one."""

    username: str
    active: bool
    expertise: tuple[str, ...]
    masterclasses: int
    available: bool
    capacity: int
    open_reviews: int
    conflicts: tuple[DeclaredConflict, ...]


@dataclass(frozen=True)
class Suitability:
    candidate: Candidate
    matching_expertise: tuple[str, ...]
    reasons_against: tuple[str, ...]

    @property
    def suitable(self) -> bool:
        return not self.reasons_against


def case_tags(agencies: Sequence[Agency], methodology: str | None, looked_after: bool) -> set[str]:
    """Expertise tags a case calls for: its method, its agencies' sectors, looked-after children."""
    tags = {a.sector.value.replace("_", "-") for a in agencies}
    if methodology:
        tags.add(methodology.replace("_", "-"))
    if looked_after:
        tags.add("looked-after-children")
    return tags


def assess_candidate(candidate: Candidate, agencies: Sequence[Agency], wanted: set[str]) -> Suitability:
    against = []
    if not candidate.active:
        against.append("deactivated")
    if not candidate.available:
        against.append("not taking new reviews")
    if candidate.open_reviews >= candidate.capacity:
        against.append(f"at capacity ({candidate.open_reviews} of {candidate.capacity} reviews open)")
    against += [f"conflict: {c}" for c in conflicts_with(candidate.conflicts, agencies)]
    matching = tuple(tag for tag in candidate.expertise if tag in wanted)
    return Suitability(candidate, matching, tuple(against))


def rank(suitabilities: list[Suitability]) -> list[Suitability]:
    """Suitable first; then most matching expertise, most masterclasses, lightest load, name."""
    return sorted(
        suitabilities,
        key=lambda s: (
            not s.suitable,
            -len(s.matching_expertise),
            -s.candidate.masterclasses,
            s.candidate.open_reviews,
            s.candidate.username,
        ),
    )
