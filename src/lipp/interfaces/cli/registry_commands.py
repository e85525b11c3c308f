"""CLI commands for the registry: first admin, boards, users, and who the CLI acts as."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from lipp.commands.registry import DeactivateUser, RegisterBoard, RegisterUser
from lipp.commands.roles import ChangeRole
from lipp.commands.tokens import IssueToken
from lipp.interfaces.cli.common import Json, session_of
from lipp.interfaces.cli.credentials import Credential, save_credential
from lipp.interfaces.cli.output import Limit, Offset, console, emit_json, emit_page, label, paging
from lipp.interfaces.cli.session import NameNotTrusted
from lipp.projections.paging import DEFAULT_LIMIT

boards = typer.Typer(help="Safeguarding partnerships (boards).", no_args_is_help=True)
users = typer.Typer(help="Users and their roles.", no_args_is_help=True)


def setup(
    ctx: typer.Context, admin: Annotated[str, typer.Argument(help="Username of the first admin.")], json: Json = False
) -> None:
    """Create the lipp store (if need be) and its first admin, and act as them from now on (on a shared store,
    with a token saved in your own config file)."""
    session = session_of(ctx)
    session.creates_store = True
    user = session.lipp.registry.set_up_first_admin(admin)
    session.save_user(user.username)
    saved = ""
    if session.settings.is_shared:
        actor = session.lipp.registry.actor_for(user.username)
        issued = session.lipp.tokens.issue(actor, IssueToken(username=user.username, label="cli (setup)"))
        path = save_credential(session.store_address, Credential(username=user.username, token=issued.secret))
        saved = f" (their token is saved in {path}, readable by you only)"
    if json:
        emit_json(user)
    else:
        console.print(f"Created admin [bold]{user.username}[/]; the CLI now acts as them{escape(saved)}.")


def login(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="The user to act as.")],
    token: Annotated[
        str | None,
        typer.Option(help="On a shared store: your API token (when omitted it is asked for, or read from stdin)."),
    ] = None,
) -> None:
    """Act as USERNAME in later commands. On a single-user store the name is saved in the data folder; on a shared
    store you prove it with a token an admin issued you, saved in your own config file (mode 0600)."""
    session = session_of(ctx)
    if session.settings.is_shared:
        secret = token or _read_token()
        actor = session.lipp.tokens.actor_for_secret(secret)
        if actor.username != username.strip().lower():
            raise NameNotTrusted(f"that token is not {username}'s: log in with your own")
        path = save_credential(session.store_address, Credential(username=actor.username, token=secret))
        user = session.lipp.registry.user(actor.username)
        console.print(
            f"Now acting as [bold]{user.username}[/] ({label(user.role)}{', ' + user.board if user.board else ''}) "
            f"on this store; the token is saved in {escape(str(path))}."
        )
        return
    user = session.lipp.registry.user(username)
    session.acting_as = user.username
    session.actor()  # refuses deactivated users now rather than later
    session.save_user(user.username)
    console.print(
        f"Now acting as [bold]{user.username}[/] ({label(user.role)}{', ' + user.board if user.board else ''})."
    )


def _read_token() -> str:
    if sys.stdin.isatty():
        return str(typer.prompt("API token", hide_input=True)).strip()
    return sys.stdin.readline().strip()


def whoami(ctx: typer.Context, json: Json = False) -> None:
    """Show who the CLI acts as."""
    actor = session_of(ctx).actor()
    user = session_of(ctx).lipp.registry.user(actor.username)
    if json:
        emit_json(user)
    else:
        console.print(f"{user.username} ({label(user.role)}{', ' + user.board if user.board else ''})")


@boards.command("add")
def add_board(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="2 to 6 letters, used in review references.")],
    name: Annotated[str, typer.Option(help="The partnership's name.")],
    area: Annotated[str, typer.Option(help="The area it covers.")],
    json: Json = False,
) -> None:
    """Register a board (admins only)."""
    session = session_of(ctx)
    board = session.lipp.registry.register_board(session.actor(), RegisterBoard(code=code, name=name, area=area))
    if json:
        emit_json(board)
    else:
        console.print(f"Registered board [bold]{board.code}[/]: {escape(board.name)} ({escape(board.area)}).")


@boards.command("contact")
def set_contact(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="The board's code.")],
    email: Annotated[str, typer.Argument(help="The board's learning mailbox (escalations go there).")],
) -> None:
    """Set the board's learning mailbox (admins, or the board's coordinator)."""
    session = session_of(ctx)
    contact = session.lipp.registry.set_board_contact(session.actor(), code, email)
    console.print(f"Missed learning deadlines of {code.upper()} now escalate to {escape(contact)}.")


@boards.command("list")
def list_boards(ctx: typer.Context, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, json: Json = False) -> None:
    """List the boards, by code."""
    session = session_of(ctx)
    session.actor()  # any registered, active user may list boards
    rows = session.lipp.registry.boards(paging(limit, offset))

    def table() -> Table:
        shown = Table("code", "name", "area", title="Boards")
        for board in rows:
            shown.add_row(board.code, escape(board.name), escape(board.area))
        return shown

    emit_page(rows, None if json else table, ("code",))


@users.command("add")
def add_user(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument()],
    role: Annotated[str, typer.Option(help="admin, coordinator, lead_reviewer, national_body or team_member.")],
    board: Annotated[str | None, typer.Option(help="The board a coordinator acts for.")] = None,
    national_body: Annotated[
        str | None, typer.Option(help="The Alliance member a national body user acts for.")
    ] = None,
    team: Annotated[str | None, typer.Option(help="The team a team member belongs to.")] = None,
    json: Json = False,
) -> None:
    """Register a user in a role (admins only)."""
    session = session_of(ctx)
    fields = {"username": username, "role": role, "board": board, "national_body": national_body, "team": team}
    user = session.lipp.registry.register_user(session.actor(), RegisterUser.model_validate(fields))
    if json:
        emit_json(user)
    else:
        console.print(
            f"Registered [bold]{user.username}[/] as {label(user.role)}"
            f"{' of ' + belongs if (belongs := user.board or user.national_body or user.team) else ''}."
        )


@users.command("deactivate")
def deactivate_user(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument()],
    reason: Annotated[str, typer.Option(help="Why the user stops acting.")],
    json: Json = False,
) -> None:
    """Stop a user from acting (admins only)."""
    session = session_of(ctx)
    user = session.lipp.registry.deactivate_user(session.actor(), DeactivateUser(username=username, reason=reason))
    if json:
        emit_json(user)
    else:
        console.print(f"Deactivated [bold]{user.username}[/].")


@users.command("list")
def list_users(ctx: typer.Context, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, json: Json = False) -> None:
    """List the users, by username."""
    session = session_of(ctx)
    rows = session.lipp.registry.users(session.actor(), paging(limit, offset))

    def table() -> Table:
        shown = Table("username", "role", "board", "active", title="Users")
        for user in rows:
            shown.add_row(user.username, label(user.role), user.board or "-", "yes" if user.active else "no")
        return shown

    emit_page(rows, None if json else table, ("username", "board"))


@users.command("role")
def change_role(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument()],
    role: Annotated[str, typer.Option(help="admin, coordinator, lead_reviewer, national_body or team_member.")],
    board: Annotated[str | None, typer.Option(help="The board a coordinator acts for.")] = None,
    team: Annotated[str | None, typer.Option(help="The team a team member belongs to.")] = None,
    json: Json = False,
) -> None:
    """Give a user another role (admins only; the last active admin keeps theirs)."""
    session = session_of(ctx)
    command = ChangeRole.model_validate({"username": username, "role": role, "board": board, "team": team})
    changed = session.lipp.registry.change_role(session.actor(), command)
    user = session.lipp.registry.user(changed.username)
    if json:
        emit_json(user)
    else:
        console.print(
            f"[bold]{user.username}[/] is now {label(user.role)}{' of ' + b if (b := user.board or user.team) else ''}."
        )
