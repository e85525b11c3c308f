"""Printing results: rich for people, JSON for machines."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any

import typer

from lipp.domain.text import UNSAFE_TO_SHOW, shown_safely
from lipp.projections.limits import DEFAULT_LIMIT, MAX_LIMIT

if TYPE_CHECKING:
    from rich.panel import Panel
    from rich.table import Table

    from lipp.interfaces.cli.safe_console import SafeConsole
    from lipp.projections.paging import Page, Paging

    console: SafeConsole
    errors: SafeConsole

RAG_STYLE = {"green": "green", "amber": "yellow", "red": "bold red"}
RAG_LABEL = {
    "on_time": "on time",
    "due_soon": "due soon",
    "overdue": "OVERDUE",
    "met": "met",
    "met_late": "met late",
}

Limit = Annotated[
    int, typer.Option("--limit", min=0, max=MAX_LIMIT, help=f"Show at most this many (up to {MAX_LIMIT:,}).")
]
Offset = Annotated[int, typer.Option("--offset", min=0, help="Skip this many first (to page on).")]


@cache
def _console(name: str) -> SafeConsole:
    from lipp.interfaces.cli.safe_console import SafeConsole

    return SafeConsole(stderr=name == "errors", highlight=False)


def __getattr__(name: str) -> Any:
    """`console` (standard output) and `errors` (standard error), both safe consoles, made on first use; and
    the SafeConsole class: rich loads only when a command prints, not for `--help` or to build a group."""
    if name in ("console", "errors"):
        return _console(name)
    if name == "SafeConsole":
        from lipp.interfaces.cli.safe_console import SafeConsole

        return SafeConsole
    raise AttributeError(name)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def panel(body: Any, title: str, **options: Any) -> Panel:
    """A Panel whose title goes through the safe console like any other text (Rich reads a str title itself)."""
    from rich.panel import Panel

    return Panel(body, title=_console("console").render_str(title), **options)


def paging(limit: int = DEFAULT_LIMIT, offset: int = 0) -> Paging:
    from lipp.projections.paging import Paging

    return Paging(limit=limit, offset=offset)


def emit_json(data: Any) -> None:
    """Print views (pydantic models or query DTOs), lists of them, or plain dicts as JSON."""
    from pydantic import TypeAdapter

    payload = TypeAdapter(Any).dump_python(data, mode="json")
    print(_json_safely(json.dumps(payload, indent=2, ensure_ascii=False)))


def plain_text(text: str) -> str:
    """Text printed as it is (Markdown, HTML, a secret) with its control characters shown as escapes."""
    return shown_safely(text)


def _json_safely(text: str) -> str:
    """JSON with the characters json.dumps leaves raw (C1 and bidi controls, lone surrogates) written as
    \\u escapes: the same JSON value, harmless on a terminal."""
    return UNSAFE_TO_SHOW.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


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
    from lipp.interfaces.cli.safe_console import SafeConsole

    console = _console("console")
    for column in table.columns:
        column.overflow = "fold"
        if str(column.header) in identifiers:
            column.no_wrap = True
            column.min_width = max((len(str(cell)) for cell in column.cells), default=0) or None
    if console.is_terminal:
        console.print(table)
        return
    width = console.measure(table, options=console.options.update(max_width=WIDEST)).maximum
    SafeConsole(highlight=False, width=max(width, console.width), no_color=console.no_color).print(table)


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
            _console("errors").print(_escape(note))
        return
    show_table(table(), identifiers)
    if note:
        _console("console").print(_escape(note))
