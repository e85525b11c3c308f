"""CLI commands for the lead-reviewer register, and for finding a suitable reviewer for a case."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from lipp.application.register_views import ReviewerProfileView, ReviewerSuggestion
from lipp.commands import register as r
from lipp.interfaces.cli.common import Json, Reason, Reference, session_of, without_empty
from lipp.interfaces.cli.output import Limit, Offset, console, emit_json, emit_page, paging, show_table
from lipp.projections.paging import DEFAULT_LIMIT

reviewers = typer.Typer(help="The lead-reviewer register: expertise, masterclasses, conflicts.", no_args_is_help=True)

Username = Annotated[str, typer.Argument(help="The lead reviewer's username.")]
Expertise = Annotated[list[str], typer.Option("--expertise", help="An area of expertise. Repeat.")]


def _done(ctx: typer.Context, json: bool, view: ReviewerProfileView, what: str) -> None:
    if json:
        emit_json(view)
    else:
        console.print(f"[bold]{view.username}[/]: {what}")


@reviewers.command("enrol")
def enrol(
    ctx: typer.Context,
    username: Username,
    expertise: Expertise = [],  # noqa: B006 (typer reads the default; it is never mutated)
    capacity: Annotated[int, typer.Option(help="How many reviews they lead at once.")] = 2,
    json: Json = False,
) -> None:
    """Put a lead reviewer on the register (admins)."""
    session = session_of(ctx)
    command = r.EnrolReviewer(username=username, expertise=expertise, capacity=capacity)
    _done(ctx, json, session.lipp.reviewers.enrol(session.actor(), command), "on the register")


@reviewers.command("expertise")
def expertise(ctx: typer.Context, username: Username, expertise: Expertise, json: Json = False) -> None:
    """Restate a reviewer's areas of expertise."""
    session = session_of(ctx)
    view = session.lipp.reviewers.set_expertise(session.actor(), r.SetExpertise(username=username, expertise=expertise))
    _done(ctx, json, view, "expertise " + ", ".join(view.expertise))


@reviewers.command("masterclass")
def masterclass(
    ctx: typer.Context,
    username: Username,
    attended_on: Annotated[str, typer.Option("--on", help="The day attended (YYYY-MM-DD).")],
    topic: Annotated[str, typer.Option(help="The masterclass topic.")],
    json: Json = False,
) -> None:
    """Record a LiPP masterclass the reviewer attended."""
    session = session_of(ctx)
    command = r.RecordMasterclass.model_validate({"username": username, "attended_on": attended_on, "topic": topic})
    _done(ctx, json, session.lipp.reviewers.record_masterclass(session.actor(), command), f"attended '{topic}'")


@reviewers.command("conflict")
def conflict(
    ctx: typer.Context,
    username: Username,
    agency: Annotated[str, typer.Option(help="'sector' for a whole sector, or 'sector:Organisation name'.")],
    reason: Reason,
    json: Json = False,
) -> None:
    """Declare a conflict of interest with an agency."""
    session = session_of(ctx)
    command = r.DeclareConflict.model_validate({"username": username, "agency": agency, "reason": reason})
    _done(
        ctx,
        json,
        session.lipp.reviewers.declare_conflict(session.actor(), command),
        f"declared a conflict with {agency}",
    )


@reviewers.command("withdraw-conflict")
def withdraw_conflict(
    ctx: typer.Context,
    username: Username,
    number: Annotated[int, typer.Argument(help="The conflict's number, as 'lipp reviewer show' lists it.")],
    reason: Reason,
    json: Json = False,
) -> None:
    """Withdraw a declared conflict that no longer holds."""
    session = session_of(ctx)
    command = r.WithdrawConflict(username=username, conflict=number, reason=reason)
    _done(ctx, json, session.lipp.reviewers.withdraw_conflict(session.actor(), command), f"withdrew conflict {number}")


