"""The registry context: boards and users, and turning a username into an acting Actor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from lipp.application.national_bodies import NationalBodies
from lipp.application.registry_admins import RegistryAdmins
from lipp.application.registry_teams import RegistryTeams
from lipp.application.storage import EventStorage
from lipp.application.views import BoardView, UserView
from lipp.commands.registry import DeactivateUser, RegisterBoard, RegisterUser
from lipp.domain.actors import SYSTEM_ACTOR, Actor, Role
from lipp.domain.clock import Clock
from lipp.domain.errors import AlreadyExists, ConcurrentChange, NotAuthorised, NotFound, RuleBroken
from lipp.domain.identifiers import board_id_for, user_id_for
from lipp.domain.registry.board import Board
from lipp.domain.registry.user import User
from lipp.projections.directory import registry_queries as queries
from lipp.projections.paging import EVERYTHING, Page, Paging


class UnknownBoard(NotFound):
    """No board has that code."""


class UnknownUser(NotFound):
    """No user has that name."""


class OnlyAdminsManageTheRegistry(NotAuthorised):
    """Boards and users are managed by admins."""


class RegistryAlreadySetUp(RuleBroken):
    """The first admin can be created only once."""


class RegistryApplication(NationalBodies, RegistryTeams, RegistryAdmins):
    """Boards, national bodies, users with their roles, and the teams that receive learning."""

    def __init__(self, storage: EventStorage, clock: Clock) -> None:
        super().__init__(storage, clock)
        # Told the user's id once a deactivation is saved, so what remembers a user's access can forget it.
        self.on_user_deactivated: list[Callable[[UUID], None]] = []
        self._boards: dict[UUID, BoardView] = {}
        self._usernames: dict[UUID, str] = {}

    def set_up_first_admin(self, username: str) -> UserView:
        """Create the first admin of an empty registry (lipp acts as the system to do it)."""
        if next(self.notifications_of(User.Registered), None) is not None:
            raise RegistryAlreadySetUp("the registry already has users: ask an admin to add you")
        user = User.register(
            actor_id=SYSTEM_ACTOR.user_id, now=self.now(), username=username, role=Role.ADMIN, board_id=None
        )
        roster = self.admin_roster()
        roster.add(now=self.now(), user_id=user.id)
        self.save_or_conflict(user, roster)
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
        roster = self.admin_roster()
        if user.role is Role.ADMIN:
            roster.add(now=self.now(), user_id=user.id)
        try:
            self.save(user, roster)
        except IntegrityError:
            if self.load(user.id) is None:  # the roster changed meanwhile, not the name
                raise ConcurrentChange("the admins changed at the same moment; try again") from None
            raise AlreadyExists(f"a user named {command.username} is already registered") from None
        return self._user_view(user)

    def deactivate_user(self, actor: Actor, command: DeactivateUser) -> UserView:
        require_admin(actor, "deactivate users")
        user = self._user(user_id_for(command.username), command.username)
        user.deactivate(actor_id=actor.user_id, now=self.now(), reason=command.reason)
        roster = self.admin_roster()
        roster.remove(now=self.now(), user_id=user.id, username=user.username, what="be deactivated")
        self.save_or_conflict(user, roster)
        for listener in self.on_user_deactivated:
            listener(user.id)
        return self._user_view(user)

    # Queries.

    def actor_for(self, username: str) -> Actor:
        """The actor a username acts as; refused if unknown or deactivated."""
        user: User = self._user(user_id_for(username), username)
        return user.as_actor()

    def actor_of(self, user_id: UUID) -> Actor:
        """The actor a user id acts as, in one read; refused if unknown or deactivated."""
        return self._user(user_id, str(user_id)).as_actor()

    def board(self, code: str) -> BoardView:
        board_id = board_id_for(code)
        known = self._boards.get(board_id)
        if known is not None:
            return known
        board: Board | None = self.load(board_id)
        if board is None:
            raise UnknownBoard(f"no board has code '{code.upper()}'")
        return self._remember_board(board)

    def board_by_id(self, board_id: UUID) -> BoardView:
        known = self._boards.get(board_id)
        return known if known is not None else self._remember_board(self.repository.get(board_id))

    def _board_changed(self, board: Board) -> None:
        self._remember_board(board)

    def _remember_board(self, board: Board) -> BoardView:
        # A board's code, name and area never change after Registered, so resolving a code stays true once
        # read; its learning contact can change, so listings read boards afresh. An unknown code is not
        # remembered, as it may be registered later.
        view = self._boards[board.id] = _board_view(board)
        return view

    def user(self, username: str) -> UserView:
        return self._user_view(self._user(user_id_for(username), username))

    def username_of(self, user_id: UUID) -> str:
        if user_id == SYSTEM_ACTOR.user_id:
            return SYSTEM_ACTOR.username
        known = self._usernames.get(user_id)
        if known is not None:
            return known
        user: User | None = self.load(user_id)
        if user is None:
            return f"unknown ({user_id})"
        # A user's id is derived from the username, so the name of an id never changes.
        self._usernames[user_id] = user.username
        return user.username

    def boards(self, paging: Paging = EVERYTHING) -> Page[BoardView]:
        """Every board, by code (from the directory)."""
        return self.lists.read(lambda c: queries.board_page(c, paging)).map(_board_row_view)

    def users(self, actor: Actor, paging: Paging = EVERYTHING) -> Page[UserView]:
        """Every user, by username; admins and coordinators (who appoint lead reviewers) may list them."""
        if actor.role not in (Role.ADMIN, Role.COORDINATOR):
            raise NotAuthorised(f"{actor.username} ({actor.role.value}) may not list users")
        return self.lists.read(lambda c: queries.user_page(c, paging)).map(_user_row_view)

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


def _board_row_view(row: Any) -> BoardView:
    return BoardView(
        id=row.board_id, code=row.code, name=row.name, area=row.area, learning_contact=row.learning_contact
    )


def _user_row_view(row: Any) -> UserView:
    return UserView(
        id=row.user_id,
        username=row.username,
        role=row.role,
        board=row.board_code,
        active=row.active,
        national_body=row.body_code,
        team=row.team_code,
    )


def _board_view(board: Board) -> BoardView:
    return BoardView(
        id=board.id, code=board.code, name=board.name, area=board.area, learning_contact=board.learning_contact
    )
