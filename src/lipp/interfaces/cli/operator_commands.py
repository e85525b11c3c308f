"""Commands for an operator who holds the store itself: preparing it, and recovering an admin (never over HTTP)."""

from __future__ import annotations

import getpass
import socket
from typing import Annotated

import typer

from lipp.commands.roles import RecoverAdmin
from lipp.commands.tokens import IssueToken
from lipp.interfaces.cli.common import Json, session_of
from lipp.interfaces.cli.output import console, emit_json
from lipp.store import address_of

store = typer.Typer(help="The store itself: for operators.", no_args_is_help=True)
admin = typer.Typer(help="Recovering administration: for an operator who holds the database.", no_args_is_help=True)


@store.command("prepare")
def prepare(ctx: typer.Context) -> None:
    """Create every table lipp needs (events, read models, the outbox), once: the deploy step before any API
    or worker starts, and after upgrading lipp. Safe to run again; concurrent runs take turns."""
    session = session_of(ctx)
    session.creates_store = True
    session.lipp  # noqa: B018 - building with creation allowed makes every missing table
    console.print(f"The lipp store at {address_of(session.settings)} is ready.")


def operator_name() -> str:
    """The operating-system account running this command, and the machine, as recorded with a recovery."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a bare container): record the uid
        import os

        user = f"uid {os.getuid()}"
    return f"{user}@{socket.gethostname()}"


@admin.command("recover")
def recover(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="The user to make an active admin (registered if unknown).")],
    reason: Annotated[str, typer.Option(help="Why: recorded with the operating-system account that ran it.")],
    json: Json = False,
) -> None:
    """Make USERNAME an active admin again when no admin can act. It needs the store itself (the data folder or
    the database's credentials) and no lipp user; it is recorded as an event naming the operator and why."""
    session = session_of(ctx)
    operator = operator_name()
    user = session.lipp.registry.recover_admin(RecoverAdmin(username=username, reason=reason), operator)
    view = session.lipp.registry.user(user.username)
    secret = None
    if session.settings.is_shared:  # no one could issue them a token: the recovery does, shown once
        issued = session.lipp.tokens.issue(user.as_actor(), IssueToken(username=view.username, label="recovery"))
        secret = issued.secret
    if json:
        emit_json({"user": view.model_dump(mode="json"), "operator": operator, "token": secret})
        return
    console.print(f"[bold]{view.username}[/] is an active admin again (recorded as recovered by {operator}).")
    if secret is not None:
        console.print(f"Their token, shown once (they run 'lipp login {view.username}' with it):")
        print(secret)
