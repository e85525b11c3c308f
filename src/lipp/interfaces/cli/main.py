"""The `lipp` command: global options, sub-command groups, and the one place errors become messages."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

# Plain help (as click prints it) unless asked otherwise: drawing it with rich costs more than the rest of
# `lipp --help` together. Set before typer is imported, as typer reads it then.
os.environ.setdefault("TYPER_USE_RICH", "0")

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError

from lipp.interfaces.cli.lazy import LazyGroup

EXIT_BAD_USAGE = 2  # lipp.interfaces.errors says so too; not imported here, as it brings pydantic

app = typer.Typer(
    name="lipp",
    cls=LazyGroup,  # the groups and commands are listed in lipp.interfaces.cli.lazy and imported when run
    help="Learning into Practice Platform: safeguarding practice reviews as events.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def options(
    ctx: typer.Context,
    acting_as: Annotated[str | None, typer.Option("--as", help="Act as this user for this command.")] = None,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="Data folder (default: LIPP_DATA_DIR).")] = None,
    database_url: Annotated[str | None, typer.Option("--database-url", help="sqlite:///file or postgresql://…")] = None,
) -> None:
    from lipp.config import Settings
    from lipp.interfaces.cli.session import Session

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
    except Exception as error:  # the single boundary where every error becomes one readable line
        _report(error)
    sys.exit(outcome if isinstance(outcome, int) else 0)


def _report(error: Exception) -> None:
    """Tell the user about `error` in one line on stderr, and exit with its code."""
    import traceback

    from rich.markup import escape

    from lipp.interfaces.cli.output import errors
    from lipp.interfaces.errors import refusal_for

    try:
        raise error
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
