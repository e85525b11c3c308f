"""The national theme digest, quarterly by default: catch up, compute, write, issue, deliver."""

from __future__ import annotations

from datetime import date

from prefect import flow

from flows import national_digest_tasks as tasks
from lipp.flow_runs import lipp_for_run


@flow(name="national-theme-digest")
def national_digest(
    period_from: date | None = None,
    period_to: date | None = None,
    deliver: bool = True,
    requested_by: str | None = None,
) -> str:
    """Issue the national theme digest for the period (the last complete quarter when none is given) and e-mail
    it to subscribed national bodies; returns the digest's id. `requested_by` is the username of whoever asked
    for it; without one the digest says the schedule ran it."""
    with lipp_for_run() as lipp:
        position = tasks.catch_up_facts(lipp)
        computed = tasks.compute_digest(lipp, period_from, period_to, position, requested_by)
        tasks.write_files(lipp, computed)
        digest_id = tasks.issue_digest(lipp, computed, requested_by)
        if deliver:
            tasks.queue_emails(lipp, computed)
            tasks.send_emails(lipp, digest_id)
        return digest_id
