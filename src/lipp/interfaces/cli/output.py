"""Printing results: rich for people, JSON for machines."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

import typer
from pydantic import TypeAdapter
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lipp.projections.paging import DEFAULT_LIMIT, MAX_LIMIT, Page, Paging

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)

Limit = Annotated[
    int, typer.Option("--limit", min=0, max=MAX_LIMIT, help=f"Show at most this many (up to {MAX_LIMIT:,}).")
]
Offset = Annotated[int, typer.Option("--offset", min=0, help="Skip this many first (to page on).")]


def paging(limit: int = DEFAULT_LIMIT, offset: int = 0) -> Paging:
    return Paging(limit=limit, offset=offset)


RAG_STYLE = {"green": "green", "amber": "yellow", "red": "bold red"}
RAG_LABEL = {
    "on_time": "on time",
    "due_soon": "due soon",
    "overdue": "OVERDUE",
    "met": "met",
    "met_late": "met late",
}


def emit_json(data: Any) -> None:
    """Print views (pydantic models or query DTOs), lists of them, or plain dicts as JSON."""
    payload = TypeAdapter(Any).dump_python(data, mode="json")
    print(json.dumps(payload, indent=2, ensure_ascii=False))


def rag_text(status: str | None, rag: str | None) -> str:
    if status is None or rag is None:
        return "-"
    return f"[{RAG_STYLE[rag]}]{RAG_LABEL.get(status, status)}[/]"


def label(value: str | None) -> str:
    return value.replace("_", " ") if value else "-"


def show_table(table: Table, identifiers: tuple[str, ...] = ()) -> None:
    """Print a list's table without eliding anything: no column ends in "…" (long text folds onto more lines),
    identifier columns (named by header) are never wrapped, and when stdout is not a terminal the table is as
    wide as its widest row, so piped output keeps every reference and code whole on its line."""
    for column in table.columns:
        column.overflow = "fold"
        if str(column.header) in identifiers:
            column.no_wrap = True
            column.min_width = max((len(str(cell)) for cell in column.cells), default=0) or None
    if console.is_terminal:
        console.print(table)
        return
    width = console.measure(table, options=console.options.update(max_width=WIDEST)).maximum
    Console(highlight=False, width=max(width, console.width), no_color=console.no_color).print(table)


WIDEST = 10_000
"""Widest piped table, in characters: far beyond any list's row."""


def page_note(page: Page[Any]) -> str | None:
    """The line that says a list is cut, and how to see the rest; None when it is whole."""
    if not page.is_cut:
        return None
    if not page:
        return f"Showing none of {page.total:,} (--offset {page.offset} is past the end)."
    first, last = page.offset + 1, page.offset + len(page)
    line = f"Showing {first:,}–{last:,} of {page.total:,}"
    return line + (f"; next: --offset {page.next_offset}" if page.next_offset is not None else "")


def emit_page(page: Page[Any], table: Callable[[], Table] | None, identifiers: tuple[str, ...] = ()) -> None:
    """Print one page of a list: as JSON (the bare list, as always; a cut is said on stderr so the JSON stays
    a list) or as the table `table` builds, followed by the line saying whether and where the list is cut."""
    note = page_note(page)
    if table is None:
        emit_json(page)
        if note:
            errors.print(escape(note))
        return
    show_table(table(), identifiers)
    if note:
        console.print(escape(note))
