"""The lead-reviewer register context: who is on it, what they know, what they attended, and their conflicts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from lipp.application.base import LippApplication
from lipp.application.register_views import ReviewerProfileView, conflicts_of_row, profile_row_view, profile_view
from lipp.application.storage import EventStorage
from lipp.application.views import UserView
from lipp.commands import register as r
from lipp.domain.actors import Actor, Role
from lipp.domain.clock import Clock
from lipp.domain.errors import AlreadyExists, NotFound, RuleBroken
from lipp.domain.register import access
from lipp.domain.register.conflicts import conflicts_with
from lipp.domain.register.profile import ReviewerProfile, profile_id_for
from lipp.domain.register.suitability import Candidate
from lipp.domain.review.vocabulary import Agency
from lipp.projections.directory import work_queries as work
from lipp.projections.directory.view import DirectoryView
from lipp.projections.paging import EVERYTHING, Page, Paging


class People(Protocol):
    """What the register needs to know of the registry's users."""

    def user(self, username: str) -> UserView: ...


class NotOnTheRegister(NotFound):
    """The reviewer has no entry on the register."""


class OnlyLeadReviewersAreEnrolled(RuleBroken):
    """The register holds users in the lead reviewer role."""


class ReviewerRegisterApplication(LippApplication):
    """Keeps reviewers' entries; answers the reviews context's questions about conflicts and candidates."""

    lists: DirectoryView
    """The directory read model, which lists are read from (set by the composition root)."""

    def __init__(self, storage: EventStorage, clock: Clock, people: People) -> None:
        super().__init__(storage, clock)
        self.people = people

    def enrol(self, actor: Actor, command: r.EnrolReviewer) -> ReviewerProfileView:
        """Put a registered lead reviewer on the register (admins)."""
        access.require_may_enrol(actor)
        user = self.people.user(command.username)
        if user.role != Role.LEAD_REVIEWER.value:
            raise OnlyLeadReviewersAreEnrolled(
                f"{user.username} is a {user.role.replace('_', ' ')}, not a lead reviewer"
            )
        profile = ReviewerProfile.enrol(
            actor_id=actor.user_id,
            now=self.now(),
            reviewer_id=user.id,
            username=user.username,
            expertise=list(command.expertise),
            capacity=command.capacity,
        )
        try:
            self.save(profile)
        except IntegrityError:
            raise AlreadyExists(f"{user.username} is already on the register") from None
        return profile_view(profile)

    def set_expertise(self, actor: Actor, command: r.SetExpertise) -> ReviewerProfileView:
        """Restate expertise (the reviewer or an admin)."""
        return self._update(
            actor,
            command.username,
            lambda p: p.set_expertise(actor_id=actor.user_id, now=self.now(), expertise=list(command.expertise)),
        )

    def record_masterclass(self, actor: Actor, command: r.RecordMasterclass) -> ReviewerProfileView:
        """Record a masterclass attended (the reviewer or an admin)."""
        return self._update(
            actor,
            command.username,
            lambda p: p.record_masterclass(
                actor_id=actor.user_id,
                now=self.now(),
                today=self.today(),
                attended_on=command.attended_on,
                topic=command.topic,
            ),
        )

    def declare_conflict(self, actor: Actor, command: r.DeclareConflict) -> ReviewerProfileView:
        """Declare a conflict of interest with an agency (the reviewer or an admin)."""
        agency = Agency(sector=command.agency.sector, name=command.agency.name)
        return self._update(
            actor,
            command.username,
            lambda p: p.declare_conflict(
                actor_id=actor.user_id, now=self.now(), today=self.today(), agency=agency, reason=command.reason
            ),
        )

    def withdraw_conflict(self, actor: Actor, command: r.WithdrawConflict) -> ReviewerProfileView:
        """Withdraw a conflict that no longer holds (the reviewer or an admin)."""
        return self._update(
            actor,
            command.username,
            lambda p: p.withdraw_conflict(
                actor_id=actor.user_id, now=self.now(), number=command.conflict, reason=command.reason
            ),
        )

    def set_availability(self, actor: Actor, command: r.SetAvailability) -> ReviewerProfileView:
        """Say whether the reviewer takes new reviews (the reviewer or an admin)."""
        return self._update(
            actor,
            command.username,
            lambda p: p.set_availability(
                actor_id=actor.user_id,
                now=self.now(),
                available=command.available,
                capacity=command.capacity or p.capacity,
                reason=command.reason,
            ),
        )

    # Queries.

    def profile(self, actor: Actor, username: str) -> ReviewerProfileView:
        """One entry: admins and coordinators read any; a reviewer reads their own."""
        profile = self._profile(username)
        if not access.may_read_profile(actor, profile):
            raise NotOnTheRegister(f"{username} is not on the register visible to {actor.username}")
        return profile_view(profile)

    def profiles(self, actor: Actor, paging: Paging = EVERYTHING) -> Page[ReviewerProfileView]:
        """The whole register, by username (admins and coordinators), from the directory."""
        access.require_may_read_register(actor)
        return self.lists.read(lambda c: work.reviewer_page(c, paging)).map(profile_row_view)

    # What the reviews context asks (it authorises its own actor first).

    def conflicts_with(self, username: str, agencies: Sequence[Agency]) -> list[str]:
        """The reviewer's declared conflicts that concern the agencies; none if the reviewer is not enrolled."""
        profile_id = profile_id_for(username)
        if not self.exists(profile_id):
            return []
        profile: ReviewerProfile = self.repository.get(profile_id)
        return conflicts_with(profile.conflicts_in_force, agencies)

    def candidates(self, open_reviews: dict[UUID, int], active: Callable[[str], bool]) -> list[Candidate]:
        """Every enrolled reviewer as a candidate, with the open reviews each leads."""
        return [
            Candidate(
                username=p.username,
                active=active(p.username),
                expertise=tuple(p.expertise),
                masterclasses=len(p.masterclasses),
                available=p.available,
                capacity=p.capacity,
                open_reviews=open_reviews.get(p.reviewer_id, 0),
                conflicts=tuple(conflicts_of_row(p, in_force_only=True)),
            )
            for p in self.lists.read(lambda c: work.reviewer_page(c, EVERYTHING))
        ]

    # Internals.

    def _update(self, actor: Actor, username: str, change: Callable[[ReviewerProfile], object]) -> ReviewerProfileView:
        profile = self._profile(username)
        access.require_may_update(actor, profile)
        change(profile)
        self.save_or_conflict(profile)
        return profile_view(profile)

    def _profile(self, username: str) -> ReviewerProfile:
        profile_id = profile_id_for(username)
        if not self.exists(profile_id):
            raise NotOnTheRegister(f"{username} is not on the lead-reviewer register")
        profile: ReviewerProfile = self.repository.get(profile_id)
        return profile
