"""Stored Alliance actions, national bodies and issued digests still read as they were recorded."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from lipp.bootstrap import Lipp
from lipp.domain.clock import SettableClock

FIXTURES = sorted((Path(__file__).parent / "alliance_fixtures").glob("stored_alliance_events_*.jsonl"))


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
def test_a_stored_alliance_history_replays_as_recorded_and_its_digest_rebuilds(
    lipp: Lipp, clock: SettableClock, path: Path
) -> None:
    lipp.storage.recorder.insert_events(_stored(path))
    clock.set(datetime(2026, 7, 1, 10, tzinfo=UTC))
    admin = lipp.registry.actor_for("admin")

    [body] = lipp.registry.national_bodies()
    assert (body.code, body.digest_email, body.digest_subscribed) == ("NCB", "alliance@ncb.example", True)
    assert lipp.registry.user("ncb.lead").national_body == "NCB"
    actions = {a.reference: a for a in lipp.alliance.actions(admin)}
    done, dropped = actions["NCB-A1"], actions["NCB-A2"]
    assert (done.status, done.evidence, [p.note for p in done.progress]) == (
        "completed",
        "Adopted by partnerships",
        ["Draft consulted"],
    )
    assert (dropped.status, dropped.withdrawal_reason) == ("withdrawn", "Superseded")

    [digest] = lipp.digests.digests(admin)
    assert (digest.period_from, digest.period_to, digest.issued_on) == (
        date(2026, 1, 1),
        date(2026, 3, 31),
        date(2026, 4, 7),
    )
    _, again = lipp.digests.rebuild(admin, str(digest.id))
    assert again.rendered.content_hash == digest.content_hash
    if not path.stem.endswith("_v1"):  # method 3: who asked, and the approved finding as an exemplar
        assert digest.method == 3
        assert again.document.built_from.requested_by == "ncb.lead (NCB)"
        assert [e.board for e in again.document.exemplars] == [""]  # one NVL review: the board is not named
