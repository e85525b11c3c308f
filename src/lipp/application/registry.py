"""The registry context: boards and users, and turning a username into an acting Actor."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.persistence import IntegrityError

from lipp.application.national_bodies import NationalBodies
from lipp.application.registry_teams import RegistryTeams
from lipp.application.views import BoardView, UserView
from lipp.commands.registry import DeactivateUser, RegisterBoard, RegisterUser
from lipp.domain.actors import SYSTEM_ACTOR, Actor, Role
from lipp.domain.errors import AlreadyExists, NotAuthorised, NotFound, RuleBroken
from lipp.domain.identifiers import board_id_for, user_id_for
from lipp.domain.registry.board import Board
from lipp.domain.registry.user import User


class UnknownBoard(NotFound):
    """No board has that code."""


class UnknownUser(NotFound):
    """No user has that name."""


class OnlyAdminsManageTheRegistry(NotAuthorised):
    """Boards and users are managed by admins."""


class RegistryAlreadySetUp(RuleBroken):
    """The first admin can be created only once."""


class RegistryApplication(NationalBodies, RegistryTeams):
    """Boards, national bodies, users with their roles, and the teams that receive learning."""

    def set_up_first_admin(self, username: str) -> UserView:
        """Create the first admin of an empty registry (lipp acts as the system to do it)."""
        if next(self.notifications_of(User.Registered), None) is not None:
            raise RegistryAlreadySetUp("the registry already has users: ask an admin to add you")
        user = User.register(
            actor_id=SYSTEM_ACTOR.user_id, now=self.now(), username=username, role=Role.ADMIN, board_id=None
        )
        self.save_or_conflict(user)
        return self._user_view(user)

    def register_board(self, actor: Actor, command: RegisterBoard) -> BoardView:
        require_admin(actor, "register boards")
        board = Board.register(
            actor_id=actor.user_id, now=self.now(), code=command.code, name=command.name, area=command.area
        )
        try:
            self.save(board)
        except IntegrityError:
            raise AlreadyExists(f"a board with code {command.code} is already registered") from None
        return _board_view(board)

    def register_user(self, actor: Actor, command: RegisterUser) -> UserView:
        require_admin(actor, "register users")
        board_id = self.board(command.board).id if command.board else None
        team_id = self.team(actor, command.team).id if command.team else None
        user = User.register(
            actor_id=actor.user_id,
            now=self.now(),
            username=command.username,
            role=command.role,
            board_id=board_id,
            team_id=team_id,
        )
        if command.national_body:
            body_id = self._national_body(command.national_body).id
            user.join_national_body(actor_id=actor.user_id, now=self.now(), national_body_id=body_id)
        try:
            self.save(user)
        except IntegrityError:
            raise AlreadyExists(f"a user named {command.username} is already registered") from None
        return self._user_view(user)

    def deactivate_user(self, actor: Actor, command: DeactivateUser) -> UserView:
        require_admin(actor, "deactivate users")
        user = self._user(user_id_for(command.username), command.username)
        user.deactivate(actor_id=actor.user_id, now=self.now(), reason=command.reason)
        self.save_or_conflict(user)
        return self._user_view(user)

    # Queries.

    def actor_for(self, username: str) -> Actor:
        """The actor a username acts as; refused if unknown or deactivated."""
        user: User = self._user(user_id_for(username), username)
        return user.as_actor()

    def board(self, code: str) -> BoardView:
        board: Board | None = self.load(board_id_for(code))
        if board is None:
            raise UnknownBoard(f"no board has code '{code.upper()}'")
        return _board_view(board)

    def board_by_id(self, board_id: UUID) -> BoardView:
        return _board_view(self.repository.get(board_id))

    def user(self, username: str) -> UserView:
        return self._user_view(self._user(user_id_for(username), username))

    def username_of(self, user_id: UUID) -> str:
        if user_id == SYSTEM_ACTOR.user_id:
            return SYSTEM_ACTOR.username
        user: User | None = self.load(user_id)
        return user.username if user is not None else f"unknown ({user_id})"

    def boards(self) -> list[BoardView]:
        ids = [self.mapper.to_domain_event(n).originator_id for n in self.notifications_of(Board.Registered)]
        return sorted((self.board_by_id(i) for i in ids), key=lambda b: b.code)

    def users(self, actor: Actor) -> list[UserView]:
        """Every user; admins and coordinators (who appoint lead reviewers) may list them."""
        if actor.role not in (Role.ADMIN, Role.COORDINATOR):
            raise NotAuthorised(f"{actor.username} ({actor.role.value}) may not list users")
        ids = [self.mapper.to_domain_event(n).originator_id for n in self.notifications_of(User.Registered)]
        return sorted((self._user_view(self.repository.get(i)) for i in ids), key=lambda u: u.username)

    def _user(self, user_id: UUID, name: str) -> User:
        user: User | None = self.load(user_id)
        if user is None:
            raise UnknownUser(f"no user is named '{name}'")
        return user

    def _user_view(self, user: User) -> UserView:
        board = self.board_by_id(user.board_id).code if user.board_id else None
        body = self.national_body_by_id(user.national_body_id).code if user.national_body_id else None
        team = self.team_by_id(user.team_id) if user.team_id else None
        return UserView(
            id=user.id,
            username=user.username,
            role=user.role.value,
            board=board,
            active=user.active,
            national_body=body,
            team=team.code if team else None,
        )


def require_admin(actor: Actor, what: str) -> None:
    if actor.role is not Role.ADMIN:
        raise OnlyAdminsManageTheRegistry(f"{actor.username} ({actor.role.value}) may not {what}: only admins may")


def _board_view(board: Board) -> BoardView:
    return BoardView(
        id=board.id, code=board.code, name=board.name, area=board.area, learning_contact=board.learning_contact
    )
