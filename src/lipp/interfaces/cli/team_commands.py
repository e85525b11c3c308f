"""CLI commands for teams: register, list, show, and change what learning they receive."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from lipp.application.views import TeamView
from lipp.commands.registry import ChangeTeamSubscriptions, RegisterTeam
from lipp.interfaces.cli.common import Json, session_of, without_empty
from lipp.interfaces.cli.output import Limit, Offset, console, emit_json, emit_page, label, paging
from lipp.projections.paging import DEFAULT_LIMIT

teams = typer.Typer(help="Teams that receive briefings, and their subscriptions.", no_args_is_help=True)

Code = Annotated[str, typer.Argument(help="The team's code, e.g. NVL-CSC-EAST.")]
Themes = Annotated[
    list[str] | None, typer.Option("--theme", help="A national theme to receive (id or name); repeat. None: all.")
]
AboutAgencies = Annotated[
    list[str] | None,
    typer.Option("--about-agency", help="Receive learning concerning this agency; repeat. None: any agency."),
]
Scopes = Annotated[list[str] | None, typer.Option("--scope", help="local and/or national; repeat. Default: both.")]


@teams.command("add")
def add_team(
    ctx: typer.Context,
    code: Code,
    name: Annotated[str, typer.Option(help="The team's name.")],
    agency: Annotated[str, typer.Option(help="childrens_social_care, police, health, education, early_help, other.")],
    board: Annotated[str, typer.Option(help="The board (area) the team works in.")],
    manager_email: Annotated[str, typer.Option(help="The manager's role mailbox (escalations go there).")],
    team_email: Annotated[str, typer.Option(help="The team's shared mailbox (briefings go there).")],
    theme: Themes = None,
    about_agency: AboutAgencies = None,
    scope: Scopes = None,
    json: Json = False,
) -> None:
    """Register a team (admins, or the coordinator of its board)."""
    session = session_of(ctx)
    fields = {
        "code": code,
        "name": name,
        "agency": agency,
        "board": board,
        "manager_email": manager_email,
        "team_email": team_email,
        "themes": theme,
        "agencies": about_agency,
        "scopes": scope,
    }
    team = session.lipp.registry.register_team(session.actor(), RegisterTeam.model_validate(without_empty(fields)))
    if json:
        emit_json(team)
    else:
        console.print(f"Registered team [bold]{team.code}[/] ({label(team.agency)}, {team.board}).")
        print_subscriptions(team)


@teams.command("subscribe")
def subscribe(
    ctx: typer.Context,
    code: Code,
    theme: Themes = None,
    about_agency: AboutAgencies = None,
    scope: Scopes = None,
    json: Json = False,
) -> None:
    """Replace a team's subscriptions (admins, or the coordinator of its board)."""
    session = session_of(ctx)
    fields = {"code": code, "themes": theme, "agencies": about_agency, "scopes": scope}
    team = session.lipp.registry.change_subscriptions(
        session.actor(), ChangeTeamSubscriptions.model_validate(without_empty(fields))
    )
    if json:
        emit_json(team)
    else:
        console.print(f"Team [bold]{team.code}[/] now receives:")
        print_subscriptions(team)


@teams.command("list")
def list_teams(
    ctx: typer.Context,
    board: Annotated[str | None, typer.Option(help="Only this board's teams.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    json: Json = False,
) -> None:
    """List the teams you may see."""
    session = session_of(ctx)
    rows = session.lipp.registry.teams(session.actor(), board, paging(limit, offset))

    def table() -> Table:
        shown = Table("code", "name", "agency", "board", "themes", "scopes", title="Teams")
        for team in rows:
            shown.add_row(
                team.code,
                escape(team.name),
                label(team.agency),
                team.board,
                " ".join(team.themes) or "all",
                ", ".join(team.scopes),
            )
        return shown

    emit_page(rows, None if json else table, ("code", "board"))


@teams.command("show")
def show_team(ctx: typer.Context, code: Code, json: Json = False) -> None:
    """Show one team, its mailboxes and subscriptions."""
    session = session_of(ctx)
    team = session.lipp.registry.team(session.actor(), code)
    if json:
        emit_json(team)
        return
    console.print(f"[bold]{team.code}[/] {escape(team.name)} ({label(team.agency)}, {team.board})")
    console.print(f"  team mailbox: {escape(team.team_email)}\n  manager mailbox: {escape(team.manager_email)}")
    print_subscriptions(team)


def print_subscriptions(team: TeamView) -> None:
    console.print(f"  themes: {' '.join(team.themes) or 'every theme'}")
    console.print(f"  about agencies: {', '.join(label(a) for a in team.agencies) or 'any agency'}")
    console.print(f"  learning: {', '.join(team.scopes)}")
