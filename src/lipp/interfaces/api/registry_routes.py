"""Registry endpoints: boards, users and the caller's own identity."""

from fastapi import APIRouter, status

from lipp.application.views import BoardView, UserView
from lipp.commands.fields import Command, FreeText
from lipp.commands.registry import DeactivateUser, RegisterBoard, RegisterUser
from lipp.interfaces.api.dependencies import ActorDep, LippDep

router = APIRouter(tags=["registry"])


class DeactivationBody(Command):
    """Why the user stops acting."""

    reason: FreeText


@router.get("/me", operation_id="WhoAmI")
def me(actor: ActorDep, lipp: LippDep) -> UserView:
    """The user the presented token acts as."""
    return lipp.registry.user(actor.username)


@router.get("/boards", operation_id="ListBoards")
def boards(actor: ActorDep, lipp: LippDep) -> list[BoardView]:
    """Every board."""
    return lipp.registry.boards()


@router.post("/boards", status_code=status.HTTP_201_CREATED, operation_id="RegisterBoard")
def register_board(command: RegisterBoard, actor: ActorDep, lipp: LippDep) -> BoardView:
    """Register a board (admins only)."""
    return lipp.registry.register_board(actor, command)


@router.get("/users", operation_id="ListUsers")
def users(actor: ActorDep, lipp: LippDep) -> list[UserView]:
    """Every user (admins and coordinators)."""
    return lipp.registry.users(actor)


@router.post("/users", status_code=status.HTTP_201_CREATED, operation_id="RegisterUser")
def register_user(command: RegisterUser, actor: ActorDep, lipp: LippDep) -> UserView:
    """Register a user in a role (admins only)."""
    return lipp.registry.register_user(actor, command)


@router.post("/users/{username}/deactivation", operation_id="DeactivateUser")
def deactivate_user(username: str, body: DeactivationBody, actor: ActorDep, lipp: LippDep) -> UserView:
    """Stop a user from acting (admins only)."""
    return lipp.registry.deactivate_user(actor, DeactivateUser(username=username, reason=body.reason))
