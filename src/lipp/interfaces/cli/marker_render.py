"""Printing quality markers for people: the guide, a review's ratings and its gates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape
from rich.table import Table

from lipp.interfaces.cli.output import console, label, panel, show_table

if TYPE_CHECKING:
    from lipp.application.marker_views import MarkerGuideView, QualityMarkersView

RATING_STYLE = {"met": "green", "partly_met": "yellow", "not_met": "bold red", "not_applicable": "dim"}


def print_guide_table(views: list[MarkerGuideView]) -> None:
    table = Table("#", "group", "marker", "statement", title=f"Quality markers (wording v{views[0].version})")
    for view in views:
        table.add_row(str(view.number), view.group, view.title, view.statement)
    show_table(table)


def rating_text(rating: str | None) -> str:
    if rating is None:
        return "[dim]not assessed[/]"
    return f"[{RATING_STYLE[rating]}]{label(rating)}[/]"


def print_guide(view: MarkerGuideView) -> None:
    body = Table.grid(padding=(0, 1))
    body.add_row(f"[italic]{view.statement}[/]")
    body.add_row("")
    body.add_row("[bold]How might you know?[/]")
    for question in view.questions:
        body.add_row(f"• {question}")
    if view.paraphrased_from_title:
        body.add_row("[dim](statement written from the marker's title; check it against the published marker)[/]")
    title = f"[bold]Marker {view.number}: {view.title}[/] (group {view.group}, {view.group_title})"
    console.print(panel(body, title=title, expand=False))


def print_markers(view: QualityMarkersView) -> None:
    table = Table(
        "#",
        "group",
        "marker",
        "rating",
        "evidence",
        "mitigation",
        "by",
        "on",
        title=f"Quality markers of {view.reference}",
    )
    for row in view.markers:
        table.add_row(
            str(row.number),
            row.group,
            row.title,
            rating_text(row.rating),
            escape(row.evidence),
            escape(row.mitigation),
            row.assessor or "",
            str(row.on or ""),
        )
    show_table(table)
    for gate in view.gates:
        if gate.open:
            console.print(f"[green]{gate.step}: open[/]")
        else:
            console.print(f"[red]{gate.step} is closed:[/] " + "; ".join(gate.missing))
