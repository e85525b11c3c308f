"""Printing results: rich for people, JSON for machines."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter
from rich.console import Console

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)

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
