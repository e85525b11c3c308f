"""`lipp outbox`: what the e-mail outbox holds, why a message failed, and sending failed ones again.

For the operator who holds the data folder or the database, like `lipp projections`.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from lipp.adapters.envelope import EntryState
from lipp.interfaces.cli.common import Json, session_of
from lipp.interfaces.cli.output import console, emit_json

outbox = typer.Typer(help="The e-mail outbox: failed messages and their reasons, and requeueing them.")

Prefix = Annotated[
    str | None, typer.Option("--prefix", help="Only keys starting with this, e.g. delivery/ or digest/.")
]


@outbox.command("list")
def list_entries(
    ctx: typer.Context,
    state: Annotated[EntryState, typer.Option("--state", help="queued, sent or failed.")] = EntryState.FAILED,
    prefix: Prefix = None,
    json: Json = False,
) -> None:
    """The outbox's entries in one state (failed by default), oldest first, each with its last error."""
    entries = session_of(ctx).lipp.outbox.entries(prefix=prefix, state=state)
    if json:
        emit_json([vars(entry) for entry in entries])
        return
    rows = [(shown(e.key), shown(e.recipient), str(e.attempts), shown(e.last_error or "-")) for e in entries]
    if not console.is_terminal:  # piped: plain rows, nothing wrapped or cut
        console.print(f"{len(entries)} {state.value} e-mail(s)", soft_wrap=True)
        for row in rows:
            console.print("\t".join(row), soft_wrap=True)
    else:
        table = Table(title=f"{len(entries)} {state.value} e-mail(s)")
        table.add_column("key", no_wrap=True)  # identifiers are never wrapped or elided; the error wraps
        table.add_column("recipient", no_wrap=True)
        table.add_column("attempts")
        table.add_column("last error")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    if state is EntryState.FAILED and entries:
        console.print("Fix the cause, then `lipp outbox requeue [--prefix KEY]` sends them again.")


@outbox.command("requeue")
def requeue(ctx: typer.Context, prefix: Prefix = None, json: Json = False) -> None:
    """Put failed entries back in the queue with their attempts reset; the next send takes them."""
    count = session_of(ctx).lipp.outbox.requeue_failed(prefix=prefix)
    if json:
        emit_json({"requeued": count})
    else:
        console.print(f"Requeued {count} failed e-mail(s).")


def shown(text: str) -> str:
    """Text safe for a terminal: control, format (bidirectional) and surrogate characters become visible escapes,
    and rich markup is escaped."""
    return escape("".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Cs") else c for c in text))
