"""Printing results: rich for people, JSON for machines."""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    console: Console
    errors: Console

RAG_STYLE = {"green": "green", "amber": "yellow", "red": "bold red"}
RAG_LABEL = {
    "on_time": "on time",
    "due_soon": "due soon",
    "overdue": "OVERDUE",
    "met": "met",
    "met_late": "met late",
}


@cache
def _console(name: str) -> Console:
    from rich.console import Console

    return Console(stderr=name == "errors", highlight=False)


def __getattr__(name: str) -> Any:
    """`console` (standard output) and `errors` (standard error), made on first use: rich loads only when a
    command prints, not for `--help`."""
    if name in ("console", "errors"):
        return _console(name)
    raise AttributeError(name)


def emit_json(data: Any) -> None:
    """Print views (pydantic models or query DTOs), lists of them, or plain dicts as JSON."""
    from pydantic import TypeAdapter

    payload = TypeAdapter(Any).dump_python(data, mode="json")
    print(json.dumps(payload, indent=2, ensure_ascii=False))


def rag_text(status: str | None, rag: str | None) -> str:
    if status is None or rag is None:
        return "-"
    return f"[{RAG_STYLE[rag]}]{RAG_LABEL.get(status, status)}[/]"


def label(value: str | None) -> str:
    return value.replace("_", " ") if value else "-"
