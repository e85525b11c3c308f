"""CLI commands for quality markers: the guide, assessing a marker, and a review's markers and gates."""

from __future__ import annotations

from typing import Annotated

import typer

from lipp.interfaces.catalogue import markers as marker_catalogue
from lipp.interfaces.catalogue.cli import add_commands
from lipp.interfaces.cli.common import AsOf, Json, Reference, as_date, escape, lazy_module, session_of
from lipp.interfaces.cli.output import emit_json

# rich tables and panels: loaded when a command prints
marker_render = lazy_module("lipp.interfaces.cli.marker_render")
library_render = lazy_module("lipp.interfaces.cli.library_render")

markers = typer.Typer(
    help="The 18 quality markers: assess them, and see what sign-off and publication need.", no_args_is_help=True
)


@markers.command("guide")
def guide(
    ctx: typer.Context,
    number: Annotated[int | None, typer.Argument(help="One marker (1 to 18); all when omitted.")] = None,
    json: Json = False,
) -> None:
    """Each marker's statement and its "how might you know" questions."""
    views = session_of(ctx).lipp.reviews.marker_guide()
    if number is not None:
        views = [v for v in views if v.number == number]
        if not views:
            raise typer.BadParameter(f"there is no quality marker {number}: they are numbered 1 to 18")
    if json:
        emit_json(views)
    elif number is not None:
        marker_render.print_guide(views[0])
    else:
        marker_render.print_guide_table(views)


add_commands(markers, marker_catalogue.ENTRIES)  # assess: declared in the catalogue


@markers.command("list")
def list_markers(ctx: typer.Context, reference: Reference, as_of: AsOf = None, json: Json = False) -> None:
    """A review's 18 markers with their ratings, and whether sign-off and publication are open."""
    session = session_of(ctx)
    view = session.lipp.reviews.quality_markers(session.actor(), reference, as_date(as_of))
    if json:
        emit_json(view)
    else:
        marker_render.print_markers(view)


@markers.command("results")
def results(
    ctx: typer.Context,
    board: Annotated[str | None, typer.Option(help="A board code; every board when omitted.")] = None,
    from_date: Annotated[str | None, typer.Option("--from", help="Rated on or after (YYYY-MM-DD).")] = None,
    to_date: Annotated[str | None, typer.Option("--to", help="Rated on or before (YYYY-MM-DD).")] = None,
    json: Json = False,
) -> None:
    """Each marker's latest ratings across reviews, counted (national bodies and admins; coordinators: own board)."""
    session = session_of(ctx)
    found = session.lipp.marker_results.marker_results(session.actor(), board, as_date(from_date), as_date(to_date))
    if json:
        emit_json(found)
        return
    period = f" from {from_date or 'the start'} to {to_date or 'today'}" if from_date or to_date else ""
    scope = (board.upper() if board else "every board you may see") + period
    library_render.print_marker_results(found, escape(scope))
