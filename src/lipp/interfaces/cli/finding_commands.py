"""CLI commands for findings: the lead reviewer logs, revises, re-ranks and withdraws them; sharing them
beyond the board goes through the redaction check."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from lipp.application.review_sharing import SharingReceipt
from lipp.commands import findings as f
from lipp.interfaces.cli import finding_render, library_render
from lipp.interfaces.cli.common import AsOf, FindingKey, Json, On, Reason, Reference, as_date, session_of, without_empty
from lipp.interfaces.cli.output import console, emit_json, errors

findings = typer.Typer(
    help="Findings: what the review learned, why it happens, and its priority.", no_args_is_help=True
)

Themes = Annotated[list[str], typer.Option("--theme", help="A national theme, by id (NT05) or name. Repeat.")]
Agencies = Annotated[list[str], typer.Option("--agency", help="An agency involved: 'sector' or 'sector:Name'. Repeat.")]
Evidence = Annotated[list[str], typer.Option("--evidence", help="A key practice episode that shows it. Repeat.")]
Pattern = Annotated[str, typer.Option(help="Learning Together pattern category: 1 to 6 or its id.")]


@findings.command("log")
def log(
    ctx: typer.Context,
    reference: Reference,
    title: Annotated[str, typer.Option(help="A short title.")],
    issue: Annotated[str, typer.Option(help="What is the issue? In general terms, not the family's story.")],
    causes: Annotated[str, typer.Option(help="Why does this occur? The underlying causes.")],
    pattern: Pattern,
    themes: Themes,
    agencies: Agencies,
    evidence: Evidence,
    on: On = None,
    json: Json = False,
) -> None:
    """Log a finding (the appointed lead reviewer, while the review is conducted)."""
    session = session_of(ctx)
    command = f.LogFinding.model_validate(
        without_empty(
            {
                "reference": reference,
                "on": on,
                "title": title,
                "issue": issue,
                "causes": causes,
                "pattern": pattern,
                "themes": themes,
                "agencies": agencies,
                "evidence": evidence,
            }
        )
    )
    receipt = session.lipp.reviews.log_finding(session.actor(), command)
    if json:
        emit_json(receipt)
    else:
        console.print(
            f"[bold]{receipt.reference}[/]: logged finding [bold]{receipt.finding}[/] (version {receipt.version})"
        )


@findings.command("revise")
def revise(
    ctx: typer.Context,
    reference: Reference,
    finding: FindingKey,
    reason: Reason,
    title: Annotated[str | None, typer.Option(help="A new title.")] = None,
    issue: Annotated[str | None, typer.Option(help="New wording of the issue.")] = None,
    causes: Annotated[str | None, typer.Option(help="New wording of the causes.")] = None,
    pattern: Annotated[str | None, typer.Option(help="A new pattern category.")] = None,
    themes: Annotated[list[str] | None, typer.Option("--theme", help="Replace the themes. Repeat.")] = None,
    agencies: Annotated[list[str] | None, typer.Option("--agency", help="Replace the agencies. Repeat.")] = None,
    evidence: Annotated[list[str] | None, typer.Option("--evidence", help="Replace the episodes. Repeat.")] = None,
    on: On = None,
    json: Json = False,
) -> None:
    """Revise a finding: give only what changes, and why."""
    fields = {
        "reference": reference,
        "finding": finding,
        "reason": reason,
        "on": on,
        "title": title,
        "issue": issue,
        "causes": causes,
        "pattern": pattern,
        "themes": themes,
        "agencies": agencies,
        "evidence": evidence,
    }
    _step(ctx, json, f.ReviseFinding.model_validate(without_empty(fields)), f"revised {finding.upper()}")


@findings.command("rank")
def rank(
    ctx: typer.Context,
    reference: Reference,
    order: Annotated[list[str], typer.Argument(help="Every finding in force, highest priority first.")],
    reason: Reason,
    on: On = None,
    json: Json = False,
) -> None:
    """Put the findings in a new priority order (quality marker 13)."""
    command = f.ReRankFindings.model_validate(
        without_empty({"reference": reference, "order": order, "reason": reason, "on": on})
    )
    _step(ctx, json, command, "re-ranked: " + ", ".join(key.upper() for key in order))


@findings.command("withdraw")
def withdraw(
    ctx: typer.Context, reference: Reference, finding: FindingKey, reason: Reason, on: On = None, json: Json = False
) -> None:
    """Withdraw a finding; it stays in the history."""
    command = f.WithdrawFinding.model_validate(
        without_empty({"reference": reference, "finding": finding, "reason": reason, "on": on})
    )
    _step(ctx, json, command, f"withdrew {finding.upper()}")


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


@findings.command("share")
def share(ctx: typer.Context, reference: Reference, finding: FindingKey, on: On = None, json: Json = False) -> None:
    """Ask to share a finding beyond the board: the redaction check runs and lists any hits with positions."""
    session = session_of(ctx)
    command = f.ShareFinding.model_validate(without_empty({"reference": reference, "finding": finding, "on": on}))
    _sharing(ctx, json, session.lipp.reviews.share_finding(session.actor(), command))


@findings.command("confirm")
def confirm(
    ctx: typer.Context,
    reference: Reference,
    finding: FindingKey,
    hit: Annotated[int, typer.Option(help="The hit's number, as the check listed it.")],
    reason: Reason,
    on: On = None,
    json: Json = False,
) -> None:
    """Confirm a hit identifies nobody (coordinators), with the reason."""
    session = session_of(ctx)
    fields = {"reference": reference, "finding": finding, "hit": hit, "reason": reason, "on": on}
    command = f.ConfirmFalsePositive.model_validate(without_empty(fields))
    _sharing(ctx, json, session.lipp.reviews.confirm_false_positive(session.actor(), command))


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
            errors.print(note)
        return
    given = {"text": text, "theme": theme, "pattern": pattern, "agency": agency, "board": board}
    given.update({"from": from_date, "to": to_date})
    searched = ", ".join(f"{name} '{value}'" for name, value in given.items() if value) or "no criteria"
    library_render.print_found(found, escape(searched))
    if note:
        console.print(note)


def _step(
    ctx: typer.Context, json: bool, command: f.ReviseFinding | f.ReRankFindings | f.WithdrawFinding, what: str
) -> None:
    session = session_of(ctx)
    receipt = session.lipp.reviews.execute(session.actor(), command)
    if json:
        emit_json(receipt)
    else:
        console.print(f"[bold]{receipt.reference}[/]: {what} (version {receipt.version})")


def _sharing(ctx: typer.Context, json: bool, receipt: SharingReceipt) -> None:
    if json:
        emit_json(receipt)
        return
    status = finding_render.sharing_text(receipt.sharing)
    console.print(f"[bold]{receipt.reference} {receipt.finding}[/]: {status}")
    if receipt.outstanding:
        session = session_of(ctx)
        views = session.lipp.reviews.findings(session.actor(), receipt.reference, include_withdrawn=True)
        view = next(v for v in views if v.key == receipt.finding)
        finding_render.print_hits(receipt.outstanding, view)
        console.print(
            f"Edit the text ('lipp finding revise {receipt.reference} {receipt.finding} ...') or, if a hit identifies "
            "nobody, a coordinator confirms it ('lipp finding confirm ... --hit N --reason ...'). It is not shareable "
            "until every hit is cleared."
        )
