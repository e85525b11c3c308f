"""Benchmark: the action tracker at national scale (by default 100,000 actions across 150 boards).

    .venv/bin/python bench/plans.py                      # generates boards and actions, then times the tracker
    .venv/bin/python bench/plans.py --actions 20000      # a quicker run

`bench/projections.py` runs the same measurement after its own figures. Prints the tracker's catch-up from the
whole log, then the tracker queries' latency (p50 / p99, catch-up check included) for a random board's
coordinator: the board's tracker (first page), overdue only, one agency, one review, and the plan's facts.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from history import INSERT_BATCH, INSERT_BATCH_POSTGRES, TODAY, board_codes, boards, write
from lipp.application.plan_filters import tracker_filter
from lipp.bootstrap import Lipp, build
from lipp.config import Settings
from lipp.domain.actors import Actor, Role
from lipp.domain.identifiers import board_id_for, review_id_for, user_id_for
from lipp.domain.plans import action as action_module
from lipp.domain.plans.action import PlanAction
from lipp.domain.plans.values import ImpactMethod
from lipp.domain.review.vocabulary import AgencySector
from lipp.projections.paging import Paging

BOARDS = 150
ACTIONS_PER_REVIEW = 6
SECTORS = [s for s in AgencySector if s is not AgencySector.OTHER]
FIRST_AGREED = date(2021, 1, 4)


def _noon(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time().replace(hour=12), tzinfo=UTC)


def action_events(count: int, codes: list[str], seed: int) -> list[object]:
    """`count` actions of reviews spread over the boards, each taken some way along its lifecycle. The redaction
    check of their text is left out while they are made: the history is set-up, what is timed is reading it."""
    checked, action_module.check_plain_text = action_module.check_plain_text, lambda field, text: text
    try:
        return _made(count, codes, seed)
    finally:
        action_module.check_plain_text = checked


def _made(count: int, codes: list[str], seed: int) -> list[object]:
    chance = random.Random(seed)
    made: list[object] = []
    span = (TODAY - FIRST_AGREED).days - 30
    sequences = dict.fromkeys(codes, 0)
    coordinator = user_id_for("coordinator")
    for number in range(count):
        if number % ACTIONS_PER_REVIEW == 0:
            code = chance.choice(codes)
            sequences[code] += 1
            agreed_on = FIRST_AGREED + timedelta(days=chance.randrange(span))
            review = f"{code}-{agreed_on.year}-{sequences[code]:03d}"
        on = agreed_on
        action = PlanAction.agree(
            actor_id=coordinator,
            now=_noon(on),
            on=on,
            reference=f"{review}-A{number % ACTIONS_PER_REVIEW + 1}",
            board_id=board_id_for(code),
            board_code=code,
            review_id=review_id_for(review),
            review_reference=review,
            recommendation_number=chance.randint(1, 4),
            recommendation_answered_on=on,
            sector=chance.choice(SECTORS),
            organisation="",
            owner_role="Named Nurse for Safeguarding",
            what="Health visitors are invited to every strategy discussion about a baby under one",
            measure="Share of strategy discussions with health present",
            baseline="4 in 10",
            due_on=on + timedelta(days=chance.randint(60, 365)),
        )

        def later(most: int) -> date | None:
            nonlocal on
            step = on + timedelta(days=chance.randint(1, most))
            if step > TODAY:
                return None
            on = step
            return on

        def by(day: date) -> dict[str, Any]:
            return {"actor_id": coordinator, "now": _noon(day), "on": day}

        if chance.random() < 0.6 and (day := later(60)):
            action.post_progress(**by(day), evidence="Briefings delivered")
        if chance.random() < 0.1 and (day := later(30)):
            action.move_due_date(**by(day), due_on=action.due_on + timedelta(days=90), reason="Capacity")
        if chance.random() < 0.03 and (day := later(30)):
            action.supersede(**by(day), by=f"{review}-A1" if not action.reference.endswith("-A1") else "X", reason="x")
        elif chance.random() < 0.5 and (day := later(120)):
            action.report_completion(**by(day), evidence="Done")
            if chance.random() < 0.2 and (day := later(14)):
                action.return_completion(**by(day), reason="No evidence yet")
            elif chance.random() < 0.8 and (day := later(14)):
                action.verify(**by(day), note="Seen")
                if chance.random() < 0.3 and (day := later(180)):
                    action.check_impact(
                        **by(day), method=ImpactMethod.AUDIT, before=40, after=80, narrative="Better", sample_size=20
                    )
        made.extend(action.collect_events())
    return made


def latencies(run: Any, times: int) -> tuple[float, float]:
    """p50 and p99 in ms of `times` runs, after one unmeasured run (the database's pages warmed)."""
    run()
    taken = []
    for _ in range(times):
        began = time.perf_counter()
        run()
        taken.append((time.perf_counter() - began) * 1000)
    taken.sort()
    return taken[len(taken) // 2], taken[min(len(taken) - 1, int(len(taken) * 0.99))]


def measure_tracker(lipp: Lipp, actions: int, queries: int, seed: int = 2026, with_boards: bool = False) -> None:
    codes = board_codes(BOARDS)
    began = time.perf_counter()
    made = (boards(codes) if with_boards else []) + action_events(actions, codes, seed)
    generated = time.perf_counter() - began
    batch = INSERT_BATCH_POSTGRES if lipp.read_models.dialect.name == "postgresql" else INSERT_BATCH
    written = write(lipp.storage.recorder, lipp.reviews.mapper, made, lambda n: None, batch)
    print(f"plans: {actions:,} actions, {written:,} events over {BOARDS} boards (made in {generated:.1f} s)")
    began = time.perf_counter()
    lipp.runner.catch_up_all(lipp.projections)
    print(f"  every read model caught up (the tracker from its first event) in {time.perf_counter() - began:.1f} s")
    chance = random.Random(3)
    plans = lipp.plans

    def coordinator() -> tuple[Actor, str]:
        code = chance.choice(codes)
        actor = Actor(user_id_for(f"{code}.c"), f"{code.lower()}.c", Role.COORDINATOR, board_id=board_id_for(code))
        return actor, code

    def tracker(limit: int = 500, **wanted: Any) -> Any:
        actor, code = coordinator()
        return plans.tracker(actor, code, tracker_filter(**wanted), Paging(limit=limit))

    def one_review() -> Any:
        actor, code = coordinator()
        first = plans.tracker(actor, code, paging=Paging(limit=1))
        return plans.tracker(actor, code, tracker_filter(review=first[0].review)) if first else None

    def facts() -> Any:
        actor, code = coordinator()
        return plans.facts(actor, code)

    per_board = actions // BOARDS
    print(f"tracker queries ({queries} each, about {per_board} actions per board; first page of 500 unless said):")
    runs = [
        ("board tracker", lambda: tracker()),
        ("board tracker, page of 50", lambda: tracker(limit=50)),
        ("overdue only", lambda: tracker(overdue=True)),
        ("one agency", lambda: tracker(agency=chance.choice(SECTORS).value)),
        ("returned", lambda: tracker(returned=True)),
        ("one review (2 queries)", one_review),
        ("plan facts", facts),
    ]
    for name, run in runs:
        p50, p99 = latencies(run, queries)
        print(f"  {name:<26} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", type=int, default=100_000, help="actions (default 100,000)")
    parser.add_argument("--database-url", default=None, help="default: a SQLite file in a temporary folder")
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as folder,
        build(Settings(data_dir=Path(folder), database_url=args.database_url)) as lipp,
    ):
        measure_tracker(lipp, args.actions, args.queries, with_boards=True)


if __name__ == "__main__":
    main()
