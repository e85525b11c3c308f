"""The Prefect flows, run for real: dispatching a released briefing, and the daily chase. The flows only sequence
package calls tested on both back ends, so they run here on SQLite alone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from flows.learning_chase import chase_deliveries
from flows.learning_dispatch import dispatch_briefing

from lipp.bootstrap import Lipp, build
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from tests.conftest import People
from tests.learning.journeys import released
from tests.smtp import LoopbackSmtp


@pytest.fixture
def lipp(
    tmp_path: Path, clock: SettableClock, smtp_server: LoopbackSmtp, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Lipp]:
    """lipp on a SQLite file; the flows read the same settings from the environment, as a deployment would."""
    monkeypatch.setenv("LIPP_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("LIPP_SMTP__HOST", smtp_server.host)
    monkeypatch.setenv("LIPP_SMTP__PORT", str(smtp_server.port))
    with build(Settings(data_dir=tmp_path), clock) as built:
        yield built


@pytest.fixture
def people(lipp: Lipp) -> People:
    return People(lipp)


def test_the_dispatch_and_chase_flows_send_and_chase_once(
    prefect_harness: None,
    lipp: Lipp,
    people: People,
    clock: SettableClock,
    smtp_server: LoopbackSmtp,
) -> None:
    key = released(lipp, people, clock)

    first = dispatch_briefing(key)
    again = dispatch_briefing()  # every released briefing: nothing left to send

    assert (first["dispatched"], first["sent"], first["delivered"]) == (4, 4, 4)
    assert (again["briefings"], again["dispatched"], again["sent"]) == (1, 0, 0)
    assert sorted(str(m["To"]) for m in smtp_server.messages) == [
        f"{team}@teams.example" for team in ("nvl-csc", "nvl-da", "nvl-health", "nvl-police")
    ]

    chased = chase_deliveries(date(2026, 3, 24))  # acknowledgement was due 23 March
    assert (chased["reminders"], chased["sent"]) == (4, 4)
    assert chase_deliveries(date(2026, 3, 24))["reminders"] == 0
    assert len(smtp_server.messages) == 8
