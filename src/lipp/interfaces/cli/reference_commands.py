"""CLI commands that show reference data and try the redaction check on a text."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from lipp.application.reference_views import patterns_view, redaction_hits, themes_view
from lipp.interfaces.cli.common import Json, highlighted
from lipp.interfaces.cli.output import console, emit_json, label, show_table

reference = typer.Typer(help="Reference data: national themes and the pattern typology.", no_args_is_help=True)
redaction = typer.Typer(help="The redaction check for identifying details.", no_args_is_help=True)

Version = Annotated[int | None, typer.Option(help="A version of the list; the latest when omitted.")]


@reference.command("themes")
def themes(version: Version = None, json: Json = False) -> None:
    """The national themes a finding can carry, with their stable ids."""
    view = themes_view(version)
    if json:
        emit_json(view)
        return
    table = Table("id", "theme", title=f"National themes (version {view.version})")
    for theme in view.themes:
        table.add_row(theme["id"], theme["name"])
    show_table(table)


@reference.command("patterns")
def patterns(version: Version = None, json: Json = False) -> None:
    """The six Learning Together categories of underlying pattern."""
    views = patterns_view(version)
    if json:
        emit_json(views)
        return
    table = Table("#", "id", "pattern", "what it covers", title="Underlying-pattern categories")
    for view in views:
        table.add_row(str(view.number), view.id, view.title, view.description)
    show_table(table)


@redaction.command("check")
def check(text: Annotated[str, typer.Argument(help="The text to check.")], json: Json = False) -> None:
    """List possible identifying details in a text, with their positions, before it is logged or shared."""
    hits = redaction_hits(text)
    if json:
        emit_json(hits)
        return
    if not hits:
        console.print("[green]No identifying details found.[/]")
        return
    table = Table("at", "kind", "text", title="Possible identifying details")
    for hit in hits:
        table.add_row(f"{hit.start}-{hit.end}", label(hit.kind), hit.text)
    show_table(table)
    console.print(highlighted(text, [(hit.start, hit.end) for hit in hits]))
