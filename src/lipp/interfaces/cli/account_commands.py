"""CLI commands for signing in to the web pages: set a password, invite by e-mail (admins)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from lipp.bootstrap import accounts_for
from lipp.domain.errors import InvalidInput
from lipp.interfaces.cli.common import session_of
from lipp.interfaces.cli.output import console
from lipp.interfaces.web.sessions import SessionStore


class NoTerminalForPassword(InvalidInput):
    """A password is typed at a terminal, or piped in with --stdin; never guessed from an empty input."""


def set_password(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="The user who signs in with it.")],
    stdin: Annotated[bool, typer.Option("--stdin", help="Read the password from standard input (scripts).")] = False,
) -> None:
    """Set USERNAME's password for the web pages (admins, or users their own); it unlocks a locked account."""
    session = session_of(ctx)
    actor = session.actor()
    if stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif sys.stdin.isatty():
        password = typer.prompt("New password", hide_input=True, confirmation_prompt=True)
    else:
        raise NoTerminalForPassword("no terminal to type the password at: pass --stdin and pipe it in")
    accounts = accounts_for(session.lipp)
    web = session.lipp.settings.web
    accounts.on_password_set.append(SessionStore(session.lipp.read_models, web).end_all_of)  # signed out everywhere
    accounts.set_password(actor, username, password)
    console.print(f"Set the password of [bold]{username.strip().lower()}[/]; they can sign in at /app/sign-in.")


def invite(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="A registered user.")],
    email: Annotated[str, typer.Option(help="Their e-mail address: the link goes there, and they sign in with it.")],
) -> None:
    """E-mail a registered user a one-time link to choose their password (admins only)."""
    session = session_of(ctx)
    accounts_for(session.lipp).invite(session.actor(), username, email)
    console.print(f"Invited [bold]{username.strip().lower()}[/]: the link is in the outbox for {email}.")


def add_to(group: typer.Typer) -> None:
    """Add these commands to the `user` group."""
    group.command("password")(set_password)
    group.command("invite")(invite)
