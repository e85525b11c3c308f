"""`lipp projections`: where each read model stands, catching up, following, and rebuilding from history."""

from __future__ import annotations

import threading
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from lipp.interfaces.cli.common import session_of
from lipp.interfaces.cli.output import console, emit_json, errors, show_table
from lipp.interfaces.cli.session import Session
from lipp.projections.faults import ProjectionStuck
from lipp.projections.follow import follow as follow_log
from lipp.projections.projection import Projection
from lipp.projections.runner import ProjectionStatus

projections = typer.Typer(help="Read models: their position in the log, catching up and rebuilding.")

Only = Annotated[list[str] | None, typer.Argument(help="Projection names; all of them if omitted.")]
BatchSize = Annotated[int | None, typer.Option("--batch-size", min=1, help="Notifications per transaction.")]


def _chosen(session: Session, names: list[str] | None) -> list[Projection]:
    known = {p.name: p for p in session.lipp.projections}
    unknown = sorted(set(names or ()) - set(known))
    if unknown:
        raise typer.BadParameter(f"unknown projection {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    return [known[name] for name in names] if names else list(known.values())


@projections.command("status")
def status(ctx: typer.Context, names: Only = None, json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Each projection's position, the log's last notification id, and the lag between."""
    session = session_of(ctx)
    found = [session.lipp.runner.status(p) for p in _chosen(session, names)]
    if json:
        emit_json({s.name: _state(s) for s in found})
        return
    table = Table("projection", "version", "position", "log end", "lag", "state", title="Projections")
    for s in found:
        position = "not built" if s.position is None else str(s.position)
        lag = f"[yellow]{s.lag}[/]" if s.lag else "[green]0[/]"
        state = "[green]ok[/]" if s.stuck is None else f"[bold red]stuck[/] at {s.stuck.notification_id}"
        table.add_row(s.name, str(s.version), position, str(s.log_end), lag, state)
    show_table(table)
    for s in found:
        if s.stuck is not None:
            errors.print(f"{s.stuck.describe(s.name)}. See Troubleshooting in the README.", soft_wrap=True)


def _state(s: ProjectionStatus) -> dict[str, object]:
    """Position and lag; and, only for a stuck projection, the event it stopped at and why."""
    state: dict[str, object] = {"version": s.version, "position": s.position, "log_end": s.log_end, "lag": s.lag}
    if s.stuck is not None:
        state["stuck"] = vars(s.stuck)
    return state


@projections.command("catch-up")
def catch_up(ctx: typer.Context, names: Only = None, batch_size: BatchSize = None) -> None:
    """Apply every event recorded since each projection's position (a new projection backfills everything),
    reading the log once for all of them."""
    session = session_of(ctx)
    chosen = _chosen(session, names)
    applied = session.lipp.runner.catch_up_all(chosen, batch_size=batch_size)
    for name, count in applied.items():
        console.print(f"{name}: applied {count} events")
    stuck = [s.stuck.describe(s.name) for s in map(session.lipp.runner.status, chosen) if s.stuck is not None]
    if stuck:
        raise ProjectionStuck("; ".join(stuck) + ". The other projections caught up; see Troubleshooting in the README")


@projections.command("skip")
def skip(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The stuck projection.")],
    notification: Annotated[int, typer.Argument(min=1, help="The notification id it is stuck on.")],
) -> None:
    """Move a stuck projection past the one event it cannot apply, then catch it up. The event stays in the
    log; only this read model goes without it (until a rebuild with a lipp that can apply it)."""
    session = session_of(ctx)
    (projection,) = _chosen(session, [name])
    session.lipp.runner.skip(projection, notification)
    console.print(f"{name}: skipped notification {notification}")
    catch_up(ctx, [name], None)


@projections.command("rebuild")
def rebuild(ctx: typer.Context, names: Only = None, batch_size: BatchSize = None) -> None:
    """Rebuild the read models from the whole history in one pass over the log, with a progress bar.

    They are built into shadow tables and swapped in at the end: readers see the old tables until then, and
    an interrupted rebuild carries on where it stopped when run again."""
    session = session_of(ctx)
    runner = session.lipp.runner
    if batch_size:
        runner.rebuild_batch_size = batch_size
    chosen = _chosen(session, names)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console) as bar:
        task = bar.add_task(", ".join(p.name for p in chosen), total=None)

        def advance(position: int, end: int) -> None:
            bar.update(task, completed=position, total=end)

        applied = runner.rebuild_all(chosen, advance)
        end = runner.recorder.max_notification_id() or 0
        bar.update(task, completed=end, total=end)
    for name, count in applied.items():
        console.print(f"{name}: rebuilt from {count} events")


@projections.command("follow")
def follow(
    ctx: typer.Context,
    names: Only = None,
    interval: Annotated[
        float, typer.Option(min=0.05, help="Seconds between polls (SQLite; a fallback on PostgreSQL).")
    ] = 0.5,
) -> None:
    """Keep the read models up to date as events are recorded, until interrupted (Ctrl-C)."""
    session = session_of(ctx)
    chosen = _chosen(session, names)
    stop = threading.Event()
    console.print(f"following {', '.join(p.name for p in chosen)}; Ctrl-C to stop")
    try:
        follow_log(
            session.lipp.runner,
            chosen,
            stop,
            interval=interval,
            applied=lambda name, count: console.print(f"{name}: applied {count} events"),
        )
    except KeyboardInterrupt:
        stop.set()
