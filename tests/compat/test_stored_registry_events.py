"""Stored role changes, recoveries and the admin roster still read as they were recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from lipp.bootstrap import Lipp
from lipp.domain.actors import Role
from tests.compat.test_stored_event_fixtures import _stored

FIXTURES = sorted((Path(__file__).parent / "registry_fixtures").glob("stored_registry_events_*.jsonl"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_stored_registry_history_replays_as_recorded(lipp: Lipp, path: Path) -> None:
    lipp.storage.recorder.insert_events(_stored(path))
    registry = lipp.registry

    assert (registry.user("reviewer.b").role, registry.user("reviewer.b").board) == ("coordinator", "EMR")
    assert registry.user("deputy").role == "lead_reviewer"
    recovered = registry.user("national.body")
    assert (recovered.role, recovered.active) == (Role.ADMIN.value, True)
    assert registry.active_admins() == 2
