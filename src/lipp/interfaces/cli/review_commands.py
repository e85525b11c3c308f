"""CLI commands on reviews: the steps (made from the catalogue) and the queries that show reviews."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from lipp.domain.clock import today_in_england
from lipp.domain.review.vocabulary import Stage
from lipp.interfaces.catalogue import reviews as review_catalogue
from lipp.interfaces.catalogue.cli import add_commands
from lipp.interfaces.cli import output
from lipp.interfaces.cli.common import AsOf, Json, Reference, as_date, lazy_module, session_of
from lipp.interfaces.cli.output import Limit, Offset, emit_json, emit_page, page_note, paging
from lipp.projections.limits import DEFAULT_LIMIT

if TYPE_CHECKING:
    from lipp.interfaces.cli.review_render import RegisterLine
    from lipp.interfaces.cli.session import Session

reviews = typer.Typer(help="Notify incidents and advance reviews.", no_args_is_help=True)

add_commands(reviews, review_catalogue.ENTRIES)  # the steps, declared in the catalogue

review_render = lazy_module("lipp.interfaces.cli.review_render")  # rich tables: loaded when a query prints


@reviews.command("show")
def show(ctx: typer.Context, reference: Reference, as_of: AsOf = None, json: Json = False) -> None:
    """A review's state and every due date with its RAG status."""
    session = session_of(ctx)
    view = session.lipp.reviews.review(session.actor(), reference, as_date(as_of))
    if json:
        emit_json(view)
    else:
        review_render.print_review(view)


@reviews.command("timeline")
def timeline(ctx: typer.Context, reference: Reference, as_of: AsOf = None, json: Json = False) -> None:
    """Who did what, when, and why."""
    session = session_of(ctx)
    entries = session.lipp.reviews.timeline(session.actor(), reference, as_date(as_of))
    if json:
        emit_json(entries)
    else:
        review_render.print_timeline(reference.upper(), entries)


@reviews.command("list")
def list_reviews(
    ctx: typer.Context,
    board: Annotated[str | None, typer.Option(help="Board code; your own board if omitted.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only reviews with an overdue deadline.")] = False,
    stage: Annotated[Stage | None, typer.Option("--stage", help="Only reviews at this stage.")] = None,
    as_of: AsOf = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    json: Json = False,
) -> None:
    """The board's reviews with their stage and next deadline (from the register read model)."""
    from lipp.projections.paging import page_of  # SQLAlchemy comes with it: loaded when the list runs

    session = session_of(ctx)
    session.actor()  # who acts comes first: a stranger learns nothing about boards
    found = session.lipp.registry.board(board or _own_board(session))
    day = as_date(as_of)
    rows: list[RegisterLine]
    if day is None:
        today = today_in_england(session.lipp.clock)
        entries = session.lipp.register.entries(
            session.actor(), found.id, found.code, today, overdue_only=overdue, stage=stage
        )
        rows = list(entries)
    else:  # what the board knew then: replayed from the events recorded by that day
        rows = list(session.lipp.reviews.register(session.actor(), found.code, day))
        rows = [row for row in rows if row.next_status == "overdue"] if overdue else rows
        rows = [row for row in rows if row.stage == stage.value] if stage else rows
    page = page_of(rows, paging(limit, offset))
    if json:
        emit_page(page, None)
        return
    review_render.print_register(found.code, page)
    note = page_note(page)
    if note:
        output.console.print(note)


@reviews.command("counts")
def counts(
    ctx: typer.Context,
    board: Annotated[str | None, typer.Option(help="Board code; your own board if omitted.")] = None,
    json: Json = False,
) -> None:
    """How many of the board's reviews stand at each stage, and how many of those are paused."""
    session = session_of(ctx)
    session.actor()  # who acts comes first: a stranger learns nothing about boards
    found = session.lipp.registry.board(board or _own_board(session))
    stages = session.lipp.register.counts(session.actor(), found.id, found.code)
    if json:
        emit_json(stages)
    else:
        review_render.print_counts(found.code, stages)


def _own_board(session: Session) -> str:
    return review_catalogue.own_board(session)
