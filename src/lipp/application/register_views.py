"""What the lead-reviewer register's queries return."""

from __future__ import annotations

from datetime import date

from lipp.application.views import View
from lipp.domain.register.profile import ReviewerProfile
from lipp.domain.register.suitability import Suitability


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
