"""A projection that meets an event it cannot apply stops there, says where and why, and lets the others go on."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import ClassVar

import pytest
from eventsourcing.domain import DomainEvent
from fastapi.testclient import TestClient
from sqlalchemy import Column, Integer, MetaData, Table, func, select
from sqlalchemy.engine import Connection

from lipp import bootstrap
from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands.tokens import IssueToken
from lipp.domain.clock import SettableClock
from lipp.domain.review.aggregate import Review
from lipp.interfaces.api.app import create_app
from lipp.projections import catalogue
from lipp.projections.catalogue import all_projections
from lipp.projections.faults import NotStuckThere, ProjectionStuck
from lipp.projections.projection import Projection
from lipp.projections.register.projection import ReviewRegisterProjection
from tests.conftest import People
from tests.interfaces.cli_run import run_cli
from tests.projections.library_journeys import in_conduct, log
from tests.projections.stories import Storyteller, random_moves

seen_table_metadata = MetaData()
seen = Table("test_seen_events", seen_table_metadata, Column("notification_id", Integer, primary_key=True))


class Fussy(Projection):
    """Counts review events, and cannot apply a rapid review decision while `broken` (as a bug would)."""

    name = "test_fussy"
    metadata = seen_table_metadata
    broken: ClassVar[bool] = True

    @property
    def event_classes(self) -> tuple[type[DomainEvent], ...]:
        return (Review.Notified, Review.RapidReviewDecided, Review.Commissioned)

    def apply(self, connection: Connection, events: Sequence[DomainEvent]) -> None:
        raise AssertionError("apply_at is used")

    def apply_at(self, connection: Connection, events: Sequence[DomainEvent], positions: Sequence[int]) -> None:
        for event, position in zip(events, positions, strict=True):
            if Fussy.broken and isinstance(event, Review.RapidReviewDecided):
                raise ValueError("cannot apply \x1b[31mthis\x1b[0m decision")
            connection.execute(self.own(seen).insert().values(notification_id=position))


def seen_count(lipp: Lipp) -> int:
    with lipp.read_models.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(seen)).scalar_one())


def first_position(lipp: Lipp, event_class: type[DomainEvent]) -> int:
    for notification in lipp.reviews.notifications_of(event_class):
        return notification.id
    raise AssertionError("no such event")


@pytest.fixture(autouse=True)
def broken_again() -> None:
    Fussy.broken = True


def test_a_stuck_projection_names_the_event_and_the_others_catch_up(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    teller = Storyteller(lipp, people, clock)
    for move in random_moves(11, 40):
        teller.play(move)
    fussy, register = Fussy(), ReviewRegisterProjection()
    bad = first_position(lipp, Review.RapidReviewDecided)

    lipp.runner.catch_up_all([fussy, register], batch_size=7)

    status = lipp.runner.status(fussy)
    assert status.stuck is not None and status.stuck.notification_id == bad
    assert status.position == bad - 1
    assert status.stuck.topic.endswith("Review.RapidReviewDecided")
    assert status.stuck.reason == "ValueError: cannot apply \\x1b[31mthis\\x1b[0m decision"
    assert lipp.runner.status(register).lag == 0 and lipp.runner.status(register).stuck is None

    lipp.runner.catch_up(fussy)  # tried again: still stuck at the same place, nothing lost or doubled
    assert lipp.runner.status(fussy).stuck == status.stuck
    assert lipp.runner.status(fussy).position == bad - 1

    Fussy.broken = False  # the cause is fixed: it goes on by itself
    lipp.runner.catch_up(fussy)
    after = lipp.runner.status(fussy)
    assert after.stuck is None and after.lag == 0
    wanted = sum(1 for _ in lipp.reviews.notifications_of(*fussy.event_classes))
    assert seen_count(lipp) == wanted


def test_an_operator_skips_the_one_event_and_the_projection_goes_on(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    teller = Storyteller(lipp, people, clock)
    for move in random_moves(12, 30):
        teller.play(move)
    fussy = Fussy()
    lipp.runner.catch_up(fussy)
    stuck = lipp.runner.status(fussy).stuck
    assert stuck is not None

    with pytest.raises(NotStuckThere):
        lipp.runner.skip(fussy, stuck.notification_id + 1)
    lipp.runner.skip(fussy, stuck.notification_id)
    lipp.runner.catch_up(fussy)

    after = lipp.runner.status(fussy)  # past the skipped event, up to the next decision it cannot apply
    assert after.stuck is not None and after.stuck.notification_id > stuck.notification_id
    assert after.position == after.stuck.notification_id - 1


def test_a_rebuild_that_meets_the_event_stops_and_keeps_the_live_tables(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    teller = Storyteller(lipp, people, clock)
    for move in random_moves(13, 20):
        teller.play(move)
    fussy = Fussy()
    lipp.runner.catch_up(fussy)
    before = seen_count(lipp)

    with pytest.raises(ProjectionStuck, match=r"rebuild stopped.*notification"):
        lipp.runner.rebuild(fussy)

    assert seen_count(lipp) == before
    Fussy.broken = False
    lipp.runner.rebuild(fussy)
    assert lipp.runner.status(fussy).lag == 0


@pytest.mark.postgres
@pytest.mark.parametrize("settings", ["postgres"], indirect=True)
def test_text_postgresql_cannot_store_stops_only_the_findings_library(lipp: Lipp, people: People) -> None:
    """An event stored before the text rule (here: a command built without validation) holds a NUL."""
    reference = in_conduct(lipp, people)
    log(lipp, people.reviewer, reference, "Strategy discussions were delayed")
    valid = f.LogFinding.model_validate(
        {
            "reference": reference,
            "title": "Thresholds were read differently",
            "issue": "x",
            "causes": "y",
            "pattern": "3",
            "themes": ["NT04"],
            "agencies": ["police"],
            "evidence": ["z"],
        }
    )
    lipp.reviews.log_finding(people.reviewer, valid.model_copy(update={"issue": "bad\x00text"}))
    log(lipp, people.reviewer, reference, "Agencies did not share the plan")

    found = lipp.library.search_findings(people.admin)  # a read catches up: no internal error

    library = next(p for p in lipp.projections if p.name == "findings_library")
    status = lipp.runner.status(library)
    assert status.stuck is not None and "FindingLogged" in status.stuck.topic
    assert [finding.title for finding in found] == ["Strategy discussions were delayed"]
    lipp.runner.catch_up_all(lipp.projections)  # the others carry on past the event
    others = [lipp.runner.status(p) for p in lipp.projections if p.name not in ("findings_library", "digest_facts")]
    assert others and all(s.stuck is None and s.lag == 0 for s in others)


def test_the_cli_shows_a_stuck_projection_and_its_reason_escaped(
    lipp: Lipp, people: People, clock: SettableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    teller = Storyteller(lipp, people, clock)
    for move in random_moves(14, 20):
        teller.play(move)
    fussy = Fussy()
    lipp.runner.catch_up(fussy)
    monkeypatch.setattr(catalogue, "all_projections", lambda: [*all_projections(), Fussy()])
    env = {"LIPP_DATA_DIR": str(lipp.settings.data_dir), "LIPP_DATABASE_URL": lipp.settings.effective_database_url}

    result = run_cli(["--as", "admin", "projections", "status", "test_fussy"], env)
    caught = run_cli(["--as", "admin", "projections", "catch-up", "test_fussy"], env)
    as_json = run_cli(["--as", "admin", "projections", "status", "--json"], env)

    assert result.exit_code == 0, result.output
    assert "stuck" in result.output and "\x1b" not in result.output and "\\x1b[31m" in result.output
    assert caught.exit_code == 1 and "stuck at notification" in caught.output
    assert "\x1b" not in caught.output
    states = json.loads(as_json.stdout)
    assert states["test_fussy"]["stuck"]["notification_id"] == states["test_fussy"]["position"] + 1
    assert "stuck" not in states["review_register"]


def test_the_api_shows_a_stuck_projection(
    lipp: Lipp, people: People, clock: SettableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    teller = Storyteller(lipp, people, clock)
    for move in random_moves(15, 20):
        teller.play(move)
    lipp.runner.catch_up(Fussy())
    monkeypatch.setattr(catalogue, "all_projections", lambda: [*all_projections(), Fussy()])
    secret = lipp.tokens.issue(people.admin, IssueToken(username="admin", label="ops")).secret
    app = create_app(lambda: bootstrap.build(lipp.settings, clock))

    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/projections", headers={"Authorization": f"Bearer {secret}"})

    assert answer.status_code == 200, answer.text
    states = {state["name"]: state for state in answer.json()}
    assert states["test_fussy"]["stuck"]["topic"].endswith("Review.RapidReviewDecided")
    assert states["test_fussy"]["stuck"]["notification_id"] == states["test_fussy"]["position"] + 1
    assert states["review_register"]["stuck"] is None
