"""Rich tables for read models across reviews: found findings and marker results."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from lipp.interfaces.cli.output import console, show_table
from lipp.projections.findings.entries import FoundFinding
from lipp.projections.markers.entries import MarkerResult


def print_found(found: list[FoundFinding], searched: str) -> None:
    """The essentials, priority rank beside the key; `--json` gives issue, causes, evidence and the rest."""
    if not found:
        console.print(f"No findings you may see match {searched}.")  # `searched` comes escaped
        return
    table = Table("review", "case", "finding", "title", "themes", "logged", "shared")
    table.title = f"Findings matching {searched}"
    for x in found:
        table.add_row(
            x.review,
            escape(x.case_reference or ""),
            x.finding if x.priority is None else f"{x.finding} (#{x.priority})",
            escape(x.title),
            "; ".join(x.themes),
            str(x.logged_on),
            "yes" if x.shareable else "no",
        )
    show_table(table, ("review", "case", "finding"))


def print_marker_results(results: list[MarkerResult], scope: str) -> None:
    table = Table("#", "marker", "met", "partly met", "not met", "n/a", title=f"Quality-marker results: {scope}")
    for r in results:
        table.add_row(
            str(r.marker),
            r.title,
            f"[green]{r.met}[/]",
            f"[yellow]{r.partly_met}[/]",
            f"[red]{r.not_met}[/]" if r.not_met else "0",
            f"[dim]{r.not_applicable}[/]",
        )
    show_table(table)
