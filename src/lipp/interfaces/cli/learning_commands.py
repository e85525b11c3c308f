"""CLI commands for the learning loop as a whole: its metrics, dispatching briefings, chasing deadlines."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from lipp.application.learning_post import LearningPost, SendSummary, released_keys
from lipp.interfaces.cli.common import Json, as_date, session_of
from lipp.interfaces.cli.output import console, emit_json, show_table
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
    show_table(table)


@learning.command("dispatch")
def dispatch(
    ctx: typer.Context,
    key: Annotated[
        str | None, typer.Argument(help="A released briefing; every released briefing when omitted.")
    ] = None,
    json: Json = False,
) -> None:
    """Send released briefings to their teams (SMTP when configured, else .eml files in the outbox folder).
    Safe to run again: nothing is sent twice, and what a run cut short left is sent."""
    session = session_of(ctx)
    session.actor()  # any registered user may run the post; what it sends was released by its owner
    post = session.lipp.learning_post()
    keys = [key] if key else released_keys(session.lipp.learning)
    dispatched = sum(post.queue_briefing(k) for k in keys)
    summary = _send(post, json)
    if json:
        emit_json({"dispatched": dispatched, **vars(summary)})
    else:
        console.print(
            f"Dispatched {dispatched} deliver{'y' if dispatched == 1 else 'ies'}; sent {summary.sent} e-mail(s), "
            f"{summary.delivered} recorded delivered, {summary.bounced} bounced, {summary.retrying} to retry, "
            f"{summary.failed} given up."
        )
        if session.settings.smtp is None:
            console.print(f"No SMTP server is configured: the e-mails are in {session.settings.outbox_dir}/")


@learning.command("chase")
def chase(ctx: typer.Context, json: Json = False) -> None:
    """Chase missed deadlines: remind teams, escalate to managers then boards, lapse (daily, in a flow)."""
    session = session_of(ctx)
    session.actor()
    post = session.lipp.learning_post()
    chased = post.chase()
    summary = _send(post, json)
    if json:
        emit_json({**vars(chased), "sent": summary.sent})
    else:
        console.print(
            f"{chased.reminders} reminder(s), {chased.escalations} escalation(s), {chased.lapsed} lapsed; "
            f"sent {summary.sent} e-mail(s)."
        )
        if chased.unaddressed:
            console.print(
                f"[yellow]{chased.unaddressed} escalation(s) to a board without a learning mailbox[/] "
                "('lipp board contact CODE EMAIL')."
            )


def _send(post: LearningPost, quiet: bool) -> SendSummary:
    if quiet:
        return post.send()
    columns = (TextColumn("Sending"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("send", total=None)
        return post.send(progress=lambda n: progress.advance(task, n))
