"""CLI commands for recommendations and action plans: the steps (made from the catalogue) and the queries that
show a review's recommendations, one action, the board's tracker and the plan's facts."""

from __future__ import annotations

from typing import Annotated

import typer

from lipp.interfaces.catalogue import plans as plan_catalogue
from lipp.interfaces.catalogue.cli import add_commands
from lipp.interfaces.cli.common import AsOf, Json, Reference, as_date, escape, lazy_module, session_of
from lipp.interfaces.cli.output import Limit, Offset, emit_json, emit_page, paging
from lipp.projections.paging import DEFAULT_LIMIT

plan_render = lazy_module("lipp.interfaces.cli.plan_render")  # rich tables: loaded when a command prints

recommendations = typer.Typer(help="A review's recommendations and the partnership's responses.", no_args_is_help=True)
actions = typer.Typer(
    help="Actions of a plan: agree, progress, complete, verify or return, check impact.", no_args_is_help=True
)
plans = typer.Typer(help="Action plans: the board's tracker and the plan's facts.", no_args_is_help=True)

add_commands(recommendations, plan_catalogue.RECOMMENDATIONS)  # make, answer: declared in the catalogue
add_commands(actions, plan_catalogue.ACTIONS)  # agree and the steps: declared in the catalogue

Board = Annotated[str | None, typer.Option(help="A board code; your own board if omitted.")]


@recommendations.command("list")
def list_recommendations(ctx: typer.Context, reference: Reference, as_of: AsOf = None, json: Json = False) -> None:
    """The review's recommendations with the findings they answer and the partnership's responses."""
    session = session_of(ctx)
    views = session.lipp.reviews.recommendations(session.actor(), reference, as_date(as_of))
    if json:
        emit_json(views)
    else:
        from lipp.interfaces.cli.output import show_table

        show_table(plan_render.recommendations_table(views, reference.upper()), ("rec",))


@actions.command("show")
def show(
    ctx: typer.Context,
    action: Annotated[str, typer.Argument(help="The action, e.g. NVL-2026-001-A3.")],
    json: Json = False,
) -> None:
    """An action with its progress, returns, moved due dates, verification and impact checks."""
    session = session_of(ctx)
    view = session.lipp.plans.action(session.actor(), action)
    if json:
        emit_json(view)
    else:
        plan_render.print_action(view)


@plans.command("tracker")
def tracker(
    ctx: typer.Context,
    board: Board = None,
    review: Annotated[str | None, typer.Option(help="Only this review's actions.")] = None,
    agency: Annotated[str | None, typer.Option(help="Only this agency sector's actions (police, health ...).")] = None,
    status: Annotated[
        str | None, typer.Option(help="agreed, in-progress, completion-reported, verified or superseded.")
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only actions past their due date.")] = False,
    returned: Annotated[bool, typer.Option("--returned", help="Only actions ever returned.")] = False,
    due_by: Annotated[str | None, typer.Option("--due-by", help="Only actions due on or before (YYYY-MM-DD).")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    json: Json = False,
) -> None:
    """The board's actions, soonest due first, with status and RAG; overdue and returned ones flagged."""
    from lipp.application.plan_filters import tracker_filter

    session = session_of(ctx)
    code = board or plan_catalogue_own_board(session)
    wanted = tracker_filter(
        review=review,
        agency=agency,
        status=status,
        overdue=overdue,
        returned=returned,
        due_by=as_date(due_by, "--due-by"),
    )
    entries = session.lipp.plans.tracker(session.actor(), code, wanted, paging(limit, offset))
    title = f"{code.upper()}: action tracker"
    emit_page(entries, None if json else (lambda: plan_render.tracker_table(entries, title)), ("action", "review"))


@plans.command("facts")
def facts(
    ctx: typer.Context,
    board: Board = None,
    review: Annotated[str | None, typer.Option(help="Only this review's plan.")] = None,
    json: Json = False,
) -> None:
    """The plan's facts for quality markers 15 and 18: actions agreed, agencies, verified, measured impact."""
    session = session_of(ctx)
    view = session.lipp.plans.facts(session.actor(), board or plan_catalogue_own_board(session), review)
    if json:
        emit_json(view)
        return
    from lipp.interfaces.cli.output import console

    scope = view.review or view.board
    console.print(f"[bold]{scope}[/]: {escape(view.summary)}")
    console.print(
        f"  in progress {view.in_progress}, awaiting verification {view.awaiting_verification}, "
        f"overdue {view.overdue}, ever returned {view.returned}, superseded {view.superseded}"
    )


def plan_catalogue_own_board(session: object) -> str:
    from lipp.interfaces.catalogue.reviews import own_board

    return own_board(session)
