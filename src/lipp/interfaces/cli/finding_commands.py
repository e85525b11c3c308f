"""CLI commands for findings: the lead reviewer logs, revises, re-ranks and withdraws them; sharing them
beyond the board goes through the redaction check."""

from __future__ import annotations

from typing import Annotated

import typer

from lipp.interfaces.catalogue import findings as finding_catalogue
from lipp.interfaces.catalogue.cli import add_commands
from lipp.interfaces.cli import output
from lipp.interfaces.cli.common import AsOf, FindingKey, Json, Reference, as_date, escape, lazy_module, session_of
from lipp.interfaces.cli.output import emit_json

# rich tables and panels: loaded when a command prints
finding_render = lazy_module("lipp.interfaces.cli.finding_render")
library_render = lazy_module("lipp.interfaces.cli.library_render")

findings = typer.Typer(
    help="Findings: what the review learned, why it happens, and its priority.", no_args_is_help=True
)

add_commands(findings, finding_catalogue.STEPS)  # log, revise, rank, withdraw: declared in the catalogue


@findings.command("list")
def list_findings(
    ctx: typer.Context,
    reference: Reference,
    withdrawn: Annotated[bool, typer.Option("--withdrawn", help="Include withdrawn findings.")] = False,
    as_of: AsOf = None,
    json: Json = False,
) -> None:
    """The review's findings in priority order."""
    session = session_of(ctx)
    views = session.lipp.reviews.findings(session.actor(), reference, as_date(as_of), include_withdrawn=withdrawn)
    if json:
        emit_json(views)
    else:
        finding_render.print_findings(reference.upper(), views)


@findings.command("show")
def show(ctx: typer.Context, reference: Reference, finding: FindingKey, as_of: AsOf = None, json: Json = False) -> None:
    """One finding in full: issue, causes, pattern, themes, evidence and its sharing state."""
    session = session_of(ctx)
    key = finding.upper() if finding.upper().startswith("F") else f"F{finding}"
    views = session.lipp.reviews.findings(session.actor(), reference, as_date(as_of), include_withdrawn=True)
    view = next((v for v in views if v.key == key), None)
    if view is None:
        raise typer.BadParameter(f"{reference.upper()} has no finding {key}")
    if json:
        emit_json(view)
    else:
        finding_render.print_finding(view)


add_commands(findings, finding_catalogue.SHARING_STEPS)  # share, confirm


@findings.command("search")
def search(
    ctx: typer.Context,
    text: Annotated[str | None, typer.Argument(help="Words to find (stemmed: 'assess' finds 'assessments').")] = None,
    theme: Annotated[str | None, typer.Option(help="A national theme: id, current or earlier name.")] = None,
    pattern: Annotated[str | None, typer.Option(help="A pattern category: 1 to 6 or its id.")] = None,
    agency: Annotated[str | None, typer.Option(help="An agency sector, e.g. police or health.")] = None,
    board: Annotated[str | None, typer.Option(help="A board code.")] = None,
    from_date: Annotated[str | None, typer.Option("--from", help="Logged on or after (YYYY-MM-DD).")] = None,
    to_date: Annotated[str | None, typer.Option("--to", help="Logged on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="At most this many.")] = 50,
    json: Json = False,
) -> None:
    """Search findings across reviews: you see what your role allows (others' boards: shareable only)."""
    session = session_of(ctx)
    # One more than shown: whether more findings match is then known without counting every match.
    found = session.lipp.library.search_findings(
        session.actor(), text, theme, pattern, agency, board, as_date(from_date), as_date(to_date), limit + 1
    )
    more, found = len(found) > limit, found[:limit]
    note = f"Showing the best {limit:,} matches; more match: narrow the search or raise --limit." if more else None
    if json:
        emit_json(found)
        if note:
            output.errors.print(note)
        return
    given = {"text": text, "theme": theme, "pattern": pattern, "agency": agency, "board": board}
    given.update({"from": from_date, "to": to_date})
    searched = ", ".join(f"{name} '{value}'" for name, value in given.items() if value) or "no criteria"
    library_render.print_found(found, escape(searched))
    if note:
        output.console.print(note)
