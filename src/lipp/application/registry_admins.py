"""Who administers lipp: role changes, the rule that one active admin always remains, and an operator's recovery."""

from __future__ import annotations

from uuid import UUID

from lipp.application.base import LippApplication
from lipp.commands.roles import ChangeRole, RecoverAdmin
from lipp.domain.actors import SYSTEM_ACTOR, Actor, Role
from lipp.domain.errors import NotAuthorised, NotFound
from lipp.domain.identifiers import board_id_for, team_id_for, user_id_for
from lipp.domain.registry.admins import ADMIN_ROSTER_ID, AdminRoster
from lipp.domain.registry.user import User


class RegistryAdmins(LippApplication):
    """Every change that adds or removes an active admin goes through the roster, saved with the user's event."""

    def admin_roster(self) -> AdminRoster:
        """The active admins; counted from the users when the store predates the roster (saved with the change)."""
        roster: AdminRoster | None = self.load(ADMIN_ROSTER_ID)
        if roster is not None:
            return roster
        ids = [self.mapper.to_domain_event(n).originator_id for n in self.notifications_of(User.Registered)]
        users: list[User] = [self.repository.get(user_id) for user_id in ids]
        admins = [user.id for user in users if user.active and user.role is Role.ADMIN]
        return AdminRoster.count(now=self.now(), admins=admins)

    def active_admins(self) -> int:
        return len(self.admin_roster().admins)

    def change_role(self, actor: Actor, command: ChangeRole) -> User:
        """Give a user another role (admins only); the last active admin keeps theirs."""
        if actor.role is not Role.ADMIN:
            raise NotAuthorised(f"{actor.username} ({actor.role.value}) may not change roles: only admins may")
        user: User | None = self.load(user_id_for(command.username))
        if user is None:
            raise NotFound(f"no user is named '{command.username}'")
        board_id = self._known_board(command.board) if command.board else None
        team_id = self._known_team(command.team) if command.team else None
        was_admin = user.role is Role.ADMIN
        user.change_role(actor_id=actor.user_id, now=self.now(), role=command.role, board_id=board_id, team_id=team_id)
        roster = self.admin_roster()
        if was_admin and command.role is not Role.ADMIN:
            roster.remove(now=self.now(), user_id=user.id, username=user.username, what="lose the admin role")
        elif command.role is Role.ADMIN:
            roster.add(now=self.now(), user_id=user.id)
        self.save_or_conflict(user, roster)
        return user

    def recover_admin(self, command: RecoverAdmin, operator: str) -> User:
        """Make a user an active admin again, registering them if need be: for an operator who holds the
        database when no admin can act. `operator` is the operating-system account that ran it."""
        user: User | None = self.load(user_id_for(command.username))
        if user is None:
            user = User.register(
                actor_id=SYSTEM_ACTOR.user_id, now=self.now(), username=command.username, role=Role.ADMIN, board_id=None
            )
        user.recover_as_admin(now=self.now(), operator=operator, reason=command.reason)
        roster = self.admin_roster()
        roster.add(now=self.now(), user_id=user.id)
        self.save_or_conflict(user, roster)
        return user

    def _known_board(self, code: str) -> UUID:
        if self.load(board_id_for(code)) is None:
            raise NotFound(f"no board has code '{code.upper()}'")
        return board_id_for(code)

    def _known_team(self, code: str) -> UUID:
        if self.load(team_id_for(code)) is None:
            raise NotFound(f"no team has code '{code.upper()}'")
        return team_id_for(code)
