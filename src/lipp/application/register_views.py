"""What the lead-reviewer register's queries return."""

from __future__ import annotations

from datetime import date
from typing import Any

from lipp.application.views import View
from lipp.domain.register.conflicts import DeclaredConflict
from lipp.domain.register.profile import ReviewerProfile
from lipp.domain.register.suitability import Suitability
from lipp.domain.review.vocabulary import Agency


class MasterclassView(View):
    attended_on: date
    topic: str


class ConflictView(View):
    number: int
    agency: str
    reason: str
    declared_on: date
    withdrawn: bool


class ReviewerProfileView(View):
    username: str
    expertise: list[str]
    masterclasses: list[MasterclassView]
    conflicts: list[ConflictView]
    available: bool
    capacity: int


class ReviewerSuggestion(View):
    """A reviewer on the register as a candidate for one case."""

    username: str
    suitable: bool
    matching_expertise: list[str]
    expertise: list[str]
    masterclasses: int
    open_reviews: int
    capacity: int
    reasons_against: list[str]


def profile_view(profile: ReviewerProfile) -> ReviewerProfileView:
    return ReviewerProfileView(
        username=profile.username,
        expertise=list(profile.expertise),
        masterclasses=[MasterclassView(attended_on=d, topic=t) for d, t in sorted(profile.masterclasses)],
        conflicts=[
            ConflictView(
                number=c.number, agency=str(c.agency), reason=c.reason, declared_on=c.declared_on, withdrawn=c.withdrawn
            )
            for c in profile.conflicts
        ],
        available=profile.available,
        capacity=profile.capacity,
    )


def conflicts_of_row(row: Any, *, in_force_only: bool = False) -> list[DeclaredConflict]:
    """The conflicts a directory row holds, as the profile holds them."""
    conflicts = [
        DeclaredConflict(
            number=c["number"],
            agency=Agency.from_dict(c["agency"]),
            reason=c["reason"],
            declared_on=date.fromisoformat(c["declared_on"]),
            withdrawn=c["withdrawn"],
        )
        for c in row.conflicts
    ]
    return [c for c in conflicts if not c.withdrawn] if in_force_only else conflicts


def profile_row_view(row: Any) -> ReviewerProfileView:
    """`profile_view` of the reviewer's directory row."""
    masterclasses = sorted((date.fromisoformat(d), t) for d, t in row.masterclasses)
    return ReviewerProfileView(
        username=row.username,
        expertise=list(row.expertise),
        masterclasses=[MasterclassView(attended_on=d, topic=t) for d, t in masterclasses],
        conflicts=[
            ConflictView(
                number=c.number, agency=str(c.agency), reason=c.reason, declared_on=c.declared_on, withdrawn=c.withdrawn
            )
            for c in conflicts_of_row(row)
        ],
        available=row.available,
        capacity=row.capacity,
    )


def suggestion_view(suitability: Suitability) -> ReviewerSuggestion:
    candidate = suitability.candidate
    return ReviewerSuggestion(
        username=candidate.username,
        suitable=suitability.suitable,
        matching_expertise=list(suitability.matching_expertise),
        expertise=list(candidate.expertise),
        masterclasses=candidate.masterclasses,
        open_reviews=candidate.open_reviews,
        capacity=candidate.capacity,
        reasons_against=list(suitability.reasons_against),
    )
