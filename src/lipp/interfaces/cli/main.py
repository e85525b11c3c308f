"""The `lipp` command: global options, sub-command groups, and the one place errors become messages."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from lipp.config import Settings
from lipp.interfaces.cli import (
    demo_command,
    projection_commands,
    registry_commands,
    review_commands,
    schema_commands,
)
from lipp.interfaces.cli.output import errors
from lipp.interfaces.cli.session import Session
from lipp.interfaces.errors import refusal_for

app = typer.Typer(
    name="lipp",
    help="Learning into Practice Platform: safeguarding practice reviews as events.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(registry_commands.boards, name="board")
app.add_typer(registry_commands.users, name="user")
app.add_typer(review_commands.reviews, name="review")
app.command("setup")(registry_commands.setup)
app.command("login")(registry_commands.login)
app.command("whoami")(registry_commands.whoami)
app.command("demo")(demo_command.demo)
app.add_typer(schema_commands.schemas, name="schemas")
app.add_typer(projection_commands.projections, name="projections")


@app.callback()
def options(
    ctx: typer.Context,
    acting_as: Annotated[str | None, typer.Option("--as", help="Act as this user for this command.")] = None,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="Data folder (default: LIPP_DATA_DIR).")] = None,
    database_url: Annotated[str | None, typer.Option("--database-url", help="sqlite:///file or postgresql://…")] = None,
) -> None:
    overrides = {k: v for k, v in {"data_dir": data_dir, "database_url": database_url}.items() if v is not None}
    session = Session(settings=Settings(**overrides), acting_as=acting_as)  # type: ignore[arg-type]
    ctx.obj = session
    ctx.call_on_close(session.close)


def main() -> None:
    """Run the CLI; a refused command prints one line and exits 1 (2 for bad usage), never a traceback."""
    try:
        app(standalone_mode=True)
    except Exception as error:  # the single boundary where every error becomes one readable line
        refusal = refusal_for(error)
        if refusal is not None:
            errors.print(f"[bold red]error:[/] {refusal.message}")
            sys.exit(refusal.exit_code)
        if os.environ.get("LIPP_DEBUG"):
            traceback.print_exc()
        errors.print(f"[bold red]internal error:[/] {type(error).__name__}: {error} (set LIPP_DEBUG=1 for details)")
        sys.exit(3)
