"""Daily: chase missed learning deadlines (reminders, escalations, lapses), then send the e-mails."""

from __future__ import annotations

from datetime import date
from typing import Any

from prefect import flow, task

from lipp.bootstrap import open_store
from lipp.config import Settings


@task(retries=2, retry_delay_seconds=60)
def chase_missed_deadlines(on: date | None) -> dict[str, int]:
    """Queue and record each step due (idempotent: a step is recorded once, its e-mail queued once by key)."""
    with open_store(Settings()) as lipp:
        return vars(lipp.learning_post().chase(on))


@task(retries=3, retry_delay_seconds=60)
def send_queued() -> dict[str, int]:
    """Send what the outbox holds (idempotent: each key is sent at most once)."""
    with open_store(Settings()) as lipp:
        return vars(lipp.learning_post().send())


@flow(name="learning-chase")
def chase_deliveries(on: date | None = None) -> dict[str, Any]:
    """Chase every delivery whose deadline was missed, as of `on` (default: today in England)."""
    chased = chase_missed_deadlines(on)
    return {**chased, **send_queued()}
