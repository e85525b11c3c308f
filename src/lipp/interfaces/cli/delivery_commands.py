"""CLI commands for deliveries: what a team records, what the board verifies."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from lipp.application.learning_views import DeliveryReceipt
from lipp.commands.learning import (
    AcknowledgeDelivery,
    RecordDiscussion,
    ReportPracticeChange,
    VerifyPracticeChange,
)
from lipp.interfaces.cli.common import Json, On, as_date, session_of
from lipp.interfaces.cli.output import Limit, Offset, console, emit_json, emit_page, label, paging
from lipp.projections.paging import DEFAULT_LIMIT

deliveries = typer.Typer(help="Briefings as each team received them.", no_args_is_help=True)
Code = Annotated[str, typer.Argument(help="The delivery's code from its e-mail, e.g. K7Q2M-9XDPR.")]


@deliveries.command("list")
def list_deliveries(
    ctx: typer.Context,
    briefing: Annotated[str | None, typer.Option(help="Only this briefing's deliveries.")] = None,
    state: Annotated[str | None, typer.Option(help="Only deliveries in this state.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    json: Json = False,
) -> None:
    """Deliveries you may see: your team's, or your board's teams'."""
    session = session_of(ctx)
    rows = session.lipp.deliveries.deliveries(session.actor(), briefing, state, paging(limit, offset))

    def table() -> Table:
        shown = Table("code", "briefing", "team", "state", "since", "reminders", "escalations", title="Deliveries")
        for row in rows:
            shown.add_row(
                row.code,
                row.briefing,
                row.team,
                label(row.state),
                str(row.owed_since),
                str(row.reminders),
                str(row.escalations),
            )
        return shown

    emit_page(rows, None if json else table, ("code", "briefing", "team"))


@deliveries.command("show")
def show(ctx: typer.Context, code: Code, json: Json = False) -> None:
    """One delivery: where it stands, what is owed by when, and its history."""
    session = session_of(ctx)
    view = session.lipp.learning.delivery(session.actor(), code)
    if json:
        emit_json(view)
        return
    console.print(f"[bold]{view.code}[/] {view.briefing} to {view.team} ({view.board}): {label(view.state)}")
    if view.owed:
        console.print(f"  next: {label(view.owed)} by {view.due_on}")
    for entry in view.history:
        console.print(f"  {entry.recorded_at:%Y-%m-%d %H:%M} {escape(entry.what)}")


@deliveries.command("acknowledge")
def acknowledge(ctx: typer.Context, code: Code, json: Json = False) -> None:
    """Acknowledge a briefing your team received (a second time changes nothing)."""
    session = session_of(ctx)
    _receipt(session.lipp.learning.acknowledge(session.actor(), AcknowledgeDelivery(code=code)), json)


@deliveries.command("discuss")
def discuss(
    ctx: typer.Context,
    code: Code,
    reflections: Annotated[str, typer.Option(help="What the team reflected (no names or identifying details).")],
    on: On = None,
    json: Json = False,
) -> None:
    """Record that the team used the briefing, with its reflections."""
    session = session_of(ctx)
    command = RecordDiscussion(code=code, reflections=reflections, on=as_date(on, "--on"))
    _receipt(session.lipp.learning.record_discussion(session.actor(), command), json)


@deliveries.command("report-change")
def report_change(
    ctx: typer.Context,
    code: Code,
    what_changed: Annotated[str, typer.Option(help="What changed in the team's practice.")],
    audit_reference: Annotated[str, typer.Option(help="An audit that shows it, if any.")] = "",
    on: On = None,
    json: Json = False,
) -> None:
    """Report what changed in practice."""
    session = session_of(ctx)
    command = ReportPracticeChange(
        code=code, what_changed=what_changed, audit_reference=audit_reference, on=as_date(on, "--on")
    )
    _receipt(session.lipp.learning.report_change(session.actor(), command), json)


@deliveries.command("verify")
def verify(
    ctx: typer.Context,
    code: Code,
    note: Annotated[str, typer.Option(help="How the change was verified.")] = "",
    on: On = None,
    json: Json = False,
) -> None:
    """Verify a team's reported change (the coordinator of its board)."""
    session = session_of(ctx)
    command = VerifyPracticeChange(code=code, note=note, on=as_date(on, "--on"))
    _receipt(session.lipp.learning.verify(session.actor(), command), json)


def _receipt(receipt: DeliveryReceipt, json: bool) -> None:
    if json:
        emit_json(receipt)
    else:
        style = "green" if receipt.changed else "yellow"
        console.print(f"[{style}]{receipt.message}[/] ({receipt.code}, {receipt.briefing}: {label(receipt.state)}).")
