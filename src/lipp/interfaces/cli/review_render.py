"""Rich renderings of reviews: the detail view, the board register and the timeline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol

from rich.markup import escape
from rich.table import Table

from lipp.domain.clock import ENGLAND
from lipp.interfaces.cli.output import console, label, panel, rag_text, show_table

if TYPE_CHECKING:
    from lipp.application.views import ReviewView, TimelineEntry
    from lipp.projections.register.entries import StageCount


class RegisterLine(Protocol):
    """A register line, from the read model (now) or from replay (as it stood on a day)."""

    @property
    def reference(self) -> str: ...
    @property
    def case_reference(self) -> str: ...
    @property
    def stage(self) -> str: ...
    @property
    def paused(self) -> bool: ...
    @property
    def next_deadline(self) -> str | None: ...
    @property
    def next_due_on(self) -> date | None: ...
    @property
    def next_status(self) -> str | None: ...
    @property
    def next_rag(self) -> str | None: ...


def print_review(view: ReviewView) -> None:
    paused = f" — [yellow]paused since {view.paused_since} ({label(view.paused_for)})[/]" if view.paused_since else ""
    facts = Table.grid(padding=(0, 2))
    facts.add_row("stage", f"[bold]{label(view.stage)}[/]{paused}")
    looked_after = ", looked after" if view.looked_after else ""
    facts.add_row("case", f"{escape(view.case_reference)} ({label(view.incident_kind)}{looked_after})")
    facts.add_row("board aware", str(view.aware_on))
    facts.add_row("notified", str(view.notified_on))
    facts.add_row("agencies", escape(", ".join(view.agencies)))
    if view.decision:
        facts.add_row("decision", f"{label(view.decision)}: {escape(view.rationale)}")
    if view.kind:
        facts.add_row("review", f"{view.kind.upper()} ({label(view.methodology)})")
    if view.lead_reviewer:
        facts.add_row("lead reviewer", view.lead_reviewer)
    if view.scope_from:
        facts.add_row("scope", f"{view.scope_from} to {view.scope_to}")
        for line in view.key_lines_of_enquiry:
            facts.add_row("", f"• {escape(line)}")
    if view.earliest_publication_on:
        facts.add_row("publish from", str(view.earliest_publication_on))
    if view.days_paused:
        facts.add_row("paused", f"{view.days_paused} days in all (the due dates do not move)")
    if view.delay_explained_on:
        told = " and ".join(label(r) for r in view.delay_explained_to)
        facts.add_row("delay explained", f"to {told} on {view.delay_explained_on}")
    console.print(panel(facts, title=f"[bold]{view.reference}[/] ({view.board}) as of {view.as_of}", expand=False))
    deadlines = Table("deadline", "due", "done", "status", title="Deadlines")
    for deadline in view.deadlines:
        deadlines.add_row(
            deadline.name, str(deadline.due_on), str(deadline.done_on or "-"), rag_text(deadline.status, deadline.rag)
        )
    show_table(deadlines)


def print_register(board: str, rows: Sequence[RegisterLine]) -> None:
    table = Table("reference", "case", "stage", "next deadline", "due", "status", title=f"Reviews of {board}")
    for row in rows:
        stage = label(row.stage) + (" [yellow](paused)[/]" if row.paused else "")
        table.add_row(
            row.reference,
            escape(row.case_reference),
            stage,
            row.next_deadline or "-",
            str(row.next_due_on or "-"),
            rag_text(row.next_status, row.next_rag),
        )
    show_table(table, ("reference", "case"))
    if not rows:
        console.print("No reviews.")


def print_counts(board: str, stages: list[StageCount]) -> None:
    table = Table("stage", "reviews", "paused", title=f"Reviews of {board} by stage")
    for count in stages:
        table.add_row(label(count.stage), str(count.reviews), str(count.paused or "-"))
    table.add_row("[bold]all[/]", f"[bold]{sum(c.reviews for c in stages)}[/]", str(sum(c.paused for c in stages)))
    show_table(table)


def print_timeline(reference: str, entries: list[TimelineEntry]) -> None:
    table = Table("#", "date (recorded)", "who", "what and why", title=f"Timeline of {escape(reference)}")
    for entry in entries:
        recorded = entry.recorded_at.astimezone(ENGLAND).strftime("%Y-%m-%d %H:%M")
        why = f"\n[italic dim]why: {escape(entry.why)}[/]" if entry.why else ""
        table.add_row(str(entry.version), f"{entry.on}\n[dim]({recorded})[/]", entry.actor, escape(entry.what) + why)
    show_table(table)