@reviewers.command("availability")
def availability(
    ctx: typer.Context,
    username: Username,
    available: Annotated[bool, typer.Option("--available/--unavailable", help="Taking new reviews?")],
    capacity: Annotated[int | None, typer.Option(help="How many reviews at once.")] = None,
    reason: Annotated[str, typer.Option(help="Why (optional).")] = "",
    json: Json = False,
) -> None:
    """Say whether a reviewer takes new reviews, and how many at once."""
    session = session_of(ctx)
    fields = {"username": username, "available": available, "capacity": capacity, "reason": reason}
    view = session.lipp.reviewers.set_availability(
        session.actor(), r.SetAvailability.model_validate(without_empty(fields))
    )
    _done(ctx, json, view, ("available" if view.available else "not available") + f", capacity {view.capacity}")


@reviewers.command("show")
def show(ctx: typer.Context, username: Username, json: Json = False) -> None:
    """A reviewer's entry: expertise, masterclasses and conflicts."""
    session = session_of(ctx)
    view = session.lipp.reviewers.profile(session.actor(), username)
    if json:
        emit_json(view)
        return
    console.print(
        f"[bold]{view.username}[/]: {escape(', '.join(view.expertise)) or 'no expertise recorded'}; "
        f"{'available' if view.available else 'not available'}, capacity {view.capacity}"
    )
    classes = Table("attended", "masterclass", title="Masterclasses")
    for m in view.masterclasses:
        classes.add_row(str(m.attended_on), escape(m.topic))
    show_table(classes)
    conflicts = Table("#", "agency", "reason", "declared", "in force", title="Declared conflicts")
    for c in view.conflicts:
        conflicts.add_row(
            str(c.number), escape(c.agency), escape(c.reason), str(c.declared_on), "no" if c.withdrawn else "yes"
        )
    show_table(conflicts)


@reviewers.command("list")
def list_reviewers(ctx: typer.Context, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, json: Json = False) -> None:
    """Every reviewer on the register (admins and coordinators)."""
    session = session_of(ctx)
    views = session.lipp.reviewers.profiles(session.actor(), paging(limit, offset))

    def table() -> Table:
        shown = Table(
            "reviewer", "expertise", "masterclasses", "conflicts", "available", title="Lead-reviewer register"
        )
        for v in views:
            conflicts = escape(", ".join(c.agency for c in v.conflicts if not c.withdrawn)) or "-"
            available = f"yes ({v.capacity} at once)" if v.available else "no"
            shown.add_row(v.username, escape(", ".join(v.expertise)), str(len(v.masterclasses)), conflicts, available)
        return shown

    emit_page(views, None if json else table, ("reviewer",))


@reviewers.command("suitable")
def suitable(
    ctx: typer.Context,
    reference: Reference,
    everyone: Annotated[bool, typer.Option("--all", help="Also list unsuitable reviewers, with the reasons.")] = False,
    json: Json = False,
) -> None:
    """Reviewers who could lead this review: independent of its agencies, available, with capacity."""
    session = session_of(ctx)
    views = session.lipp.reviews.suitable_reviewers(session.actor(), reference, include_unsuitable=everyone)
    if json:
        emit_json(views)
    else:
        print_suggestions(reference.upper(), views)


def print_suggestions(reference: str, views: list[ReviewerSuggestion]) -> None:
    table = Table(
        "reviewer", "matching expertise", "masterclasses", "open reviews", "why not", title=f"Reviewers for {reference}"
    )
    for v in views:
        style = "" if v.suitable else "dim"
        table.add_row(
            v.username,
            ", ".join(v.matching_expertise) or "-",
            str(v.masterclasses),
            f"{v.open_reviews} of {v.capacity}",
            "; ".join(v.reasons_against) or "[green]suitable[/]",
            style=style,
        )
    show_table(table)
    if not views:
        console.print("No suitable reviewer on the register: try --all to see why.")
