"""CLI commands that advance a review, one per step, and the queries that show reviews."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from lipp.commands import reviews as c
from lipp.commands.fields import Command
from lipp.domain.clock import today_in_england
from lipp.domain.review.vocabulary import Stage
from lipp.interfaces.cli import review_render
from lipp.interfaces.cli.common import AsOf, Json, On, Reference, as_date, session_of
from lipp.interfaces.cli.output import Limit, Offset, console, emit_json, emit_page, label, page_note, paging
from lipp.interfaces.cli.review_render import RegisterLine
from lipp.interfaces.cli.session import Session
from lipp.projections.paging import DEFAULT_LIMIT, page_of

reviews = typer.Typer(help="Notify incidents and advance reviews.", no_args_is_help=True)

Agencies = Annotated[
    list[str], typer.Option("--agency", help="An agency involved: 'sector' or 'sector:Organisation'. Repeat.")
]


def _step(ctx: typer.Context, command_class: type[Command], json: bool, **fields: Any) -> None:
    """Validate the command, run it as the acting user, and report the review's new stage."""
    command = command_class.model_validate({k: v for k, v in fields.items() if v is not None})
    session = session_of(ctx)
    receipt = session.lipp.reviews.execute(session.actor(), command)
    if json:
        emit_json(receipt)
    else:
        console.print(f"[bold]{receipt.reference}[/]: {label(receipt.stage)} (version {receipt.version})")


@reviews.command("notify")
def notify(
    ctx: typer.Context,
    case_reference: Annotated[str, typer.Option("--case", help="Board-local pseudonymous case reference.")],
    kind: Annotated[str, typer.Option("--incident", help="death or serious-harm.")],
    aware_on: Annotated[str, typer.Option("--aware-on", help="Day the board became aware (YYYY-MM-DD).")],
    agencies: Agencies,
    looked_after: Annotated[
        bool, typer.Option("--looked-after/--not-looked-after", help="Was the child looked after?")
    ] = False,
    notified_on: Annotated[
        str | None, typer.Option("--notified-on", "--on", help="Day the Panel was notified; today if omitted.")
    ] = None,
    board: Annotated[str | None, typer.Option(help="Board code; the coordinator's own board if omitted.")] = None,
    json: Json = False,
) -> None:
    """Notify a serious incident for your board; prints the new review's reference."""
    session = session_of(ctx)
    board_code = board or _own_board(session)
    _step(
        ctx,
        c.NotifyIncident,
        json,
        board=board_code,
        case_reference=case_reference,
        incident_kind=kind,
        looked_after=looked_after,
        agencies=agencies,
        aware_on=aware_on,
        notified_on=notified_on,
    )


@reviews.command("decide")
def decide(
    ctx: typer.Context,
    reference: Reference,
    decision: Annotated[str, typer.Option(help="local-review, other-learning or no-further-review.")],
    rationale: Annotated[str, typer.Option(help="Why: the rapid review's reasoning.")],
    on: On = None,
    json: Json = False,
) -> None:
    """Record the rapid review and its decision."""
    _step(ctx, c.RecordRapidReviewDecision, json, reference=reference, on=on, decision=decision, rationale=rationale)


@reviews.command("commission")
def commission(
    ctx: typer.Context,
    reference: Reference,
    kind: Annotated[str, typer.Option(help="lcspr or scr.")],
    methodology: Annotated[str, typer.Option(help="learning-together, silp, traditional, hybrid or other.")],
    on: On = None,
    json: Json = False,
) -> None:
    """Commission the review."""
    _step(ctx, c.CommissionReview, json, reference=reference, on=on, kind=kind, methodology=methodology)


@reviews.command("appoint")
def appoint(
    ctx: typer.Context,
    reference: Reference,
    reviewer: Annotated[str, typer.Option(help="Username of the lead reviewer.")],
    on: On = None,
    json: Json = False,
) -> None:
    """Appoint (or replace) the independent lead reviewer."""
    _step(ctx, c.AppointLeadReviewer, json, reference=reference, on=on, reviewer=reviewer)


