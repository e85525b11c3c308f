"""How recommendations, actions, the tracker and a plan's facts read on the CLI (rich markup)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from lipp.interfaces.cli.common import escape
from lipp.interfaces.cli.output import console, label

RAG_WORD = {"green": "[green]green[/]", "amber": "[yellow]amber[/]", "red": "[bold red]red[/]"}


def rag(view: Any) -> str:
    if view.rag is None:
        return "-"
    word = RAG_WORD[view.rag]
    return f"{word} [bold red]OVERDUE[/]" if view.overdue else word


def agency(view: Any) -> str:
    sector = label(view.sector)
    return f"{sector}: {escape(view.organisation)}" if view.organisation else sector


def action_line(view: Any) -> str:
    """`NVL-2026-001-A1 (health, R1): in progress, due 2026-06-30, green`."""
    moved = f" (was {view.original_due_on})" if view.due_on != view.original_due_on else ""
    return (
        f"[bold]{view.reference}[/] ({agency(view)}, {view.recommendation}): {label(view.status)}, "
        f"due {view.due_on}{moved}, {rag(view)}"
    )


def print_action(view: Any) -> None:
    """An action with everything recorded about it."""
    console.print(action_line(view))
    console.print(f"  owner: {escape(view.owner_role)}")
    console.print(f"  what: {escape(view.what)}")
    console.print(f"  measure: {escape(view.measure)} (baseline: {escape(view.baseline)})")
    for note in view.progress:
        console.print(f"  {note.on}  progress: {escape(note.text)}")
    for note in view.returns:
        console.print(f"  {note.on}  returned: {escape(note.text)}")
    for move in view.due_moves:
        console.print(f"  {move.on}  due date moved {move.moved_from} → {move.moved_to}: {escape(move.reason)}")
    if view.completion_reported_on:
        console.print(f"  {view.completion_reported_on}  completion reported: {escape(view.completion_evidence)}")
    if view.verified_on:
        console.print(f"  {view.verified_on}  verified: {escape(view.verification_note) or '-'}")
    for check in view.impacts:
        sample = f", {check.sample_size} sampled" if check.sample_size else ""
        console.print(
            f"  {check.on}  impact ({label(check.method)}{sample}): {check.before:g} → {check.after:g}; "
            f"{escape(check.narrative)}"
        )
    if view.superseded_by:
        console.print(f"  superseded by {view.superseded_by}")


def tracker_table(entries: Any, title: str) -> Table:
    table = Table(
        "action", "review", "rec", "agency", "owner", "status", "due", "RAG", "returned", "impact", title=title
    )
    for e in entries:
        table.add_row(
            e.reference,
            e.review,
            e.recommendation,
            agency(e),
            escape(e.owner_role),
            label(e.status),
            str(e.due_on),
            rag(e),
            str(e.returned) if e.returned else "-",
            "yes" if e.impact_checks else "-",
        )
    return table


def recommendations_table(views: Any, reference: str) -> Table:
    table = Table("rec", "addressed to", "answers", "response", "recommendation", title=f"{reference}: recommendations")
    for v in views:
        response = label(v.response) if v.response else "[yellow]awaiting response[/]"
        if v.response_reason:
            response += f": {escape(v.response_reason)}"
        table.add_row(v.key, escape(v.addressee), ", ".join(v.findings), response, escape(v.text))
    return table


def print_demo_plan(lipp: Any, coordinator: Any, reference: str) -> None:
    """The demo's action plan: its tracker and the facts markers 15 and 18 are assessed beside."""
    from lipp.application.plan_filters import tracker_filter
    from lipp.interfaces.cli.output import show_table

    board = reference.rsplit("-", 2)[0]
    entries = lipp.plans.tracker(coordinator, board, tracker_filter(review=reference))
    console.print()
    show_table(tracker_table(entries, f"The action plan of {reference}"), ("action", "review"))
    facts = lipp.plans.facts(coordinator, board, reference)
    console.print(f"Facts for quality markers 15 and 18: [bold]{escape(facts.summary)}[/]")
