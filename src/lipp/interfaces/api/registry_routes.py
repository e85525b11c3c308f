"""Registry endpoints: boards, users and the caller's own identity."""

from typing import Annotated

from fastapi import APIRouter, status

from lipp.application.views import BoardView, UserView
from lipp.commands.fields import BoardCode, Choice, Command, FreeText, TeamCode
from lipp.commands.registry import DeactivateUser, RegisterBoard, RegisterUser
from lipp.commands.roles import ChangeRole
from lipp.domain.actors import Role
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.interfaces.api.paging import PagerDep

router = APIRouter(tags=["registry"])


class DeactivationBody(Command):
    """Why the user stops acting."""

    reason: FreeText


@router.get("/me", operation_id="WhoAmI")
def me(actor: ActorDep, lipp: LippDep) -> UserView:
    """The user the presented token acts as."""
    return lipp.registry.user(actor.username)


@router.get("/boards", operation_id="ListBoards")
def boards(actor: ActorDep, lipp: LippDep, pager: PagerDep) -> list[BoardView]:
    """Every board, by code; a page at a time (`X-Total-Count` and `Link` say where it stands)."""
    return pager.page(lipp.registry.boards(pager.paging))


@router.post("/boards", status_code=status.HTTP_201_CREATED, operation_id="RegisterBoard")
def register_board(command: RegisterBoard, actor: ActorDep, lipp: LippDep) -> BoardView:
    """Register a board (admins only)."""
    return lipp.registry.register_board(actor, command)


@router.get("/users", operation_id="ListUsers")
def users(actor: ActorDep, lipp: LippDep, pager: PagerDep) -> list[UserView]:
    """Every user by username (admins and coordinators); a page at a time."""
    return pager.page(lipp.registry.users(actor, pager.paging))


@router.post("/users", status_code=status.HTTP_201_CREATED, operation_id="RegisterUser")
def register_user(command: RegisterUser, actor: ActorDep, lipp: LippDep) -> UserView:
    """Register a user in a role (admins only)."""
    return lipp.registry.register_user(actor, command)


@router.post("/users/{username}/deactivation", operation_id="DeactivateUser")
def deactivate_user(username: str, body: DeactivationBody, actor: ActorDep, lipp: LippDep) -> UserView:
    """Stop a user from acting (admins only)."""
    return lipp.registry.deactivate_user(actor, DeactivateUser(username=username, reason=body.reason))


class RoleBody(Command):
    """The user's new role, with the board a coordinator acts for or the team a team member belongs to."""

    role: Annotated[Role, Choice]
    board: BoardCode | None = None
    team: TeamCode | None = None


@router.put("/users/{username}/role", operation_id="ChangeRole")
def change_role(username: str, body: RoleBody, actor: ActorDep, lipp: LippDep) -> UserView:
    """Give a user another role (admins only); the last active admin keeps theirs (409)."""
    command = ChangeRole.model_validate({"username": username, **body.model_dump()})
    return lipp.registry.user(lipp.registry.change_role(actor, command).username)
