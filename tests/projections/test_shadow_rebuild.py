"""A rebuild fills shadow tables and swaps them in at the end: readers keep the old tables until then, and a
rebuild killed part-way leaves them untouched and carries on from where it stopped when run again."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest
from eventsourcing.utils import get_topic
from sqlalchemy import inspect

from lipp.bootstrap import Lipp
from lipp.domain.clock import SettableClock
from lipp.projections import tracking
from lipp.projections.database import is_postgres
from lipp.projections.projection import SHADOW
from tests.conftest import People
from tests.projections.test_crash_safety import LIPP, every_table, history_for_every_projection


def _first_position(lipp: Lipp, name: str) -> int:
    """The notification id of the first event the projection reads."""
    projection = next(p for p in lipp.projections if p.name == name)
    topics = [get_topic(cls) for cls in projection.event_classes]
    return lipp.storage.recorder.select_notifications(None, 1, topics=topics)[0].id


def _shadow_position(lipp: Lipp, name: str) -> int:
    with lipp.read_models.connect() as connection:
        found = tracking.tracked(connection, name + SHADOW)
    return found.notification_id if found else 0


def _tables(lipp: Lipp) -> set[str]:
    return set(inspect(lipp.read_models).get_table_names())


@pytest.fixture
def built(lipp: Lipp, people: People, clock: SettableClock) -> Lipp:
    history_for_every_projection(lipp, people, clock)
    lipp.runner.catch_up_all(lipp.projections)
    return lipp


def test_rebuilding_again_and_again_gives_the_same_tables_and_leaves_no_shadow(built: Lipp) -> None:
    before = every_table(built)
    for _ in range(3):  # each shadow's indexes must find free names beside the live ones
        built.runner.rebuild_all(built.projections)
        assert every_table(built) == before
    assert not [name for name in _tables(built) if SHADOW in name]
    assert all(built.runner.status(p).lag == 0 for p in built.projections)


def test_readers_see_the_old_tables_until_the_rebuild_swaps_in_the_new(built: Lipp, people: People) -> None:
    search = built.library.search_findings
    results = built.marker_results.marker_results
    before = (search(people.admin, "strategy"), results(people.admin), every_table(built))
    seen_during: list[object] = []
    built.runner.rebuild_batch_size = 10

    def read(position: int, end: int) -> None:
        seen_during.append((search(people.admin, "strategy"), results(people.admin), every_table(built)))

    built.runner.rebuild_all(built.projections, read)

    assert len(seen_during) > 3
    assert all(seen == before for seen in seen_during)
    assert (search(people.admin, "strategy"), results(people.admin), every_table(built)) == before


@pytest.mark.slow
def test_a_killed_rebuild_leaves_the_live_tables_and_carries_on_when_run_again(built: Lipp) -> None:
    before = every_table(built)
    end = built.storage.recorder.max_notification_id()
    command = [str(LIPP), "--database-url", built.settings.effective_database_url]
    process = subprocess.Popen(
        [*command, "projections", "rebuild", "--batch-size", "5"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    # Past the first marker event: the pass's first batches may hold only events other projections read
    # (the directory's boards and users), which move every shadow's position without giving it a row.
    first = _first_position(built, "marker_results")
    while process.poll() is None and _shadow_position(built, "marker_results") <= first:
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    reached = {p.name: _shadow_position(built, p.name) for p in built.projections}

    assert first < reached["marker_results"] < end, "killed part-way through the pass"
    assert every_table(built) == before, "the live tables are untouched"

    resumed = built.runner.rebuild_all(built.projections)

    assert every_table(built) == before
    assert not [name for name in _tables(built) if SHADOW in name]
    full = built.runner.rebuild_all(built.projections)
    assert resumed["marker_results"] < full["marker_results"], "carried on rather than starting again"


@pytest.mark.postgres
@pytest.mark.parametrize("settings", ["postgres"], indirect=True)  # planner statistics are PostgreSQL's
def test_rebuilt_tables_come_with_planner_statistics_on_postgresql(built: Lipp) -> None:
    """Fresh tables have none, and PostgreSQL then misjudges how many findings a common word matches."""
    assert is_postgres(built.read_models)
    built.runner.rebuild_all(built.projections)

    with built.read_models.connect() as connection:
        analysed = {
            name
            for (name,) in connection.exec_driver_sql(
                "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL"
            )
        }
    assert {"library_findings", "review_register", "marker_ratings"} <= analysed
