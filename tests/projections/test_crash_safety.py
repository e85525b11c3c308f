"""A projection process killed with SIGKILL at random moments, then restarted, ends exactly where a clean run does."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from lipp.bootstrap import Lipp
from lipp.commands.alliance import CommitAction
from lipp.commands.learning import AcknowledgeDelivery
from lipp.commands.register import EnrolReviewer
from lipp.commands.tokens import IssueToken
from lipp.digest.periods import Period
from lipp.domain.clock import SettableClock
from lipp.projections import tracking
from lipp.projections.register.table import review_register
from tests.alliance.members import Members
from tests.conftest import People
from tests.learning.journeys import released
from tests.plans.journeys import agree, answered
from tests.projections.library_journeys import coordinator_of
from tests.projections.stories import Storyteller, random_moves, table_rows
from tests.projections.test_library_matches_reviews import play
from tests.projections.test_marker_results import rate

KILLS = 4
RATINGS = ("met", "partly_met", "not_met", "not_applicable")
LIPP = Path(sys.executable).with_name("lipp")


def _catch_up_process(lipp: Lipp, *, every: bool = False) -> subprocess.Popen[bytes]:
    command = [str(LIPP), "--database-url", lipp.settings.effective_database_url, "projections", "catch-up"]
    command += [] if every else ["review_register"]
    command += ["--batch-size", "1"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _position(lipp: Lipp) -> int:
    with lipp.read_models.connect() as connection:
        if not lipp.read_models.dialect.has_table(connection, tracking.tracking.name):
            return 0
        found = tracking.tracked(connection, "review_register")
    return found.notification_id if found else 0


@pytest.mark.slow
def test_killed_and_restarted_catch_up_matches_an_uninterrupted_run(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    teller = Storyteller(lipp, people, clock)
    for move in random_moves(11, 300):
        teller.play(move)
    end = lipp.storage.recorder.max_notification_id()
    chance = random.Random(7)
    killed_at: list[int] = []

    while len(killed_at) < KILLS:
        before = _position(lipp)
        process = _catch_up_process(lipp)
        while process.poll() is None and _position(lipp) == before:
            time.sleep(0.005)  # wait out start-up: kill only once this run is applying events
        if process.poll() is not None:
            break  # it finished before we could kill it
        time.sleep(chance.uniform(0, 0.05))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        killed_at.append(_position(lipp))
    finish = _catch_up_process(lipp)
    _, errors = finish.communicate(timeout=120)
    assert finish.returncode == 0, errors.decode()
    after_kills = table_rows(lipp.read_models, review_register)
    position_after_kills = _position(lipp)

    lipp.runner.rebuild(lipp.register.projection)

    assert len(killed_at) == KILLS and all(0 < position < end for position in killed_at)
    assert position_after_kills == end
    assert len(after_kills) == len(teller.references)
    assert after_kills == table_rows(lipp.read_models, review_register)


def _all_positions(lipp: Lipp) -> int:
    with lipp.read_models.connect() as connection:
        if not lipp.read_models.dialect.has_table(connection, tracking.tracking.name):
            return 0
        found = [tracking.tracked(connection, p.name) for p in lipp.projections]
    return sum(f.notification_id for f in found if f is not None)


def every_table(lipp: Lipp) -> list[list[tuple[object, ...]]]:
    return [table_rows(lipp.read_models, t) for p in lipp.projections for t in p.metadata.sorted_tables]


def history_for_every_projection(lipp: Lipp, people: People, clock: SettableClock) -> None:
    """Review lifecycles for the register, findings for the library, ratings for marker results, Alliance
    actions for the digest facts, and something of every kind the directory lists."""
    teller = Storyteller(lipp, people, clock)
    for move in random_moves(5, 80):
        teller.play(move)
    chance = random.Random(3)
    references: list[str] = []
    for _ in range(40):
        play(lipp, people, references, chance.randrange(8), chance.randrange(1 << 12))
    for reference in references:
        for marker in (1, 2, 3):
            rate(lipp, coordinator_of(people, reference.split("-")[0]), reference, marker, chance.choice(RATINGS))
    members = Members(lipp, people)
    for number, theme in enumerate(("NT04", "NT13", "NT17")):
        due = clock.now().date() + timedelta(days=30 + number)
        lipp.alliance.commit(
            members.ncb, CommitAction(theme=theme, owner="Policy lead", description="Guide", due_on=due)
        )
    briefing = released(lipp, people, clock)
    member = lipp.registry.actor_for("nvl-csc.member")
    [delivery] = lipp.deliveries.deliveries(member, briefing=briefing)
    lipp.learning.acknowledge(member, AcknowledgeDelivery(code=delivery.code))
    # The directory lists tokens, reviewers and digests too.
    lipp.tokens.issue(people.admin, IssueToken(username="nvl.coordinator", label="case system"))
    lipp.reviewers.enrol(people.admin, EnrolReviewer(username="reviewer.b", expertise=["neglect"]))
    digests = lipp.digests
    quarter = Period(date(2026, 1, 1), date(2026, 3, 31))
    digests.issue(people.admin, digests.compute(people.admin, quarter, digests.catch_up(people.admin)))
    # An action plan for the tracker: recommendations answered, and an action agreed on one of them.
    planned = answered(lipp, people, case="Child Z")
    agree(lipp, people.coordinator, planned, due_on=clock.now().date() + timedelta(days=60))


@pytest.mark.slow
def test_killed_one_pass_catch_up_of_every_projection_matches_an_uninterrupted_run(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    history_for_every_projection(lipp, people, clock)
    end = lipp.storage.recorder.max_notification_id()
    chance = random.Random(9)
    kills = 0
    while kills < KILLS:
        before = _all_positions(lipp)
        process = _catch_up_process(lipp, every=True)
        while process.poll() is None and _all_positions(lipp) == before:
            time.sleep(0.005)
        if process.poll() is not None:
            break
        time.sleep(chance.uniform(0, 0.05))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        kills += 1
    finish = _catch_up_process(lipp, every=True)
    _, errors = finish.communicate(timeout=120)
    assert finish.returncode == 0, errors.decode()
    after_kills = every_table(lipp)

    lipp.runner.rebuild_all(lipp.projections)

    assert kills == KILLS
    assert _all_positions(lipp) == end * len(lipp.projections)
    assert all(after_kills), "every projection has rows"
    assert after_kills == every_table(lipp)
