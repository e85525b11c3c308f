"""Commands that manage the registry of boards and users."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from lipp.commands.fields import BoardCode, Choice, Command, FreeText, RoleEmail, ShortText, TeamCode, Username
from lipp.domain.actors import Role
from lipp.domain.errors import InvalidInput
from lipp.domain.reference.themes import theme_list
from lipp.domain.registry.team import Scope, TeamAgency
from lipp.domain.review.vocabulary import AgencySector


class RegisterBoard(Command):
    """Register a safeguarding partnership (board) with a short code."""

    code: BoardCode
    name: ShortText
    area: ShortText


class RegisterUser(Command):
    """Register a user in one role; a coordinator names their board, a team member their team."""

    username: Username
    role: Annotated[Role, Choice]
    board: BoardCode | None = None
    national_body: BoardCode | None = None
    team: TeamCode | None = None

    @model_validator(mode="after")
    def coordinator_names_a_board(self) -> RegisterUser:
        if self.role is Role.COORDINATOR and self.board is None:
            raise ValueError("a coordinator needs a board (give its code)")
        if self.role is not Role.COORDINATOR and self.board is not None:
            raise ValueError(f"a {self.role.value.replace('_', ' ')} is not tied to a board")
        if self.national_body is not None and self.role is not Role.NATIONAL_BODY:
            raise ValueError("only a national body user belongs to a national body")
        if self.role is Role.TEAM_MEMBER and self.team is None:
            raise ValueError("a team member needs a team (give its code)")
        if self.role is not Role.TEAM_MEMBER and self.team is not None:
            raise ValueError(f"a {self.role.value.replace('_', ' ')} is not tied to a team")
        if self.role is Role.SYSTEM:
            raise ValueError("the system role is lipp's own")
        return self


class DeactivateUser(Command):
    """Stop a user from acting; their past events keep their name."""

    username: Username
    reason: FreeText


def _theme_ids(values: list[str]) -> list[str]:
    """Themes by stable id or name, kept as stable ids so a renamed theme keeps its subscribers."""
    themes = theme_list()
    try:
        return sorted({themes.theme(value).id for value in values})
    except InvalidInput as error:
        raise ValueError(str(error)) from None


ThemeIds = Annotated[
    list[ShortText], AfterValidator(_theme_ids), Field(description="National themes: ids (NT05) or names")
]
AgencySectors = Annotated[
    list[Annotated[AgencySector, Choice]],
    Field(description="Agencies whose learning concerns the team (none: any agency)"),
]
Scopes = Annotated[
    list[Annotated[Scope, Choice]],
    Field(min_length=1, description="local (the team's own board), national (themes and digests), or both"),
]


class TeamSubscriptions(Command):
    """What learning a team receives. No themes means every theme; no agencies means any agency."""

    themes: ThemeIds = Field(default_factory=list)
    agencies: AgencySectors = Field(default_factory=list)
    scopes: Scopes = Field(default_factory=lambda: [Scope.LOCAL, Scope.NATIONAL])


class RegisterTeam(TeamSubscriptions):
    """Register a team that receives briefings (an admin, or the coordinator of the team's board)."""

    code: TeamCode
    name: ShortText
    agency: Annotated[TeamAgency, Choice]
    board: BoardCode
    manager_email: RoleEmail
    team_email: RoleEmail


class ChangeTeamSubscriptions(TeamSubscriptions):
    """Replace a team's subscriptions (an admin, or the coordinator of the team's board)."""

    code: TeamCode
