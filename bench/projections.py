"""Benchmark: rebuild the read models from a national-scale log, beside raw reads of the same log.

    .venv/bin/python bench/projections.py                   # quick: about 100,000 events
    .venv/bin/python bench/projections.py --events 1000000  # the full national-scale run

Prints (1) each projection's rebuild throughput as a ratio of the raw `select_notifications` rate of its
events measured in the same run, then all of them rebuilt together in one pass over the log beside raw reads
of the union of their events, and (2) the register, findings search and marker results queries' latency
(p50 / p99) at that size, then (3) every list from the directory beside the same list computed by scanning
the log (`bench/lists.py`), and (4) the action tracker with 100,000 actions across the boards (`bench/plans.py`).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from eventsourcing.utils import get_topic
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).parent))

from history import INSERT_BATCH, INSERT_BATCH_POSTGRES, TODAY, board_codes, boards, lifecycles, write
from lipp.bootstrap import Lipp, build
from lipp.config import Settings
from lipp.domain.actors import Actor, Role
from lipp.domain.identifiers import board_id_for, user_id_for
from lipp.domain.reference.catalogue import ReferenceData
from lipp.projections.decoding import EventDecoder
from lipp.projections.findings.tables import library_findings
from lipp.projections.projection import Projection
from lists import measure_lists
from plans import measure_tracker

BOARDS = 150
SEARCH_WORDS = ("assessments", "safeguard", "referral", "strategy discussion", "information sharing", "neglect")
READ_BATCH = 10_000


def generate(lipp: Lipp, events: int, seed: int) -> None:
    started = time.perf_counter()
    made: list[object] = boards(board_codes(BOARDS))
    reviews = 0
    for lifecycle in lifecycles(events, BOARDS, seed):
        made.extend(lifecycle)
        reviews += 1 if lifecycle else 0
    generated = time.perf_counter() - started
    batch = INSERT_BATCH_POSTGRES if lipp.read_models.dialect.name == "postgresql" else INSERT_BATCH
    written = write(
        lipp.storage.recorder, lipp.reviews.mapper, made, lambda n: _status(f"writing {n:,}/{len(made):,}"), batch
    )
    print(
        f"history: {reviews:,} reviews, {written:,} events over {BOARDS} boards "
        f"(made in {generated:.1f} s, written in {time.perf_counter() - started - generated:.1f} s)"
    )


def raw_read(lipp: Lipp, topics: list[str]) -> tuple[int, float]:
    recorder, start, count = lipp.storage.recorder, 0, 0
    began = time.perf_counter()
    while True:
        batch = recorder.select_notifications(start, READ_BATCH, topics=topics, inclusive_of_start=False)
        count += len(batch)
        if len(batch) < READ_BATCH:
            return count, time.perf_counter() - began
        start = batch[-1].id


def read_and_convert(lipp: Lipp, topics: list[str]) -> tuple[int, float]:
    recorder, mapper, start, count = lipp.storage.recorder, lipp.reviews.mapper, 0, 0
    began = time.perf_counter()
    while True:
        batch = recorder.select_notifications(start, READ_BATCH, topics=topics, inclusive_of_start=False)
        count += len([mapper.to_domain_event(n) for n in batch])
        if len(batch) < READ_BATCH:
            return count, time.perf_counter() - began
        start = batch[-1].id


def latencies(run: Callable[[], Any], times: int) -> tuple[float, float]:
    taken = []
    for _ in range(times):
        began = time.perf_counter()
        run()
        taken.append((time.perf_counter() - began) * 1000)
    taken.sort()
    return statistics.median(taken), taken[min(len(taken) - 1, int(len(taken) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000, help="size of the history (default 100,000)")
    parser.add_argument("--database-url", default=None, help="default: a SQLite file in a temporary folder")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--queries", type=int, default=300, help="register queries to time")
    parser.add_argument("--actions", type=int, default=100_000, help="actions of plans for the tracker's figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), database_url=args.database_url)
        with build(settings) as lipp:
            if not lipp.storage.recorder.max_notification_id():
                generate(lipp, args.events, args.seed)
            measure(lipp, args.queries)
            measure_tracker(lipp, args.actions, args.queries)  # the action tracker, on the same boards


def measure(lipp: Lipp, queries: int) -> None:
    for projection in (lipp.register.projection, lipp.library.projection, lipp.marker_results.projection):
        rebuild(lipp, projection)
    rebuild_together(lipp, lipp.projections)
    admin = Actor(user_id=user_id_for("admin"), username="admin", role=Role.ADMIN)
    codes = board_codes(BOARDS)
    chance = random.Random(1)

    def register() -> Any:
        code = chance.choice(codes)
        return lipp.register.entries(admin, board_id_for(code), code, TODAY)

    def overdue() -> Any:
        code = chance.choice(codes)
        return lipp.register.entries(admin, board_id_for(code), code, TODAY, overdue_only=True)

    def counts() -> Any:
        code = chance.choice(codes)
        return lipp.register.counts(admin, board_id_for(code), code)

    rows = sum(len(lipp.register.entries(admin, board_id_for(code), code, TODAY)) for code in codes[:10]) // 10
    print(f"\nregister queries ({queries} each, about {rows} reviews per board; catch-up check included):")
    for name, run in (("board register", register), ("overdue only", overdue), ("counts per stage", counts)):
        p50, p99 = latencies(run, queries)
        print(f"  {name:<22} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")
    search_latencies(lipp, queries, codes)
    measure_lists(lipp, queries)  # adds the directory's population to the log, so it runs last


def rebuild(lipp: Lipp, projection: Projection) -> None:
    topics = [get_topic(cls) for cls in projection.event_classes]
    raw_count, raw_seconds = raw_read(lipp, topics)
    converted_count, converted_seconds = read_and_convert(lipp, topics)
    began, began_cpu = time.perf_counter(), time.process_time()
    applied = lipp.runner.rebuild(projection, lambda at, end: _status(f"rebuilding {at:,}/{end:,}"))
    rebuild_seconds, rebuild_cpu = time.perf_counter() - began, time.process_time() - began_cpu
    raw_rate, rebuild_rate = raw_count / raw_seconds, applied / rebuild_seconds
    print(f"\n{projection.name}: its events, raw select_notifications: {raw_count:,} in {raw_seconds:.2f} s")
    print(f"  read + to_domain_event:  {converted_count / converted_seconds:,.0f}/s")
    print(
        f"  rebuild:                 {applied:,} in {rebuild_seconds:.2f} s = {rebuild_rate:,.0f}/s "
        f"= {rebuild_rate / raw_rate:.2f} x the raw read rate ({rebuild_cpu:.1f} s of CPU in this process)"
    )


def rebuild_together(lipp: Lipp, projections: list[Projection]) -> None:
    """All of them from one pass over the log (`lipp projections rebuild`), beside raw reads of the same events."""
    topics = sorted({get_topic(cls) for p in projections for cls in p.event_classes})
    raw_count, raw_seconds = raw_read(lipp, topics)
    decoder = EventDecoder(lipp.reviews.mapper)
    began = time.perf_counter()
    start, decoded = 0, 0
    while True:
        batch = lipp.storage.recorder.select_notifications(start, READ_BATCH, topics=topics, inclusive_of_start=False)
        decoded += len(decoder.events(batch))
        if len(batch) < READ_BATCH:
            break
        start = batch[-1].id
    decode_seconds = time.perf_counter() - began
    began, began_cpu = time.perf_counter(), time.process_time()
    applied = lipp.runner.rebuild_all(projections, lambda at, end: _status(f"rebuilding all {at:,}/{end:,}"))
    rebuild_seconds, rebuild_cpu = time.perf_counter() - began, time.process_time() - began_cpu
    raw_rate, rebuild_rate = raw_count / raw_seconds, raw_count / rebuild_seconds
    print(f"\nall {len(projections)} in one pass: their events, raw select_notifications: {raw_count:,}", end="")
    print(f" in {raw_seconds:.2f} s")
    print(f"  read + EventDecoder:     {decoded / decode_seconds:,.0f}/s")
    print(
        f"  rebuild:                 {raw_count:,} notifications ({sum(applied.values()):,} applications) in "
        f"{rebuild_seconds:.2f} s = {rebuild_rate:,.0f}/s = {rebuild_rate / raw_rate:.2f} x the raw read rate "
        f"({rebuild_cpu:.1f} s of CPU in this process)"
    )


def search_latencies(lipp: Lipp, queries: int, codes: list[str]) -> None:
    library = lipp.library
    national = Actor(user_id=user_id_for("national.body"), username="national.body", role=Role.NATIONAL_BODY)
    code = codes[0]
    coordinator = Actor(
        user_id=user_id_for(f"{code.lower()}.coordinator"),
        username=f"{code.lower()}.coordinator",
        role=Role.COORDINATOR,
        board_id=board_id_for(code),
    )
    themes = [t.id for t in ReferenceData.at().themes.themes]
    chance = random.Random(2)
    word = lambda: chance.choice(SEARCH_WORDS)  # noqa: E731
    with lipp.read_models.connect() as connection:
        findings = connection.execute(select(func.count()).select_from(library_findings)).scalar()
    print(f"\nfindings search ({queries} each, {findings:,} findings; limit 50; catch-up check included):")
    runs: list[tuple[str, Callable[[], Any]]] = [
        ("text, admin", lambda: library.search_findings(admin_actor(), word())),
        ("text, national body", lambda: library.search_findings(national, word())),
        ("theme, national body", lambda: library.search_findings(national, theme=chance.choice(themes))),
        (
            "text+theme+period, coord",
            lambda: library.search_findings(
                coordinator, word(), theme=chance.choice(themes), from_date=date(2015, 1, 1), to_date=TODAY
            ),
        ),
        (
            "text+board+agency, admin",
            lambda: library.search_findings(admin_actor(), word(), board=chance.choice(codes), agency="health"),
        ),
        ("marker results, all", lambda: lipp.marker_results.marker_results(national)),
        (
            "marker results, board+yr",
            lambda: lipp.marker_results.marker_results(
                national, board=chance.choice(codes), from_date=date(2024, 1, 1), to_date=date(2024, 12, 31)
            ),
        ),
    ]
    for name, run in runs:
        p50, p99 = latencies(run, queries)
        print(f"  {name:<26} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")


def admin_actor() -> Actor:
    return Actor(user_id=user_id_for("admin"), username="admin", role=Role.ADMIN)


def _status(text: str) -> None:
    print(f"\r{text}   ", end="", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
