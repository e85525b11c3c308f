"""A person who uses lipp, in one role."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from lipp.domain.actors import Actor, Role
from lipp.domain.errors import InvalidInput, RuleBroken
from lipp.domain.identifiers import user_id_for

USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,39}$")


class CoordinatorNeedsABoard(RuleBroken):
    """A coordinator acts for exactly one board."""


class TeamMemberNeedsATeam(RuleBroken):
    """A team member acts for exactly one team."""


class UserIsDeactivated(RuleBroken):
    """A deactivated user can no longer act."""


class OnlyNationalBodyUsersJoinABody(RuleBroken):
    """Members of a national body act in the national body role."""


class RoleUnchanged(RuleBroken):
    """Giving a user the role they have records nothing."""


class AlreadyInThatBody(RuleBroken):
    """A user belongs to one national body at a time; joining the same one again records nothing."""


def check_username(username: str) -> str:
    value = username.strip().lower()
    if not USERNAME.match(value):
        raise InvalidInput(
            f"a username is 2 to 40 lower-case letters, digits or . _ - and starts with a letter (got '{username}')"
        )
    return value


class User(Aggregate):
    """A user with a role; coordinators carry the board they act for, team members their team."""

    class_version = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["team_id"] = None

    class Registered(Aggregate.Created):
        """An admin registered the user (version 2 adds the team a team member belongs to)."""

        class_version = 2

        actor_id: UUID
        username: str
        role: str
        board_id: UUID | None
        team_id: UUID | None

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["team_id"] = None

        def apply(self, aggregate: Any) -> None:
            aggregate.username = self.username
            aggregate.role = Role(self.role)
            aggregate.board_id = self.board_id
            aggregate.national_body_id = None
            aggregate.team_id = self.team_id
            aggregate.active = True
            aggregate.failed_sign_ins = 0  # the sign-in state below
            aggregate.last_failed_sign_in = None
            aggregate.locked = False
            aggregate.second_factor = False

    class Deactivated(Aggregate.Event):
        """An admin deactivated the user; past events keep their name."""

        actor_id: UUID
        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.active = False

    class RoleChanged(Aggregate.Event):
        """An admin gave the user another role (with the board or team it needs)."""

        actor_id: UUID
        role: str
        board_id: UUID | None
        team_id: UUID | None

        def apply(self, aggregate: Any) -> None:
            aggregate.role = Role(self.role)
            aggregate.board_id = self.board_id
            aggregate.team_id = self.team_id
            aggregate.national_body_id = None

    class RecoveredAsAdmin(Aggregate.Event):
        """An operator holding the database made the user an active admin again (`lipp admin recover`); the
        operating-system account that ran it and why are recorded, as no lipp user could act."""

        operator: str
        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.role = Role.ADMIN
            aggregate.board_id = aggregate.team_id = aggregate.national_body_id = None
            aggregate.active = True

    class JoinedNationalBody(Aggregate.Event):
        """An admin made the user a member of a national body: they act for it in the Alliance."""

        actor_id: UUID
        national_body_id: UUID

        def apply(self, aggregate: Any) -> None:
            aggregate.national_body_id = self.national_body_id

    # Signing in with a password (the hash itself is kept outside the events, in the accounts table: it is
    # replaced at every change and must be erasable). Rules are in lipp.domain.registry.sign_in.

    class PasswordSet(Aggregate.Event):
        """A password was chosen: `how` is invitation, reset or operator. It unlocks the account and clears
        the failures counted so far."""

        actor_id: UUID
        how: str

        def apply(self, aggregate: Any) -> None:
            aggregate.failed_sign_ins = 0
            aggregate.last_failed_sign_in = None
            aggregate.locked = False

    class SignInFailed(Aggregate.Event):
        """Someone gave the user's name or e-mail with a wrong password; `failures` counts them in a row, and
        `wait_seconds` is how long further attempts are refused unchecked (0: no wait yet)."""

        actor_id: UUID
        failures: int
        wait_seconds: int

        def apply(self, aggregate: Any) -> None:
            aggregate.failed_sign_ins = self.failures
            aggregate.last_failed_sign_in = self.timestamp

    class SignInLocked(Aggregate.Event):
        """Too many failures in a row locked the account: only a new password (a reset or an admin) opens it."""

        actor_id: UUID
        failures: int

        def apply(self, aggregate: Any) -> None:
            aggregate.locked = True

    class SignInFailuresCleared(Aggregate.Event):
        """The right password after failures: the count starts again (a sign-in without earlier failures
        records nothing)."""

        actor_id: UUID
        failures: int

        def apply(self, aggregate: Any) -> None:
            aggregate.failed_sign_ins = 0
            aggregate.last_failed_sign_in = None

    class SecondFactorSet(Aggregate.Event):
        """The user set up an authenticator app (TOTP): signing in now needs its code too. The secret is kept
        in the accounts table, never in an event."""

        actor_id: UUID

        def apply(self, aggregate: Any) -> None:
            aggregate.second_factor = True

    failed_sign_ins: int
    last_failed_sign_in: datetime | None
    locked: bool
    second_factor: bool
    username: str
    role: Role
    board_id: UUID | None
    national_body_id: UUID | None
    team_id: UUID | None
    active: bool

    def __init__(self) -> None:
        """State is set by `Registered.apply`."""

    @classmethod
    def register(
        cls,
        *,
        actor_id: UUID,
        now: datetime,
        username: str,
        role: Role,
        board_id: UUID | None,
        team_id: UUID | None = None,
    ) -> User:
        username = check_username(username)
        if role is Role.SYSTEM:
            raise InvalidInput("the system role is lipp's own and cannot be given to a user")
        if role is Role.COORDINATOR and board_id is None:
            raise CoordinatorNeedsABoard(f"{username} is a coordinator and needs a board")
        if role is Role.TEAM_MEMBER and team_id is None:
            raise TeamMemberNeedsATeam(f"{username} is a team member and needs a team")
        if role is not Role.COORDINATOR:
            board_id = None
        if role is not Role.TEAM_MEMBER:
            team_id = None
        return cls._create(
            cls.Registered,
            id=user_id_for(username),
            timestamp=now,
            actor_id=actor_id,
            username=username,
            role=role.value,
            board_id=board_id,
            team_id=team_id,
        )

    def deactivate(self, *, actor_id: UUID, now: datetime, reason: str) -> None:
        if not self.active:
            raise UserIsDeactivated(f"{self.username} is already deactivated")
        self.trigger_event(self.Deactivated, timestamp=now, actor_id=actor_id, reason=reason)

    def change_role(
        self, *, actor_id: UUID, now: datetime, role: Role, board_id: UUID | None, team_id: UUID | None
    ) -> None:
        if not self.active:
            raise UserIsDeactivated(f"{self.username} is deactivated: their role cannot change")
        if role is Role.SYSTEM:
            raise InvalidInput("the system role is lipp's own and cannot be given to a user")
        if role is Role.COORDINATOR and board_id is None:
            raise CoordinatorNeedsABoard(f"{self.username} would be a coordinator and needs a board")
        if role is Role.TEAM_MEMBER and team_id is None:
            raise TeamMemberNeedsATeam(f"{self.username} would be a team member and needs a team")
        board_id = board_id if role is Role.COORDINATOR else None
        team_id = team_id if role is Role.TEAM_MEMBER else None
        if (role, board_id, team_id) == (self.role, self.board_id, self.team_id):
            raise RoleUnchanged(f"{self.username} already has that role")
        self.trigger_event(
            self.RoleChanged, timestamp=now, actor_id=actor_id, role=role.value, board_id=board_id, team_id=team_id
        )

    def recover_as_admin(self, *, now: datetime, operator: str, reason: str) -> None:
        self.trigger_event(self.RecoveredAsAdmin, timestamp=now, operator=operator, reason=reason)

    def join_national_body(self, *, actor_id: UUID, now: datetime, national_body_id: UUID) -> None:
        if self.role is not Role.NATIONAL_BODY:
            raise OnlyNationalBodyUsersJoinABody(
                f"{self.username} is a {self.role.value.replace('_', ' ')}: only national body users join a body"
            )
        if self.national_body_id == national_body_id:
            raise AlreadyInThatBody(f"{self.username} already belongs to that national body")
        self.trigger_event(self.JoinedNationalBody, timestamp=now, actor_id=actor_id, national_body_id=national_body_id)

    def as_actor(self) -> Actor:
        if not self.active:
            raise UserIsDeactivated(f"{self.username} is deactivated and cannot act")
        return Actor(
            user_id=self.id,
            username=self.username,
            role=self.role,
            board_id=self.board_id,
            national_body_id=self.national_body_id,
            team_id=self.team_id,
        )
