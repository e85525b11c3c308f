"""CLI commands for national theme digests: run the flow, list, show and rebuild issued digests."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from lipp.application.digests import RebuiltDigestDiffers
from lipp.digest import files
from lipp.flow_runs import run_flow
from lipp.interfaces.cli.common import Json, as_date, session_of
from lipp.interfaces.cli.output import Limit, Offset, console, emit_json, emit_page, paging
from lipp.projections.paging import DEFAULT_LIMIT

digests = typer.Typer(help="National theme digests.", no_args_is_help=True)


@digests.command("run")
def run(
    ctx: typer.Context,
    period_from: Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD).")] = None,
    period_to: Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD).")] = None,
    deliver: Annotated[bool, typer.Option("--deliver/--no-deliver", help="E-mail subscribed bodies.")] = True,
    json: Json = False,
) -> None:
    """Run the national digest flow (the last complete quarter by default) and print where it is."""
    session = session_of(ctx)
    actor = session.actor()
    session.lipp.digests.catch_up(actor)  # refuses those who may not run digests before Prefect starts
    start, end = as_date(period_from, "--from"), as_date(period_to, "--to")
    with console.status("Running the national digest flow (Prefect's local server takes a few seconds to start)…"):
        digest_id = run_flow(
            session.lipp, period_from=start, period_to=end, deliver=deliver, requested_by=actor.username
        )
    view = session.lipp.digests.digest(actor, digest_id)
    html = files.folder_of(session.settings.data_dir, view.id) / files.NAMES["html"]
    if json:
        emit_json({"digest": view, "html": str(html)})
        return
    console.print(f"Issued the national theme digest {view.label} ([bold]{view.id}[/]).")
    console.print(f"Open {html}")


@digests.command("list")
def list_digests(ctx: typer.Context, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, json: Json = False) -> None:
    """List issued digests, newest period first."""
    session = session_of(ctx)
    rows = session.lipp.digests.digests(session.actor(), paging(limit, offset))

    def table() -> Table:
        shown = Table("id", "period", "issued on", "position", "content hash", title="National theme digests")
        for row in rows:
            shown.add_row(str(row.id), row.label, str(row.issued_on), str(row.position), row.content_hash[:16])
        return shown

    emit_page(rows, None if json else table, ("id",))


@digests.command("show")
def show(
    ctx: typer.Context, digest_id: Annotated[str, typer.Argument(help="The digest's id.")], json: Json = False
) -> None:
    """Show what a digest was built from and where its files are."""
    session = session_of(ctx)
    view = session.lipp.digests.digest(session.actor(), digest_id)
    folder = files.folder_of(session.settings.data_dir, view.id)
    if json:
        emit_json({"digest": view, "files": {k: str(folder / n) for k, n in files.NAMES.items()}})
        return
    console.print(f"[bold]{view.label}[/] ({view.period_from} to {view.period_to}), issued on {view.issued_on}")
    console.print(
        f"  built from log position {view.position}; themes v{view.themes_version}, "
        f"patterns v{view.patterns_version}, markers v{view.markers_version}"
    )
    console.print(f"  content hash {view.content_hash}")
    for name in files.NAMES.values():
        console.print(f"  {folder / name}")


@digests.command("rebuild")
def rebuild(
    ctx: typer.Context,
    digest_id: Annotated[str, typer.Argument(help="The digest's id.")],
    check: Annotated[bool, typer.Option("--check", help="Only compare with the files on disk; write nothing.")] = False,
) -> None:
    """Compute an issued digest again from the history up to its position; it must match byte for byte."""
    session = session_of(ctx)
    view, computed = session.lipp.digests.rebuild(session.actor(), digest_id)
    folder = files.folder_of(session.settings.data_dir, view.id)
    if computed.rendered.content_hash != view.content_hash:
        raise RebuiltDigestDiffers(
            f"digest {view.id} rebuilt with content hash {computed.rendered.content_hash}, "
            f"not the {view.content_hash} it was issued with"
        )
    if check:
        differing = files.differences(folder, computed.rendered)
        if differing:
            raise RebuiltDigestDiffers(f"the files of digest {view.id} differ from its rebuild: {', '.join(differing)}")
        console.print(f"Digest {view.id} rebuilds byte for byte (content hash {view.content_hash[:16]}…).")
        return
    files.write(folder, computed.rendered)
    console.print(f"Rebuilt digest {view.id} byte for byte into {folder}")
