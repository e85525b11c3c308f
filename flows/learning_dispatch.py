"""Send released briefings to their teams: queue one e-mail per delivery, send, record what happened."""

from __future__ import annotations

from typing import Any

from prefect import flow, task

from lipp.application.learning_post import released_keys
from lipp.bootstrap import open_store
from lipp.config import Settings


@task(retries=2, retry_delay_seconds=30)
def queue_briefing(briefing_key: str) -> int:
    """Queue the briefing's e-mails and record its deliveries dispatched (idempotent: keys are queued once)."""
    with open_store(Settings()) as lipp:
        return lipp.learning_post().queue_briefing(briefing_key)


@task(retries=3, retry_delay_seconds=60)
def send_queued() -> dict[str, int]:
    """Send what the outbox holds and record delivered or bounced (idempotent: each key is sent at most once)."""
    with open_store(Settings()) as lipp:
        return vars(lipp.learning_post().send())


@task
def released_briefings() -> list[str]:
    """Every released briefing's key."""
    with open_store(Settings()) as lipp:
        return released_keys(lipp.learning)


@flow(name="learning-dispatch")
def dispatch_briefing(briefing_key: str | None = None) -> dict[str, Any]:
    """Dispatch one released briefing, or every released one when no key is given."""
    keys = [briefing_key] if briefing_key else released_briefings()
    dispatched = sum(queue_briefing(key) for key in keys)
    return {"briefings": len(keys), "dispatched": dispatched, **send_queued()}
