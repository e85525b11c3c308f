"""A lead reviewer's entry on the register: expertise, masterclasses attended, conflicts and availability."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from lipp.domain.errors import NotFound, RuleBroken
from lipp.domain.identifiers import LIPP_NAMESPACE
from lipp.domain.register.conflicts import DeclaredConflict
from lipp.domain.review.vocabulary import Agency


class MasterclassDateInTheFuture(RuleBroken):
    """The register records masterclasses attended, not booked."""


class UnknownConflict(NotFound):
    """The reviewer declared no conflict with that number."""


class ConflictAlreadyWithdrawn(RuleBroken):
    """A conflict is withdrawn once."""


def profile_id_for(username: str) -> UUID:
    return uuid5(LIPP_NAMESPACE, f"reviewer-profile:{username.lower()}")


def normalise_tags(tags: list[str]) -> list[str]:
    """Expertise tags in one spelling: 'Learning Together' and 'learning_together' are 'learning-together'."""
    cleaned = (" ".join(tag.split()).lower().replace("_", "-").replace(" ", "-") for tag in tags)
    return list(dict.fromkeys(tag for tag in cleaned if tag))


class ReviewerProfile(Aggregate):
    """A lead reviewer on the register. The profile's own events record who acted; the reviewer is a user."""

    class Event(Aggregate.Event):
        """Every register event records who acted: an admin, or the reviewer keeping their own entry."""

        actor_id: UUID

    class Enrolled(Event, Aggregate.Created):
        """An admin put a lead reviewer on the register."""

        reviewer_id: UUID
        username: str
        expertise: list[str]
        capacity: int

        def apply(self, aggregate: Any) -> None:
            aggregate.reviewer_id = self.reviewer_id
            aggregate.username = self.username
            aggregate.expertise = list(self.expertise)
            aggregate.capacity = self.capacity
            aggregate.available = True
            aggregate.masterclasses = []
            aggregate.conflicts = []

    class ExpertiseSet(Event):
        """The reviewer's areas of expertise were restated."""

        expertise: list[str]

        def apply(self, aggregate: Any) -> None:
            aggregate.expertise = list(self.expertise)

    class MasterclassAttended(Event):
        """The reviewer attended a LiPP masterclass."""

        attended_on: date
        topic: str

        def apply(self, aggregate: Any) -> None:
            aggregate.masterclasses.append((self.attended_on, self.topic))

    class ConflictDeclared(Event):
        """The reviewer declared a conflict of interest with an agency (or a whole sector)."""

        number: int
        agency: dict[str, str]
        reason: str
        declared_on: date

        def apply(self, aggregate: Any) -> None:
            aggregate.conflicts.append(
                DeclaredConflict(self.number, Agency.from_dict(self.agency), self.reason, self.declared_on)
            )

    class ConflictWithdrawn(Event):
        """A declared conflict no longer holds."""

        number: int
        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.conflicts = [
                replace(c, withdrawn=True) if c.number == self.number else c for c in aggregate.conflicts
            ]

    class AvailabilitySet(Event):
        """The reviewer said whether they take new reviews, and how many at once."""

        available: bool
        capacity: int
        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.available = self.available
            aggregate.capacity = self.capacity

    reviewer_id: UUID
    username: str
    expertise: list[str]
    capacity: int
    available: bool
    masterclasses: list[tuple[date, str]]
    conflicts: list[DeclaredConflict]

    def __init__(self) -> None:
        """State is set by `Enrolled.apply`."""

    @classmethod
    def enrol(
        cls, *, actor_id: UUID, now: datetime, reviewer_id: UUID, username: str, expertise: list[str], capacity: int
    ) -> ReviewerProfile:
        """Put a lead reviewer on the register, available, with no masterclass or conflict yet."""
        return cls._create(
            cls.Enrolled,
            id=profile_id_for(username),
            timestamp=now,
            actor_id=actor_id,
            reviewer_id=reviewer_id,
            username=username,
            expertise=normalise_tags(expertise),
            capacity=capacity,
        )

    def set_expertise(self, *, actor_id: UUID, now: datetime, expertise: list[str]) -> None:
        """Restate the reviewer's areas of expertise."""
        self.trigger_event(self.ExpertiseSet, timestamp=now, actor_id=actor_id, expertise=normalise_tags(expertise))

    def record_masterclass(self, *, actor_id: UUID, now: datetime, today: date, attended_on: date, topic: str) -> None:
        """Record a masterclass attended (never one still to come)."""
        if attended_on > today:
            raise MasterclassDateInTheFuture(
                f"a masterclass on {attended_on} has not happened yet (today is {today}): record it once attended"
            )
        self.trigger_event(
            self.MasterclassAttended, timestamp=now, actor_id=actor_id, attended_on=attended_on, topic=topic
        )

    def declare_conflict(self, *, actor_id: UUID, now: datetime, today: date, agency: Agency, reason: str) -> int:
        """Declare a conflict of interest with an agency; returns its number."""
        number = len(self.conflicts) + 1
        self.trigger_event(
            self.ConflictDeclared,
            timestamp=now,
            actor_id=actor_id,
            number=number,
            agency=agency.as_dict(),
            reason=reason,
            declared_on=today,
        )
        return number

    def withdraw_conflict(self, *, actor_id: UUID, now: datetime, number: int, reason: str) -> None:
        """Withdraw a declared conflict that no longer holds."""
        conflict = next((c for c in self.conflicts if c.number == number), None)
        if conflict is None:
            raise UnknownConflict(f"{self.username} declared no conflict number {number}")
        if conflict.withdrawn:
            raise ConflictAlreadyWithdrawn(f"conflict {number} of {self.username} was already withdrawn")
        self.trigger_event(self.ConflictWithdrawn, timestamp=now, actor_id=actor_id, number=number, reason=reason)

    def set_availability(self, *, actor_id: UUID, now: datetime, available: bool, capacity: int, reason: str) -> None:
        """Say whether the reviewer takes new reviews, and how many at once."""
        self.trigger_event(
            self.AvailabilitySet,
            timestamp=now,
            actor_id=actor_id,
            available=available,
            capacity=capacity,
            reason=reason,
        )

    @property
    def conflicts_in_force(self) -> list[DeclaredConflict]:
        return [c for c in self.conflicts if not c.withdrawn]
