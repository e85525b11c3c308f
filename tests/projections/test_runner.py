"""Catching up, following, rebuilding: each event reaches the read model exactly once, whatever the timing."""

from __future__ import annotations

import gc
import threading
import time
from typing import ClassVar

from lipp.bootstrap import Lipp
from lipp.domain.clock import SettableClock
from lipp.projections.collector import collector_paused
from lipp.projections.database import create_read_model_engine
from lipp.projections.follow import follow
from lipp.projections.register.projection import ReviewRegisterProjection
from lipp.projections.register.table import review_register
from lipp.projections.runner import ProjectionRunner
from tests.conftest import People
from tests.projections.stories import Move, Storyteller, random_moves, table_rows


def tell(lipp: Lipp, people: People, clock: SettableClock, seed: int, moves: int) -> None:
    teller = Storyteller(lipp, people, clock)
    for move in random_moves(seed, moves):
        teller.play(move)


def test_a_projection_added_later_backfills_the_whole_history(lipp: Lipp, people: People, clock: SettableClock) -> None:
    tell(lipp, people, clock, seed=1, moves=60)
    projection = ReviewRegisterProjection()
    before = lipp.runner.status(projection)

    applied = lipp.runner.catch_up(projection)

    after = lipp.runner.status(projection)
    assert not before.position and before.lag == before.log_end > 0  # its tables are made with the store
    assert after.position == after.log_end and after.lag == 0
    assert applied == len(table_rows(lipp.read_models, review_register)) + sum(
        row.version - 1 for row in _versions(lipp)
    )


def test_status_shows_the_lag_until_the_next_catch_up(lipp: Lipp, people: People, clock: SettableClock) -> None:
    projection = ReviewRegisterProjection()
    tell(lipp, people, clock, seed=2, moves=10)
    lipp.runner.catch_up(projection)
    tell(lipp, people, clock, seed=3, moves=10)

    lagging = lipp.runner.status(projection)
    lipp.runner.catch_up(projection)

    assert lagging.lag > 0
    assert lipp.runner.status(projection).lag == 0


def test_rebuild_gives_identical_tables(lipp: Lipp, people: People, clock: SettableClock) -> None:
    projection = ReviewRegisterProjection()
    lipp.runner.batch_size = 7
    teller = Storyteller(lipp, people, clock)
    for number, move in enumerate(random_moves(4, 120)):
        teller.play(move)
        if number % 13 == 0:
            lipp.runner.catch_up(projection)  # built up in many small steps...
    lipp.runner.catch_up(projection)
    built_in_steps = table_rows(lipp.read_models, review_register)

    lipp.runner.batch_size = 10_000
    lipp.runner.rebuild(projection)  # ...and all at once

    assert table_rows(lipp.read_models, review_register) == built_in_steps
    assert len(built_in_steps) == len(teller.references)


def test_rival_runners_apply_each_event_once(lipp: Lipp, people: People, clock: SettableClock) -> None:
    tell(lipp, people, clock, seed=5, moves=150)
    engines = [create_read_model_engine(lipp.settings.effective_database_url) for _ in range(3)]
    runners = [ProjectionRunner(e, lipp.storage.recorder, lipp.reviews.mapper, batch_size=2) for e in engines]
    failures: list[BaseException] = []

    def run(runner: ProjectionRunner) -> None:
        try:
            runner.catch_up(ReviewRegisterProjection())
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=run, args=(r,)) for r in runners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    raced = table_rows(lipp.read_models, review_register)
    for engine in engines:
        engine.dispose()

    lipp.runner.rebuild(ReviewRegisterProjection())

    assert failures == []
    assert raced == table_rows(lipp.read_models, review_register)


class RegisterWithAnExtraColumn(ReviewRegisterProjection):
    """The register as a later release might define it: same name, higher version."""

    version: ClassVar[int] = 2


def test_a_new_version_of_a_projection_is_rebuilt_before_it_is_read(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    tell(lipp, people, clock, seed=6, moves=40)
    lipp.runner.catch_up(ReviewRegisterProjection())
    old = table_rows(lipp.read_models, review_register)
    upgraded = ProjectionRunner(lipp.read_models, lipp.storage.recorder, lipp.reviews.mapper)

    applied = upgraded.catch_up(RegisterWithAnExtraColumn())

    assert applied > 0
    assert table_rows(lipp.read_models, review_register) == old
    assert upgraded.status(RegisterWithAnExtraColumn()).lag == 0
    assert upgraded.status(ReviewRegisterProjection()).position is None


def test_a_follower_shows_a_new_notification_within_a_second(lipp: Lipp, people: People, clock: SettableClock) -> None:
    stop = threading.Event()
    follower = threading.Thread(
        target=follow, args=(lipp.runner, [ReviewRegisterProjection()], stop), kwargs={"interval": 0.2}
    )
    follower.start()
    try:
        time.sleep(0.3)
        Storyteller(lipp, people, clock).play(Move(days=0, pick=0))
        recorded = time.monotonic()
        while not table_rows(lipp.read_models, review_register) and time.monotonic() - recorded < 5:
            time.sleep(0.01)
        waited = time.monotonic() - recorded
    finally:
        stop.set()
        follower.join()
    assert len(table_rows(lipp.read_models, review_register)) == 1
    assert waited < 1.0


def _versions(lipp: Lipp) -> list[object]:
    with lipp.read_models.connect() as connection:
        return list(connection.execute(review_register.select()).all())


def test_the_garbage_collector_is_as_it_was_after_catch_ups_and_rebuilds(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    """Batches are folded with the collector paused; it must never stay off after (memory would only grow),
    nor be switched on for a process that had it off."""
    tell(lipp, people, clock, seed=4, moves=20)
    projection = ReviewRegisterProjection()
    lipp.runner.catch_up(projection)
    assert gc.isenabled()
    tell(lipp, people, clock, seed=5, moves=5)
    gc.disable()
    try:
        lipp.runner.rebuild(projection)
        assert not gc.isenabled()
    finally:
        gc.enable()

    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "the outer pause still holds"
    assert gc.isenabled()
