"""Stored account events (passwords set, failures, locks) still read as they were recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from lipp.bootstrap import Lipp
from lipp.domain.identifiers import user_id_for
from lipp.domain.registry.user import User
from tests.compat.record_accounts_fixtures import record
from tests.compat.test_stored_learning_events import _stored

FIXTURES = sorted((Path(__file__).parent / "accounts_fixtures").glob("stored_accounts_events_*.jsonl"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_stored_account_history_replays_as_recorded(lipp: Lipp, path: Path) -> None:
    lipp.storage.recorder.insert_events(_stored(path))
    coordinator: User = lipp.registry.repository.get(user_id_for("nvl.coordinator"))
    assert (coordinator.failed_sign_ins, coordinator.locked, coordinator.second_factor) == (0, False, True)
    reviewer: User = lipp.registry.repository.get(user_id_for("reviewer.a"))
    assert (reviewer.failed_sign_ins, reviewer.locked) == (3, True)
    assert lipp.registry.actor_for("reviewer.a").username == "reviewer.a"  # locked from signing in, not deactivated


def test_an_account_history_recorded_now_replays_the_same(lipp: Lipp, tmp_path: Path) -> None:
    test_a_stored_account_history_replays_as_recorded(lipp, record("now", tmp_path))
