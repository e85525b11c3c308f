"""Team endpoints: register teams, read them, change their subscriptions."""

from fastapi import APIRouter, status

from lipp.application.views import TeamView
from lipp.commands.registry import ChangeTeamSubscriptions, RegisterTeam, TeamSubscriptions
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.interfaces.api.paging import PagerDep

router = APIRouter(tags=["teams"])


@router.get("/teams", operation_id="ListTeams")
def teams(actor: ActorDep, lipp: LippDep, pager: PagerDep, board: str | None = None) -> list[TeamView]:
    """Teams the caller may see (admins and national bodies every team, a coordinator their board's), by code;
    a page at a time."""
    return pager.page(lipp.registry.teams(actor, board, pager.paging))


@router.post("/teams", status_code=status.HTTP_201_CREATED, operation_id="RegisterTeam")
def register_team(command: RegisterTeam, actor: ActorDep, lipp: LippDep) -> TeamView:
    """Register a team (admins, or the coordinator of its board)."""
    return lipp.registry.register_team(actor, command)


@router.get("/teams/{code}", operation_id="ShowTeam")
def team(code: str, actor: ActorDep, lipp: LippDep) -> TeamView:
    """One team, with its mailboxes and subscriptions."""
    return lipp.registry.team(actor, code)


@router.put("/teams/{code}/subscriptions", operation_id="ChangeTeamSubscriptions")
def subscribe(code: str, body: TeamSubscriptions, actor: ActorDep, lipp: LippDep) -> TeamView:
    """Replace the team's subscriptions (admins, or the coordinator of its board)."""
    command = ChangeTeamSubscriptions.model_validate({"code": code, **body.model_dump()})
    return lipp.registry.change_subscriptions(actor, command)
