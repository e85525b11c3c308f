"""Stored recommendations, responses and actions of a plan still read as they were recorded."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from lipp.bootstrap import Lipp
from lipp.domain.clock import SettableClock
from tests.compat.record_plans_fixtures import record
from tests.compat.test_stored_alliance_events import _stored

FIXTURES = sorted((Path(__file__).parent / "plans_fixtures").glob("stored_plans_events_*.jsonl"))


def replays_as_recorded(lipp: Lipp, clock: SettableClock, path: Path) -> None:
    lipp.storage.recorder.insert_events(_stored(path))
    clock.set(datetime(2026, 7, 1, 10, tzinfo=UTC))
    admin = lipp.registry.actor_for("admin")
    shown = lipp.reviews.recommendations(admin, "NVL-2026-001")
    assert [(r.key, r.findings, r.response) for r in shown] == [
        ("R1", ["F1", "F2"], "accepted"),
        ("R2", ["F1"], "accepted_in_part"),
    ]
    done = lipp.plans.action(admin, "NVL-2026-001-A1")
    assert (done.status, done.original_due_on, done.due_on, done.returned) == (
        "verified",
        date(2026, 6, 30),
        date(2026, 7, 31),
        1,
    )
    assert [(c.method, c.before, c.after, c.sample_size) for c in done.impacts] == [("dip_sample", 40.0, 90.0, 10)]
    replaced = lipp.plans.action(admin, "NVL-2026-001-A2")
    assert (replaced.status, replaced.superseded_by) == ("superseded", "NVL-2026-001-A1")
    facts = lipp.plans.facts(admin, "NVL")
    assert facts.summary == "1 action agreed with 1 agency; 1 verified; 1 with measured impact"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_stored_plan_replays_as_recorded_and_its_tracker_rebuilds(
    lipp: Lipp, clock: SettableClock, path: Path
) -> None:
    replays_as_recorded(lipp, clock, path)


def test_a_plan_recorded_now_replays_the_same(lipp: Lipp, clock: SettableClock, tmp_path: Path) -> None:
    replays_as_recorded(lipp, clock, record("now", tmp_path))
