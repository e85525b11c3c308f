"""The teams part of the registry: frontline teams that receive briefings, and who may manage them."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError
from sqlalchemy import ColumnElement, false, true

from lipp.application.base import LippApplication
from lipp.application.views import TeamView
from lipp.commands.registry import ChangeTeamSubscriptions, RegisterTeam, TeamSubscriptions
from lipp.domain.actors import Actor, Role
from lipp.domain.errors import AlreadyExists, NotAuthorised, NotFound
from lipp.domain.identifiers import board_id_for, team_id_for
from lipp.domain.registry.board import Board
from lipp.domain.registry.team import Scope, Subscriptions, Team
from lipp.projections.directory import registry_queries as queries
from lipp.projections.directory.tables import directory_teams
from lipp.projections.directory.view import DirectoryView
from lipp.projections.paging import EVERYTHING, Page, Paging


class UnknownTeam(NotFound):
    """No team has that code (or the actor may not know of it)."""


class OnlyAdminsAndTheBoardsCoordinatorManageTeams(NotAuthorised):
    """Teams are registered and subscribed by admins and by the coordinator of the team's board."""


class ActorMayNotListTeams(NotAuthorised):
    """Lead reviewers work on reviews, not on disseminating them; coordinators and team members list only their
    own board's teams."""


class RegistryTeams(LippApplication):
    """Register teams, change what they subscribe to, and read them as the actor may."""

    lists: DirectoryView
    """The directory read model, which lists are read from (set by the composition root)."""

    def _board_changed(self, board: Board) -> None:
        """Told after a board's change is saved, so what remembers boards can refresh."""

    def register_team(self, actor: Actor, command: RegisterTeam) -> TeamView:
        board: Board | None = self.load(board_id_for(command.board))
        if board is None:
            raise NotFound(f"no board has code '{command.board}'")
        require_team_manager(actor, board.id, f"register teams of {board.code}")
        team = Team.register(
            actor_id=actor.user_id,
            now=self.now(),
            code=command.code,
            name=command.name,
            agency=command.agency,
            board_id=board.id,
            manager_email=command.manager_email,
            team_email=command.team_email,
            subscriptions=subscriptions_of(command),
        )
        try:
            self.save(team)
        except IntegrityError:
            raise AlreadyExists(f"a team with code {command.code} is already registered") from None
        return self.team_view(team)

    def change_subscriptions(self, actor: Actor, command: ChangeTeamSubscriptions) -> TeamView:
        team = self._team(actor, command.code)
        require_team_manager(actor, team.board_id, f"change the subscriptions of {team.code}")
        team.subscribe(actor_id=actor.user_id, now=self.now(), subscriptions=subscriptions_of(command))
        self.save_or_conflict(team)
        return self.team_view(team)

    def set_board_contact(self, actor: Actor, code: str, email: str) -> str:
        """Set the board's learning mailbox (an admin or the board's coordinator); returns it."""
        board: Board | None = self.load(board_id_for(code.strip()))
        if board is None:
            raise NotFound(f"no board has code '{code.strip().upper()}'")
        require_team_manager(actor, board.id, f"set the learning mailbox of {board.code}")
        board.set_learning_contact(actor_id=actor.user_id, now=self.now(), email=email)
        self.save_or_conflict(board)
        self._board_changed(board)
        return board.learning_contact

    def team(self, actor: Actor, code: str) -> TeamView:
        return self.team_view(self._team(actor, code))

    def teams(self, actor: Actor, board: str | None = None, paging: Paging = EVERYTHING) -> Page[TeamView]:
        """Teams the actor may see, by code: admins and national bodies every team, a coordinator their
        board's, a team member their own (from the directory)."""
        if actor.role is Role.LEAD_REVIEWER:
            raise ActorMayNotListTeams(f"{actor.username} (lead reviewer) may not list teams")
        if board and not self._may_list_teams_of(actor, board_id_for(board)):
            # A filter on a board whose teams the caller may not see is refused, not answered with an empty list.
            raise ActorMayNotListTeams(
                f"{actor.username} ({actor.role.value}) may not list the teams of {board.strip().upper()}"
            )
        board_id = board_id_for(board) if board else None
        found = self.lists.read(lambda c: queries.team_page(c, teams_visible_to(actor), board_id, paging))
        return found.map(_team_row_view)

    def _may_list_teams_of(self, actor: Actor, board_id: UUID) -> bool:
        if actor.role is Role.COORDINATOR:
            return actor.board_id == board_id
        if actor.role is Role.TEAM_MEMBER:
            own = self.team_by_id(actor.team_id) if actor.team_id else None
            return own is not None and own.board_id == board_id
        return True

    def all_teams(self) -> list[Team]:
        """Every registered team as it stands now (for addressing briefings)."""
        ids = [self.mapper.to_domain_event(n).originator_id for n in self.notifications_of(Team.Registered)]
        return [self.repository.get(team_id) for team_id in ids]

    def team_by_id(self, team_id: UUID) -> Team | None:
        team: Team | None = self.load(team_id)
        return team

    def team_view(self, team: Team) -> TeamView:
        board: Board = self.repository.get(team.board_id)
        subscriptions = team.subscriptions
        return TeamView(
            id=team.id,
            code=team.code,
            name=team.name,
            agency=team.agency.value,
            board=board.code,
            manager_email=team.manager_email,
            team_email=team.team_email,
            themes=list(subscriptions.themes),
            agencies=list(subscriptions.agencies),
            scopes=[scope.value for scope in subscriptions.scopes],
        )

    def _team(self, actor: Actor, code: str) -> Team:
        team: Team | None = self.load(team_id_for(code.strip()))
        if team is None or not may_see_team(actor, team):
            raise UnknownTeam(f"no team has code '{code.strip().upper()}'")
        return team


def teams_visible_to(actor: Actor) -> ColumnElement[bool]:
    """`may_see_team` as a condition on the directory's teams."""
    if actor.role in (Role.ADMIN, Role.NATIONAL_BODY, Role.SYSTEM):
        return true()
    if actor.role is Role.COORDINATOR:
        return directory_teams.c.board_id == actor.board_id if actor.board_id is not None else false()
    if actor.role is Role.TEAM_MEMBER and actor.team_id is not None:
        return directory_teams.c.team_id == actor.team_id
    return false()


def _team_row_view(row: Any) -> TeamView:
    return TeamView(
        id=row.team_id,
        code=row.code,
        name=row.name,
        agency=row.agency,
        board=row.board_code,
        manager_email=row.manager_email,
        team_email=row.team_email,
        themes=row.themes.split(),
        agencies=row.agencies.split(),
        scopes=row.scopes.split(),
    )


def may_see_team(actor: Actor, team: Team) -> bool:
    if actor.role in (Role.ADMIN, Role.NATIONAL_BODY, Role.SYSTEM):
        return True
    if actor.role is Role.COORDINATOR:
        return actor.board_id == team.board_id
    return actor.role is Role.TEAM_MEMBER and actor.team_id == team.id


def require_team_manager(actor: Actor, board_id: UUID, what: str) -> None:
    if actor.role is Role.ADMIN or actor.is_coordinator_of(board_id):
        return
    raise OnlyAdminsAndTheBoardsCoordinatorManageTeams(
        f"{actor.username} ({actor.role.value}) may not {what}: admins and the board's coordinator may"
    )


def subscriptions_of(command: TeamSubscriptions) -> Subscriptions:
    scopes = tuple(scope for scope in Scope if scope in command.scopes)
    return Subscriptions(themes=tuple(command.themes), agencies=tuple(a.value for a in command.agencies), scopes=scopes)
