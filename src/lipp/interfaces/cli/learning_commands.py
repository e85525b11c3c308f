"""CLI commands for the learning loop as a whole: its metrics, dispatching briefings, chasing deadlines."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from lipp.interfaces.cli.common import Json, as_date, session_of
from lipp.interfaces.cli.output import console, emit_json
from lipp.projections.learning.entries import LoopMetrics
from lipp.projections.learning.queries import Slice

learning = typer.Typer(help="The learning loop: metrics, dispatch and chasing.", no_args_is_help=True)
BAR = 30


@learning.command("metrics")
def metrics(
    ctx: typer.Context,
    board: Annotated[str | None, typer.Option(help="Only this board's teams.")] = None,
    agency: Annotated[str | None, typer.Option(help="Only teams of this agency.")] = None,
    theme: Annotated[str | None, typer.Option(help="Only briefings on this theme (id or name).")] = None,
    briefing: Annotated[str | None, typer.Option(help="Only this briefing.")] = None,
    from_date: Annotated[str | None, typer.Option("--from", help="Released from this date.")] = None,
    to_date: Annotated[str | None, typer.Option("--to", help="Released up to this date.")] = None,
    json: Json = False,
) -> None:
    """Reach, time to acknowledge, time to practice change and share verified."""
    session = session_of(ctx)
    part = Slice(
        board=board,
        agency=agency.strip().lower().replace(" ", "_").replace("-", "_") if agency else None,
        theme=theme,
        briefing=briefing.strip().lower() if briefing else None,
        from_date=as_date(from_date, "--from"),
        to_date=as_date(to_date, "--to"),
    )
    result = session.lipp.deliveries.metrics(session.actor(), part)
    if json:
        emit_json(result)
    else:
        print_metrics(result)


def _bar(share: float) -> str:
    filled = round(share * BAR)
    return "[green]" + "█" * filled + "[/][dim]" + "░" * (BAR - filled) + f"[/] {share:.0%}"


def _days(value: float | None) -> str:
    return "-" if value is None else f"{value:g} working days"


def print_metrics(result: LoopMetrics) -> None:
    table = Table(show_header=False, title=f"Learning loop: {result.slice}", title_justify="left")
    table.add_row("teams targeted", str(result.teams_targeted))
    table.add_row("reach (acknowledged)", _bar(result.reach) + f" ({result.acknowledged})")
    table.add_row("discussed", str(result.discussed))
    table.add_row("practice change reported", str(result.change_reported))
    table.add_row("verified", _bar(result.share_verified) + f" ({result.verified})")
    table.add_row("lapsed / bounced", f"{result.lapsed} / {result.bounced}")
    table.add_row("median time to acknowledge", _days(result.median_days_to_acknowledge))
    table.add_row("median time to practice change", _days(result.median_days_to_change))
    console.print(table)