@reviews.command("terms")
def terms(
    ctx: typer.Context,
    reference: Reference,
    scope_from: Annotated[str, typer.Option("--scope-from", help="Start of the period under review.")],
    scope_to: Annotated[str, typer.Option("--scope-to", help="End of the period under review.")],
    lines: Annotated[list[str], typer.Option("--line", help="A key line of enquiry. Repeat.")],
    agencies: Agencies,
    on: On = None,
    json: Json = False,
) -> None:
    """Agree the terms of reference; the review is then being conducted."""
    _step(
        ctx,
        c.AgreeTermsOfReference,
        json,
        reference=reference,
        on=on,
        scope_from=scope_from,
        scope_to=scope_to,
        key_lines_of_enquiry=lines,
        agencies=agencies,
    )


@reviews.command("pause")
def pause(
    ctx: typer.Context,
    reference: Reference,
    process: Annotated[str, typer.Option(help="criminal-trial, inquest, disciplinary or other.")],
    reason: Annotated[str, typer.Option(help="Why the review waits.")],
    on: On = None,
    json: Json = False,
) -> None:
    """Pause the review for a parallel process."""
    _step(ctx, c.PauseReview, json, reference=reference, on=on, process=process, reason=reason)


@reviews.command("resume")
def resume(ctx: typer.Context, reference: Reference, on: On = None, json: Json = False) -> None:
    """Resume a paused review."""
    _step(ctx, c.ResumeReview, json, reference=reference, on=on)


@reviews.command("draft")
def draft(ctx: typer.Context, reference: Reference, on: On = None, json: Json = False) -> None:
    """Record the report as drafted (coordinator or the appointed lead reviewer)."""
    _step(ctx, c.RecordReportDrafted, json, reference=reference, on=on)


@reviews.command("sign-off")
def sign_off(
    ctx: typer.Context,
    reference: Reference,
    response: Annotated[str, typer.Option(help="The board's written response.")],
    on: On = None,
    json: Json = False,
) -> None:
    """Sign off the report with the board's written response."""
    _step(ctx, c.SignOffReport, json, reference=reference, on=on, board_response=response)


@reviews.command("send-to-panel")
def send_to_panel(ctx: typer.Context, reference: Reference, on: On = None, json: Json = False) -> None:
    """Record the copy of the final report sent to the national Panel."""
    _step(ctx, c.SendReportToPanel, json, reference=reference, on=on)


@reviews.command("defer")
def defer(
    ctx: typer.Context,
    reference: Reference,
    reason: Annotated[str, typer.Option(help="Why publication waits.")],
    reconsider_on: Annotated[str, typer.Option("--reconsider-on", help="When to reconsider (YYYY-MM-DD).")],
    on: On = None,
    json: Json = False,
) -> None:
    """Defer publication."""
    _step(ctx, c.DeferPublication, json, reference=reference, on=on, reason=reason, reconsider_on=reconsider_on)


@reviews.command("publish")
def publish(
    ctx: typer.Context,
    reference: Reference,
    location: Annotated[str, typer.Option(help="Where it is published (web address).")] = "",
    on: On = None,
    json: Json = False,
) -> None:
    """Record publication."""
    _step(ctx, c.PublishReport, json, reference=reference, on=on, location=location)


@reviews.command("withhold")
def withhold(
    ctx: typer.Context,
    reference: Reference,
    reason: Annotated[str, typer.Option(help="Why the report is not published.")],
    improvement_information: Annotated[str, typer.Option("--improvement-info", help="What is published instead.")],
    on: On = None,
    json: Json = False,
) -> None:
    """Decide not to publish; the improvement information is published instead."""
    _step(
        ctx,
        c.WithholdPublication,
        json,
        reference=reference,
        on=on,
        reason=reason,
        improvement_information=improvement_information,
    )


@reviews.command("close")
def close(ctx: typer.Context, reference: Reference, on: On = None, json: Json = False) -> None:
    """Close the review."""
    _step(ctx, c.CloseReview, json, reference=reference, on=on)


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
        console.print(note)


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
    actor = session.actor()
    if actor.board_id is None:
        raise typer.BadParameter("give --board: you are not a coordinator of one board")
    return session.lipp.registry.board_by_id(actor.board_id).code
