"""How results are shown to people on the CLI: one line each (with `--json` the result itself is printed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lipp.interfaces.catalogue.entry import Show


def print_line(text: str) -> None:
    """One line of rich markup on standard output."""
    from lipp.interfaces.cli.output import console  # rich loads when something is printed, not for --help

    console.print(text)


def stage_line(session: Any, command: Any, receipt: Any, values: dict[str, Any]) -> None:
    """`NVL-2026-001: rapid review decided (version 3)`: the review's new stage."""
    from lipp.interfaces.cli.output import label

    print_line(f"[bold]{receipt.reference}[/]: {label(receipt.stage)} (version {receipt.version})")


def saying(what: Callable[[Any, dict[str, Any]], str]) -> Show:
    """A display that reports `what(result, values)` beside the review's new version: `REF: ... (version N)`."""

    def show(session: Any, command: Any, receipt: Any, values: dict[str, Any]) -> None:
        print_line(f"[bold]{receipt.reference}[/]: {what(receipt, values)} (version {receipt.version})")

    return show
