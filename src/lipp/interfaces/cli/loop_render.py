"""The demo's learning loop, as a user sees it: the briefing, its e-mails in the outbox, and the loop metrics."""

from __future__ import annotations

from lipp.bootstrap import Lipp
from lipp.demo.loop import run_loop
from lipp.interfaces.cli.learning_commands import print_metrics
from lipp.interfaces.cli.output import console


def show_loop(lipp: Lipp, reference: str) -> None:
    """Run the loop on the published review `reference` and show what happened."""
    result = run_loop(lipp, reference)
    console.print(
        f"\n[bold]Closing the learning loop[/]: briefing [bold]{result.briefing}[/] from {reference}'s cleared "
        f"findings went to {result.teams_addressed} Northvale teams; {result.sent.sent} e-mails are in "
        f"[bold]{result.outbox}/[/] ({result.emails} .eml files). One team acknowledged by its link, one by its "
        "code; the first reported a change in practice and the coordinator verified it."
    )
    print_metrics(result.metrics)
