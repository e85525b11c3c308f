"""The national digest flow's tasks, beside the flow: each one small step that calls the package. Retries only
where a step is idempotent (catching up, writing files, issuing under a deterministic id, queueing under
idempotency keys, sending from the outbox)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from lipp.application import digest_delivery
from lipp.application.digests import Computed
from lipp.bootstrap import Lipp
from lipp.digest import files
from lipp.digest.periods import period_of
from lipp.domain.actors import SYSTEM_ACTOR, Actor
from lipp.domain.clock import today_in_england


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def catch_up_facts(lipp: Lipp) -> int:
    """Bring the digest facts up to the end of the log; the position reached is what the digest will see."""
    return lipp.digests.catch_up(SYSTEM_ACTOR)


def _actor(lipp: Lipp, requested_by: str | None) -> Actor:
    """Who the run acts for: the user who asked for it, or lipp's own schedule."""
    return lipp.registry.actor_for(requested_by) if requested_by else SYSTEM_ACTOR


@task(cache_policy=NO_CACHE)
def compute_digest(
    lipp: Lipp, period_from: date | None, period_to: date | None, position: int, requested_by: str | None = None
) -> Computed:
    """Compute and render the digest of the period from the history up to `position`."""
    period = period_of(period_from, period_to, today_in_england(lipp.clock))
    return lipp.digests.compute(_actor(lipp, requested_by), period, position)


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def write_files(lipp: Lipp, computed: Computed) -> Path:
    """Write digest.html, digest.md and digest.json under the data folder; returns the HTML file."""
    written = files.write(files.folder_of(lipp.settings.data_dir, computed.id), computed.rendered)
    return written["html"]


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def issue_digest(lipp: Lipp, computed: Computed, requested_by: str | None = None) -> str:
    """Record the digest as issued (its id is fixed by its period and position, so a retry changes nothing)."""
    return str(lipp.digests.issue(_actor(lipp, requested_by), computed).id)


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def queue_emails(lipp: Lipp, computed: Computed) -> int:
    """Queue one e-mail per subscribed national body (keyed digest/<id>/<body>); returns how many were new."""
    return digest_delivery.queue(lipp.outbox, lipp.registry, computed)


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def send_emails(lipp: Lipp, digest_id: str) -> int:
    """Send what the outbox has due; each message goes at most once successfully. Returns how many were sent."""
    return digest_delivery.send(lipp.outbox, lipp.transport(), digest_id)
