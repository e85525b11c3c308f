"""Who may change and read the lead-reviewer register."""

from __future__ import annotations

from lipp.domain.actors import Actor, Role
from lipp.domain.errors import NotAuthorised
from lipp.domain.register.profile import ReviewerProfile


class OnlyAdminsEnrolReviewers(NotAuthorised):
    """Admins put lead reviewers on the register."""


class OnlyTheReviewerOrAnAdminUpdatesAProfile(NotAuthorised):
    """A reviewer keeps their own entry (expertise, masterclasses, conflicts, availability); admins may too."""


class MayNotReadTheRegister(NotAuthorised):
    """Admins and coordinators (who appoint reviewers) read the register; a reviewer reads their own entry."""


def require_may_enrol(actor: Actor) -> None:
    if actor.role is not Role.ADMIN:
        raise OnlyAdminsEnrolReviewers(
            f"{actor.username} ({actor.role.value}) may not enrol reviewers: only admins may"
        )


def require_may_update(actor: Actor, profile: ReviewerProfile) -> None:
    if actor.role is not Role.ADMIN and actor.user_id != profile.reviewer_id:
        raise OnlyTheReviewerOrAnAdminUpdatesAProfile(
            f"{actor.username} ({actor.role.value}) may not change {profile.username}'s entry on the register"
        )


def require_may_read_register(actor: Actor) -> None:
    if actor.role not in (Role.ADMIN, Role.COORDINATOR):
        raise MayNotReadTheRegister(f"{actor.username} ({actor.role.value}) may not read the lead-reviewer register")


def may_read_profile(actor: Actor, profile: ReviewerProfile) -> bool:
    return actor.role in (Role.ADMIN, Role.COORDINATOR) or actor.user_id == profile.reviewer_id
