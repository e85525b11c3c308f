"""Events stored by every past class version still load: the history a board recorded stays readable."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import get_topic

from lipp.bootstrap import Lipp
from lipp.schemas import event_classes
from tests.compat.record_fixtures import record

HERE = Path(__file__).parent
# The review histories, replayed below; the findings branch's histories (findings, markers, sharing, register)
# are replayed by test_stored_findings_events.py. Every event class must be stored in one or the other.
FIXTURES = sorted((HERE / "fixtures").glob("stored_events_*.jsonl"))
FINDINGS_FIXTURES = sorted((HERE / "findings_fixtures").glob("stored_findings_events_*.jsonl"))
# The Alliance's and digests' histories, replayed by test_stored_alliance_events.py.
ALLIANCE_FIXTURES = sorted((HERE / "alliance_fixtures").glob("stored_alliance_events_*.jsonl"))
EVERY_FIXTURE = sorted(HERE.glob("*fixtures/*.jsonl"))
"""Every folder of stored histories (reviews, findings, learning ...): each event class is stored in one of them."""


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


def test_every_event_class_has_a_stored_fixture() -> None:
    assert FIXTURES and FINDINGS_FIXTURES and ALLIANCE_FIXTURES, "every folder of stored histories is read"
    recorded = {row.topic for path in EVERY_FIXTURE for row in _stored(path)}
    missing = [get_topic(cls) for cls in event_classes() if get_topic(cls) not in recorded]
    assert missing == [], "record a fixture for each new event class (tests/compat/record_fixtures.py)"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_stored_history_replays_into_the_reviews_the_board_recorded(lipp: Lipp, path: Path) -> None:
    replays_as_recorded(lipp, path)


def test_a_history_recorded_now_replays_the_same_with_its_markers_assessed(lipp: Lipp, tmp_path: Path) -> None:
    path = record("now", tmp_path)
    replays_as_recorded(lipp, path)
    admin = lipp.registry.actor_for("admin")
    assert [gate.open for gate in lipp.reviews.quality_markers(admin, "NVL-2026-001").gates] == [True, True]
    assert [gate.open for gate in lipp.reviews.quality_markers(admin, "NVL-2026-002").gates] == [True, False]


def test_the_recorder_never_overwrites_a_recorded_history(tmp_path: Path) -> None:
    path = record("v1", tmp_path)
    recorded = path.read_bytes()
    with pytest.raises(FileExistsError, match="never overwritten"):
        record("v1", tmp_path)
    assert path.read_bytes() == recorded


def replays_as_recorded(lipp: Lipp, path: Path) -> None:
    lipp.storage.recorder.insert_events(_stored(path))
    admin = lipp.registry.actor_for("admin")

    published = lipp.reviews.review(admin, "NVL-2026-001")
    assert published.stage == "closed"
    assert published.kind == "lcspr" and published.methodology == "silp"
    assert published.lead_reviewer == "reviewer.a"
    assert published.agencies == ["police"]
    # Decided 20 January; six months is 20 July, and the 14 days paused (16 Feb to 2 Mar) do not move it.
    completion = next(d for d in published.deadlines if d.name.startswith("completion"))
    assert (completion.due_on, completion.done_on, completion.status) == (date(2026, 7, 20), date(2026, 5, 20), "met")
    assert published.days_paused == 14
    assert [entry.what.split(" ")[0] for entry in lipp.reviews.timeline(admin, "NVL-2026-001")][:3] == [
        "Notified",
        "Rapid",
        "Commissioned",
    ]

    withheld = lipp.reviews.review(admin, "NVL-2026-002")
    assert withheld.stage == "not_published"
    assert lipp.registry.user("reviewer.b").active is False
