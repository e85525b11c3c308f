"""Commands that change who administers lipp: a user's role, and an operator's recovery of an admin."""

from __future__ import annotations

from typing import Annotated

from pydantic import model_validator

from lipp.commands.fields import BoardCode, Choice, Command, FreeText, TeamCode, Username
from lipp.domain.actors import Role


class ChangeRole(Command):
    """Give a user another role; a coordinator names their board, a team member their team."""

    username: Username
    role: Annotated[Role, Choice]
    board: BoardCode | None = None
    team: TeamCode | None = None

    @model_validator(mode="after")
    def role_names_what_it_needs(self) -> ChangeRole:
        if self.role is Role.SYSTEM:
            raise ValueError("the system role is lipp's own")
        if (self.role is Role.COORDINATOR) != (self.board is not None):
            raise ValueError("a coordinator, and only a coordinator, names a board")
        if (self.role is Role.TEAM_MEMBER) != (self.team is not None):
            raise ValueError("a team member, and only a team member, names a team")
        return self


class RecoverAdmin(Command):
    """Make a user an active admin again, by an operator holding the database (never over HTTP)."""

    username: Username
    reason: FreeText
