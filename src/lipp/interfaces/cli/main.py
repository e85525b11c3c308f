"""The `lipp` command: global options, sub-command groups, and the one place errors become messages."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from typer._click.exceptions import NoArgsIsHelpError, UsageError  # typer vendors click

from lipp.config import Settings
from lipp.interfaces.cli import (
    account_commands,
    alliance_commands,
    briefing_commands,
    delivery_commands,
    demo_command,
    digest_commands,
    finding_commands,
    learning_commands,
    marker_commands,
    operator_commands,
    outbox_commands,
    projection_commands,
    reference_commands,
    registry_commands,
    review_commands,
    reviewer_commands,
    schema_commands,
    team_commands,
    token_commands,
)
from lipp.interfaces.cli.output import errors
from lipp.interfaces.cli.session import Session
from lipp.interfaces.errors import EXIT_BAD_USAGE, refusal_for

app = typer.Typer(
    name="lipp",
    help="Learning into Practice Platform: safeguarding practice reviews as events.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(registry_commands.boards, name="board")
app.add_typer(registry_commands.users, name="user")
account_commands.add_to(registry_commands.users)
app.add_typer(alliance_commands.alliance, name="alliance")
app.add_typer(digest_commands.digests, name="digest")
app.add_typer(team_commands.teams, name="team")
app.add_typer(briefing_commands.briefings, name="briefing")
app.add_typer(delivery_commands.deliveries, name="delivery")
app.add_typer(learning_commands.learning, name="learning")
app.add_typer(review_commands.reviews, name="review")
app.add_typer(finding_commands.findings, name="finding")
app.add_typer(marker_commands.markers, name="marker")
app.add_typer(reviewer_commands.reviewers, name="reviewer")
app.add_typer(reference_commands.reference, name="reference")
app.add_typer(reference_commands.redaction, name="redaction")
app.command("setup")(registry_commands.setup)
app.command("login")(registry_commands.login)
app.command("whoami")(registry_commands.whoami)
app.command("demo")(demo_command.demo)
app.add_typer(schema_commands.schemas, name="schemas")
app.add_typer(projection_commands.projections, name="projections")
app.add_typer(outbox_commands.outbox, name="outbox")
app.add_typer(token_commands.tokens, name="token")
app.command("serve")(token_commands.serve)
app.add_typer(operator_commands.store, name="store")
app.add_typer(operator_commands.admin, name="admin")


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


# Command fields whose CLI option reads differently; the rest are `--field-name`.
OPTION_FOR_FIELD = {
    "case_reference": "--case",
    "incident_kind": "--incident",
    "agencies": "--agency",
    "key_lines_of_enquiry": "--line",
    "board_response": "--response",
    "improvement_information": "--improvement-info",
    "reference": "REFERENCE",
    "username": "USERNAME",
    "code": "CODE",
    "digest_email": "--email",
    "digest_subscribed": "--digest",
    "due_on": "--due",
    "action": "ACTION",
}


class _OptionNames(dict[str, str]):
    def __missing__(self, field: str) -> str:
        return "--" + field.replace("_", "-")


def main(argv: list[str] | None = None) -> None:
    """Run the CLI (on `argv`, else the command line); a refused command prints one line and exits 1 (2 for bad
    usage), never a traceback."""
    try:
        outcome = app(args=argv, standalone_mode=False)
    except NoArgsIsHelpError as error:
        error.show()  # a bare group: its help is the answer
        sys.exit(EXIT_BAD_USAGE)
    except UsageError as error:
        hint = f" (see '{error.ctx.command_path} --help')" if error.ctx else ""
        errors.print(f"[bold red]error:[/] {escape(error.format_message() + hint)}", soft_wrap=True)
        sys.exit(EXIT_BAD_USAGE)
    except typer.TyperException as error:
        errors.print(f"[bold red]error:[/] {escape(error.format_message())}", soft_wrap=True)
        sys.exit(error.exit_code)
    except typer.Abort:
        errors.print("aborted")
        sys.exit(130)
    except Exception as error:  # the single boundary where every error becomes one readable line
        refusal = refusal_for(error, _OptionNames(OPTION_FOR_FIELD))
        if refusal is not None:
            errors.print(f"[bold red]error:[/] {escape(refusal.message)}", soft_wrap=True)
            sys.exit(refusal.exit_code)
        if os.environ.get("LIPP_DEBUG"):
            traceback.print_exc()
        errors.print(
            f"[bold red]internal error:[/] {escape(f'{type(error).__name__}: {error}')} (set LIPP_DEBUG=1 for details)",
            soft_wrap=True,
        )
        sys.exit(3)
    sys.exit(outcome if isinstance(outcome, int) else 0)
