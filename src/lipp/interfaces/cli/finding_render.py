"""Rich renderings of findings and of redaction hits."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from lipp.application.finding_views import FindingView, HitView
from lipp.interfaces.cli.common import highlighted
from lipp.interfaces.cli.output import console, label, panel, show_table

SHARING_STYLE = {
    "shareable": "green",
    "awaiting_approval": "cyan",
    "withheld": "magenta",
    "hits_outstanding": "bold red",
    "not_checked": "yellow",
}


def sharing_text(status: str) -> str:
    return f"[{SHARING_STYLE.get(status, 'white')}]{label(status)}[/]"


def print_findings(reference: str, findings: list[FindingView]) -> None:
    table = Table("rank", "finding", "title", "pattern", "themes", "sharing", title=f"Findings of {reference}")
    for finding in findings:
        table.add_row(
            str(finding.rank) if finding.rank else "[dim]withdrawn[/]",
            finding.key,
            escape(finding.title),
            finding.pattern_title,
            "; ".join(t.name for t in finding.themes),
            sharing_text(finding.sharing),
        )
    show_table(table)
    if not findings:
        console.print("No findings yet.")


def print_finding(finding: FindingView) -> None:
    facts = Table.grid(padding=(0, 2))
    facts.add_row("rank", str(finding.rank) if finding.rank else "withdrawn")
    facts.add_row("what is the issue?", escape(finding.issue))
    facts.add_row("why does it occur?", escape(finding.causes))
    facts.add_row("pattern", f"{finding.pattern_title} (typology v{finding.patterns_version})")
    for theme in finding.themes:
        renamed = f" [dim](recorded as '{escape(theme.recorded_as)}')[/]" if theme.recorded_as != theme.name else ""
        facts.add_row("theme", f"{theme.id} {theme.name}{renamed}")
    facts.add_row("themes version", str(finding.themes_version))
    facts.add_row("agencies", escape(", ".join(finding.agencies)))
    for number, episode in enumerate(finding.evidence, start=1):
        facts.add_row(f"episode {number}", escape(episode))
    facts.add_row("logged", f"{finding.logged_on} ({finding.revisions} revision(s))")
    facts.add_row("sharing", sharing_text(finding.sharing))
    if finding.early_reason:
        facts.add_row("approved before sign-off", escape(finding.early_reason))
    console.print(panel(facts, title=f"[bold]{finding.key}[/]: {escape(finding.title)}", expand=False))
    if finding.hits:
        print_hits(finding.hits, finding)


def print_hits(hits: list[HitView], finding: FindingView | None = None) -> None:
    table = Table("hit", "field", "kind", "at", "text", "cleared", title="Possible identifying details")
    for hit in hits:
        cleared = f"false positive: {escape(hit.false_positive_reason)}" if hit.false_positive_reason else "[red]no[/]"
        table.add_row(str(hit.number), hit.field, label(hit.kind), f"{hit.start}-{hit.end}", escape(hit.text), cleared)
    show_table(table)
    if finding is not None:
        for field, text in finding.free_text.items():
            spans = [(h.start, h.end) for h in hits if h.field == field and not h.false_positive_reason]
            if spans:
                console.print(f"[bold]{field}:[/] ", highlighted(text, spans))
