"""Stored teams, briefings and deliveries still read as they were recorded."""

from __future__ import annotations

import json
from pathlib import Path
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from lipp.bootstrap import Lipp
from lipp.projections.learning.queries import Slice
from tests.compat.record_learning_fixtures import record

FIXTURES = sorted((Path(__file__).parent / "learning_fixtures").glob("stored_learning_events_*.jsonl"))


def _stored(path: Path) -> list[StoredEvent]:
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    return [
        StoredEvent(
            originator_id=UUID(row["originator_id"]),
            originator_version=row["originator_version"],
            topic=row["topic"],
            state=row["state"].encode(),
        )
        for row in rows
    ]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_stored_learning_history_replays_as_recorded(lipp: Lipp, path: Path) -> None:
    lipp.storage.recorder.insert_events(_stored(path))
    admin = lipp.registry.actor_for("admin")

    assert lipp.registry.team(admin, "NVL-DA").themes == ["NT05"]
    assert lipp.registry.user("nvl-csc.member").team == "NVL-CSC"
    assert lipp.registry.board("NVL").learning_contact == "learning@nvl.example"
    briefing = lipp.learning.briefing(admin, "review-nvl-2026-001")
    assert (briefing.title, briefing.status, briefing.teams_addressed) == (
        "What the review of a bruised baby taught us",
        "released",
        4,
    )
    states = {row.team: row.state for row in lipp.deliveries.deliveries(admin, briefing=briefing.key)}
    assert states == {"NVL-CSC": "verified", "NVL-POLICE": "lapsed", "NVL-HEALTH": "lapsed", "NVL-DA": "lapsed"}
    police = next(r for r in lipp.deliveries.deliveries(admin) if r.team == "NVL-POLICE")
    assert (police.reminders, police.escalations) == (1, 2)
    metrics = lipp.deliveries.metrics(admin, Slice(briefing=briefing.key))
    assert (metrics.reach, metrics.share_verified, metrics.bounced) == (0.25, 0.25, 1)


def test_a_learning_history_recorded_now_replays_the_same(lipp: Lipp, tmp_path: Path) -> None:
    test_a_stored_learning_history_replays_as_recorded(lipp, record("now", tmp_path))
