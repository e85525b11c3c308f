"""Benchmark: the national theme digest for a year at national scale, beside plain baselines in the same run.

    .venv/bin/python bench/digest.py                    # quick: about 100,000 events
    .venv/bin/python bench/digest.py --events 1000000   # the national-scale run (about 10,000 reviews)

Prints (1) the digest computation (read the facts as of a position, compute, render HTML, Markdown and JSON)
beside a plain SQL count of the same fact rows, and (2) a whole run of the digest flow beside an empty Prefect
flow, both in this process after Prefect's temporary server has started.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).parent))

from lipp.bootstrap import Lipp, build
from lipp.commands.alliance import RegisterNationalBody
from lipp.config import Settings
from lipp.digest.periods import Period
from lipp.domain.actors import SYSTEM_ACTOR
from lipp.flow_runs import prefect_settings_for_local_runs, run_flow
from lipp.projections.digest_facts.tables import (
    digest_action_versions,
    digest_finding_versions,
    digest_marker_facts,
    digest_review_facts,
)
from projections import generate

YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))
TIMES = 5


@flow(name="empty")
def empty() -> str:
    """The baseline: a flow that does nothing, run the same way."""
    return "done"


def median_seconds(run: Callable[[], Any], times: int = TIMES) -> float:
    taken = []
    for _ in range(times):
        began = time.perf_counter()
        run()
        taken.append(time.perf_counter() - began)
    return statistics.median(taken)


def plain_count(lipp: Lipp, position: int) -> int:
    """The same rows the digest reads, counted by plain SQL: the window's finding versions, the year's review
    steps and marker ratings, every action version."""
    window = YEAR.previous()[0].start
    queries = [
        select(func.count()).where(
            digest_finding_versions.c.logged_on.between(window, YEAR.end),
            digest_finding_versions.c.position <= position,
        ),
        select(func.count()).where(
            digest_review_facts.c.on.between(YEAR.start, YEAR.end), digest_review_facts.c.position <= position
        ),
        select(func.count()).where(
            digest_marker_facts.c.assessed_on.between(YEAR.start, YEAR.end), digest_marker_facts.c.position <= position
        ),
        select(func.count()).select_from(digest_action_versions).where(digest_action_versions.c.position <= position),
    ]
    with lipp.read_models.connect() as connection:
        return sum(int(connection.execute(query).scalar() or 0) for query in queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000, help="size of the history (default 100,000)")
    parser.add_argument("--database-url", default=None, help="default: a SQLite file in a temporary folder")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), database_url=args.database_url)
        with build(settings) as lipp:
            if not lipp.storage.recorder.max_notification_id():
                generate(lipp, args.events, args.seed)
            measure(lipp)


def measure(lipp: Lipp) -> None:
    began = time.perf_counter()
    position = lipp.digests.catch_up(SYSTEM_ACTOR)
    print(f"digest facts caught up from the whole log in {time.perf_counter() - began:.1f} s (position {position:,})")
    computed = lipp.digests.compute(SYSTEM_ACTOR, YEAR, position)
    document = computed.document
    rows = plain_count(lipp, position)
    print(
        f"year {YEAR.label}: {document.reviews.totals.notified:,} reviews notified, "
        f"{document.findings_in_period:,} findings; {rows:,} fact rows read (with the four years compared)"
    )
    digest = median_seconds(lambda: lipp.digests.compute(SYSTEM_ACTOR, YEAR, position))
    count = median_seconds(lambda: plain_count(lipp, position))
    print(f"digest computation (read as of the position, compute, render): {digest * 1000:8.1f} ms (median of {TIMES})")
    print(f"plain SQL count of the same rows:                             {count * 1000:8.1f} ms")
    print(f"  ratio: {digest / count:.1f}x the plain count; target under 2 s: {'met' if digest < 2 else 'NOT met'}")

    _members(lipp)
    with prefect_settings_for_local_runs():
        began = time.perf_counter()
        empty()
        print(f"Prefect's temporary server started with the first flow run: {time.perf_counter() - began:.1f} s")
        bare = median_seconds(empty, 3)
        whole = median_seconds(lambda: run_flow(lipp, period_from=YEAR.start, period_to=YEAR.end), 3)
    print(f"empty flow run:             {bare:6.2f} s (median of 3)")
    print(f"national digest flow run:   {whole:6.2f} s (median of 3: catch up, compute, write, issue, e-mail)")
    added = whole - bare
    print(
        f"  the digest adds {added:.2f} s to Prefect's own overhead; "
        f"target under 3 s: {'met' if added < 3 else 'NOT met'}"
    )


def _members(lipp: Lipp) -> None:
    """Two subscribed national bodies, so the flow queues and sends e-mails too (kept from an earlier run)."""
    if lipp.registry.national_bodies():
        return
    admin = lipp.registry.actor_for(lipp.registry.set_up_first_admin("bench.admin").username)
    for code in ("NCB", "PLN"):
        body = RegisterNationalBody(
            code=code, name=f"{code} national body", digest_email=f"digest@{code.lower()}.example"
        )
        lipp.registry.register_national_body(admin, body)


if __name__ == "__main__":
    main()
