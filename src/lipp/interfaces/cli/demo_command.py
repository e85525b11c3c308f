"""`lipp demo`: seed a fictional history into a fresh SQLite file and show what lipp shows."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from lipp.bootstrap import Lipp, build
from lipp.config import Settings
from lipp.demo import national
from lipp.demo import reviews as scenario
from lipp.demo import web as demo_web
from lipp.digest import files
from lipp.domain.clock import ENGLAND, SettableClock, today_in_england
from lipp.flow_runs import run_flow
from lipp.interfaces.cli import plan_render, review_render
from lipp.interfaces.cli.loop_render import show_loop
from lipp.interfaces.cli.output import console


def demo(
    folder: Annotated[Path, typer.Option(help="Folder for the demo's own database (emptied first).")] = Path(
        "lipp-demo"
    ),
) -> None:
    """Seed three fictional boards and walk reviews through their lifecycle, then show the register and a timeline."""
    if folder.exists():
        shutil.rmtree(folder)
    clock = SettableClock(datetime.now(ENGLAND))
    with build(Settings(data_dir=folder, database_url=None), clock) as lipp:
        with Progress(TextColumn("Seeding reviews"), BarColumn(), MofNCompleteColumn(), console=console) as progress:
            task = progress.add_task("seed", total=scenario.step_count())
            result = scenario.seed(lipp, clock, on_step=lambda: progress.advance(task))
        for code, _, _ in scenario.BOARDS:
            board_coordinator = lipp.registry.actor_for(f"{code.lower()}.coordinator")
            review_render.print_register(code, lipp.reviews.register(board_coordinator, code))
        coordinator = lipp.registry.actor_for("nvl.coordinator")
        first = result.references[0]
        review_render.print_timeline(first, lipp.reviews.timeline(coordinator, first))
        paused = result.references[2]
        review_render.print_review(lipp.reviews.review(coordinator, paused))
        past = clock.now().astimezone(ENGLAND).date() - timedelta(days=150)
        console.print(f"\n[bold]{paused} as it stood on {past}[/] (what the board had recorded by then):")
        review_render.print_review(lipp.reviews.review(coordinator, paused, as_of=past))
        console.print(f"\nA refused step, as a user sees it: [red]{escape(result.refused)}[/]")
        plan_render.print_demo_plan(lipp, coordinator, result.references[-1])
        show_loop(lipp, first)
        html = _national_digest(lipp, clock)
        demo_web.set_demo_passwords(lipp)
    console.print(
        f"\nDemo data is in [bold]{folder}/lipp.db[/]. Explore it, for example:\n"
        f"  lipp --data-dir {folder} --as emr.coordinator review list\n"
        f"  lipp --data-dir {folder} --as nvl.coordinator review show {result.references[3]}\n"
        f"  lipp --data-dir {folder} --as nvl.coordinator plan tracker --overdue\n"
        f"  lipp --data-dir {folder} --as ncb.lead alliance action list\n"
        f"  lipp --data-dir {folder} --as ncb.lead digest list\n"
        f"  lipp --data-dir {folder} --as nvl.coordinator learning metrics\n"
        f"  lipp --data-dir {folder} --as ppu.member delivery list"
    )
    console.print(f"\n[bold]The national theme digest:[/] open {html}")
    console.print(
        f"\n[bold]lipp in a browser:[/] run  lipp --data-dir {folder} serve  and open http://127.0.0.1:8000/app/\n"
        f"Sign in with the demo-only password [bold]{demo_web.DEMO_PASSWORD}[/] (demo data only; never elsewhere) as:"
    )
    for username, what in demo_web.WEB_USERS:
        console.print(f"  {username:<18} {what}")


def _national_digest(lipp: Lipp, clock: SettableClock) -> Path:
    """Seed the national history and the Alliance, run the digest flow for the last complete quarter, and
    return the HTML digest's path (its e-mails go to the outbox folder when no SMTP server is set)."""
    today = today_in_england(clock)
    admin = lipp.registry.actor_for(scenario.ADMIN)
    steps = national.step_count(today)
    with Progress(
        TextColumn("Seeding the national history"), BarColumn(), MofNCompleteColumn(), console=console
    ) as bar:
        task = bar.add_task("national", total=steps)
        national.seed_national(lipp, clock, admin, today, on_step=lambda: bar.advance(task))
    clock.set(datetime.now(ENGLAND))
    with console.status("Running the national digest flow (Prefect's local server takes a few seconds to start)…"):
        digest_id = run_flow(lipp)
    view = lipp.digests.digest(admin, digest_id)
    console.print(
        f"\nIssued the national theme digest {view.label}: e-mailed to the Alliance's subscribed bodies "
        f"(see {lipp.settings.outbox_dir})."
    )
    return files.folder_of(lipp.settings.data_dir, view.id) / files.NAMES["html"]
