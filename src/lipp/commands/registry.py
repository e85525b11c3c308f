"""Commands that manage the registry of boards and users."""

from __future__ import annotations

from typing import Annotated

from pydantic import model_validator

from lipp.commands.fields import BoardCode, Choice, Command, FreeText, ShortText, Username
from lipp.domain.actors import Role


class RegisterBoard(Command):
    """Register a safeguarding partnership (board) with a short code."""

    code: BoardCode
    name: ShortText
    area: ShortText


class RegisterUser(Command):
    """Register a user in one role; a coordinator names their board."""

    username: Username
    role: Annotated[Role, Choice]
    board: BoardCode | None = None
    national_body: BoardCode | None = None

    @model_validator(mode="after")
    def coordinator_names_a_board(self) -> RegisterUser:
        if self.role is Role.COORDINATOR and self.board is None:
            raise ValueError("a coordinator needs a board (give its code)")
        if self.role is not Role.COORDINATOR and self.board is not None:
            raise ValueError(f"a {self.role.value.replace('_', ' ')} is not tied to a board")
        if self.national_body is not None and self.role is not Role.NATIONAL_BODY:
            raise ValueError("only a national body user belongs to a national body")
        if self.role is Role.SYSTEM:
            raise ValueError("the system role is lipp's own")
        return self


class DeactivateUser(Command):
    """Stop a user from acting; their past events keep their name."""

    username: Username
    reason: FreeText
