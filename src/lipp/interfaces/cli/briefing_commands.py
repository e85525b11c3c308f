"""CLI commands for briefings: draft from a review or a theme, edit, show in any rendering, release."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from lipp.commands.learning import DraftReviewBriefing, DraftThemeBriefing, EditBriefing, ReleaseBriefing
from lipp.interfaces.cli.common import Json, as_date, session_of, without_empty
from lipp.interfaces.cli.output import Limit, Offset, console, emit_json, emit_page, paging, plain_text
from lipp.learning import render
from lipp.learning.document import BriefingDocument
from lipp.projections.paging import DEFAULT_LIMIT

briefings = typer.Typer(help="Seven-minute briefings: draft, edit, release.", no_args_is_help=True)
Key = Annotated[str, typer.Argument(help="The briefing's key, e.g. review-nvl-2026-001.")]


class Format(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    JSON = "json"


@briefings.command("draft")
def draft(
    ctx: typer.Context,
    review: Annotated[str | None, typer.Option(help="A published review of your board.")] = None,
    theme: Annotated[str | None, typer.Option(help="A national theme (national bodies).")] = None,
    from_date: Annotated[str | None, typer.Option("--from", help="Findings logged from this date.")] = None,
    to_date: Annotated[str | None, typer.Option("--to", help="Findings logged up to this date.")] = None,
    json: Json = False,
) -> None:
    """Draft a briefing from a published review's or a theme's shareable findings."""
    session = session_of(ctx)
    if (review is None) == (theme is None):
        raise typer.BadParameter("give either --review or --theme")
    learning = session.lipp.learning
    if review:
        document = learning.draft_from_review(session.actor(), DraftReviewBriefing(reference=review))
    else:
        fields = {"theme": theme, "from_date": as_date(from_date, "--from"), "to_date": as_date(to_date, "--to")}
        document = learning.draft_from_theme(session.actor(), DraftThemeBriefing.model_validate(without_empty(fields)))
    _show(document, Format.JSON if json else Format.TEXT)
    if not json:
        console.print(f"\nDrafted [bold]{document.key}[/]. Edit it, then 'lipp briefing release {document.key}'.")


@briefings.command("edit")
def edit(
    ctx: typer.Context,
    key: Key,
    title: Annotated[str | None, typer.Option()] = None,
    background: Annotated[str | None, typer.Option()] = None,
    why_it_matters: Annotated[str | None, typer.Option()] = None,
    key_information: Annotated[list[str] | None, typer.Option("--key-information", help="Repeat per part.")] = None,
    remember: Annotated[list[str] | None, typer.Option(help="A thing to remember; repeat.")] = None,
    what_to_do: Annotated[list[str] | None, typer.Option(help="An action; repeat.")] = None,
    question: Annotated[list[str] | None, typer.Option(help="A reflective question; repeat.")] = None,
    json: Json = False,
) -> None:
    """Replace the sections given (new text passes the redaction check)."""
    session = session_of(ctx)
    fields = {
        "key": key,
        "title": title,
        "background": background,
        "why_it_matters": why_it_matters,
        "key_information": key_information,
        "remember": remember,
        "what_to_do": what_to_do,
        "questions": question,
    }
    document = session.lipp.learning.edit(session.actor(), EditBriefing.model_validate(without_empty(fields)))
    _show(document, Format.JSON if json else Format.TEXT)


@briefings.command("show")
def show(
    ctx: typer.Context,
    key: Key,
    format: Annotated[Format, typer.Option("--format", help="text, markdown, html or json.")] = Format.TEXT,
) -> None:
    """Show a briefing rendered as text, Markdown, HTML or JSON."""
    session = session_of(ctx)
    _show(session.lipp.learning.briefing(session.actor(), key), format)


@briefings.command("list")
def list_briefings(ctx: typer.Context, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, json: Json = False) -> None:
    """List the briefings you may see."""
    session = session_of(ctx)
    rows = session.lipp.learning.briefings(session.actor(), paging(limit, offset))

    def table() -> Table:
        shown = Table("key", "title", "scope", "status", "released", "teams", title="Briefings")
        for row in rows:
            released = str(row.released_on) if row.released_on else "-"
            shown.add_row(row.key, escape(row.title), row.scope, row.status, released, str(row.teams_addressed))
        return shown

    emit_page(rows, None if json else table, ("key",))


@briefings.command("release")
def release(ctx: typer.Context, key: Key, json: Json = False) -> None:
    """Release a briefing: one delivery for every team whose subscriptions match."""
    session = session_of(ctx)
    receipt = session.lipp.learning.release(session.actor(), ReleaseBriefing(key=key))
    if json:
        emit_json(receipt)
    else:
        console.print(
            f"Released [bold]{receipt.key}[/] to {receipt.teams_addressed} team(s). "
            f"Send it with 'lipp learning dispatch {receipt.key}'."
        )


def _show(document: BriefingDocument, format: Format) -> None:
    if format is Format.JSON:
        emit_json(document)
    elif format is Format.MARKDOWN:
        print(plain_text(render.markdown(document)))
    elif format is Format.HTML:
        print(plain_text(render.html(document)))
    else:
        console.print(escape(render.text(document)))
