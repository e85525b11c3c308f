"""CLI commands for API tokens (admins only) and for serving the HTTP API."""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from lipp.bootstrap import open_store
from lipp.commands.tokens import IssueToken, RevokeToken
from lipp.interfaces.cli.common import Json, session_of
from lipp.interfaces.cli.output import Limit, Offset, console, emit_json, emit_page, paging
from lipp.projections.paging import DEFAULT_LIMIT

tokens = typer.Typer(help="API tokens for the HTTP API.", no_args_is_help=True)


@tokens.command("issue")
def issue(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="The user the token acts as.")],
    label: Annotated[str, typer.Option(help="What the token is for, e.g. the calling system.")],
    json: Json = False,
) -> None:
    """Issue a token; its secret is shown now and never again."""
    session = session_of(ctx)
    issued = session.lipp.tokens.issue(session.actor(), IssueToken(username=username, label=label))
    if json:
        emit_json(issued)
        return
    console.print(
        f"Token [bold]{issued.token_id}[/] for {issued.username} ({escape(issued.label)}). Secret, shown once:"
    )
    print(issued.secret)


@tokens.command("revoke")
def revoke(
    ctx: typer.Context,
    token_id: Annotated[str, typer.Argument(help="The token's id (not its secret).")],
    reason: Annotated[str, typer.Option(help="Why it is revoked.")],
    json: Json = False,
) -> None:
    """Revoke a token."""
    session = session_of(ctx)
    view = session.lipp.tokens.revoke(
        session.actor(), RevokeToken.model_validate({"token_id": token_id, "reason": reason})
    )
    if json:
        emit_json(view)
    else:
        console.print(f"Revoked token [bold]{view.token_id}[/] of {view.username}.")


@tokens.command("list")
def list_tokens(ctx: typer.Context, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, json: Json = False) -> None:
    """List tokens (never their secrets)."""
    session = session_of(ctx)
    views = session.lipp.tokens.tokens(session.actor(), paging(limit, offset))

    def table() -> Table:
        shown = Table("id", "user", "label", "issued", "revoked", title="API tokens")
        for view in views:
            shown.add_row(
                str(view.token_id),
                view.username,
                escape(view.label),
                f"{view.issued_at:%Y-%m-%d}",
                "yes" if view.revoked else "",
            )
        return shown

    emit_page(views, None if json else table, ("id", "user"))


WORKER_START_SECONDS = 60


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve the HTTP API (settings from LIPP_* variables; --data-dir and --database-url are passed on)."""
    import uvicorn

    settings = session_of(ctx).settings  # worker processes read the environment: hand them these settings
    os.environ["LIPP_DATA_DIR"] = str(settings.data_dir)
    os.environ["LIPP_DATABASE_URL"] = settings.effective_database_url
    # Refused now, naming the address, when no store is there: the workers would each fail to start, at length.
    open_store(settings).close()
    # Each worker process imports lipp again (Prefect included, for the digest commands): several seconds on a
    # busy machine, longer than uvicorn's default 5 s health check, which would kill and restart it forever.
    uvicorn.run(
        "lipp.interfaces.api.main:app",
        host=host,
        port=port,
        workers=workers,
        factory=True,
        timeout_worker_healthcheck=WORKER_START_SECONDS,
    )
