"""Random but lawful review histories: each step takes a review one plausible move along its lifecycle."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from sqlalchemy import Engine, Table, select

from lipp.application.views import ReviewView
from lipp.bootstrap import Lipp, build
from lipp.commands import reviews as c
from lipp.commands.fields import Command
from lipp.config import Settings
from lipp.domain.clock import SettableClock, today_in_england
from lipp.domain.errors import LippError
from tests.conftest import People, clear_postgres


@dataclass(frozen=True)
class Move:
    """Advance the clock `days`, then move a review: `pick` chooses which (or a new one) and how."""

    days: int
    pick: int


def next_command(view: ReviewView, pick: int, reviewers: tuple[str, str]) -> Command | None:
    """A plausible next step for the review as it stands; `pick` chooses among the lawful ones."""
    ref = {"reference": view.reference}
    if view.paused_since is not None:
        return c.ResumeReview(**ref)
    pause = c.PauseReview(**ref, process="criminal_trial", reason="The trial must finish first")
    stage = view.stage
    if stage == "notified":
        decision = ("local_review", "local_review", "other_learning", "no_further_review")[pick % 4]
        return c.RecordRapidReviewDecision(**ref, decision=decision, rationale="Learning about information sharing")
    if stage == "decided":
        if view.decision != "local_review":
            return c.CloseReview(**ref)
        return c.CommissionReview(**ref, kind=("lcspr", "scr")[pick % 2], methodology="learning_together")
    if stage in ("commissioned", "reviewer_appointed", "in_conduct", "report_drafted") and pick % 5 == 0:
        return pause
    if stage == "commissioned":
        return c.AppointLeadReviewer(**ref, reviewer=reviewers[pick % 2])
    if stage == "reviewer_appointed":
        if pick % 4 == 1:
            return c.AppointLeadReviewer(**ref, reviewer=reviewers[(pick // 4) % 2])
        return c.AgreeTermsOfReference(
            **ref,
            scope_from=view.aware_on - timedelta(days=365),
            scope_to=view.aware_on,
            key_lines_of_enquiry=["How was risk shared between agencies?"],
            agencies=["police", "health"],
        )
    if stage == "in_conduct":
        return c.RecordReportDrafted(**ref)
    if stage == "report_drafted":
        return c.SignOffReport(**ref, board_response="The partnership accepts the findings.")
    if stage == "signed_off":
        return c.SendReportToPanel(**ref)
    if stage in ("sent_to_panel", "publication_deferred"):
        if pick % 3 == 0:
            return c.DeferPublication(
                **ref, reason="Criminal proceedings", reconsider_on=view.as_of + timedelta(days=30 + pick % 60)
            )
        if pick % 3 == 1:
            return c.WithholdPublication(**ref, reason="Risk to siblings", improvement_information="Summary")
        return c.PublishReport(**ref, location="partnership website")
    if stage in ("published", "not_published"):
        return c.CloseReview(**ref)
    return None


class Storyteller:
    """Plays moves on a lipp: notifying new incidents and advancing existing reviews as their coordinators."""

    def __init__(self, lipp: Lipp, people: People, clock: SettableClock) -> None:
        self.lipp, self.people, self.clock = lipp, people, clock
        self.references: list[str] = []
        self.cases = 0

    def play(self, move: Move) -> None:
        self.clock.advance(timedelta(days=move.days))
        if not self.references or move.pick % 4 == 0:
            self._notify(move.pick)
            return
        reference = self.references[(move.pick // 4) % len(self.references)]
        view = self.lipp.reviews.review(self.people.admin, reference)
        command = next_command(view, move.pick // 16, ("reviewer.a", "reviewer.b"))
        if command is None:
            return
        coordinator = self.people.coordinator if reference.startswith("NVL") else self.people.other_coordinator
        with suppress(LippError):  # a refused step (published too soon, say) is part of a real history too
            self.lipp.reviews.execute(coordinator, command)

    def _notify(self, pick: int) -> None:
        self.cases += 1
        board = ("NVL", "EMR")[pick % 2]
        coordinator = self.people.coordinator if board == "NVL" else self.people.other_coordinator
        today = today_in_england(self.clock)
        receipt = self.lipp.reviews.notify_incident(
            coordinator,
            c.NotifyIncident(
                board=board,
                case_reference=f"Child {self.cases}",
                incident_kind=("death", "serious_harm")[pick % 2],
                looked_after=pick % 3 == 0,
                agencies=["police", "health"],
                aware_on=today - timedelta(days=pick % 5),
            ),
        )
        self.references.append(receipt.reference)


def random_moves(seed: int, count: int) -> list[Move]:
    chance = random.Random(seed)
    return [Move(days=chance.choice((0, 1, 3, 7, 20, 60)), pick=chance.randrange(1 << 16)) for _ in range(count)]


def start_clock() -> SettableClock:
    return SettableClock(datetime(2024, 1, 8, 10, 0, tzinfo=UTC))


@contextmanager
def fresh_lipp(settings: Settings, clock: SettableClock) -> Iterator[Lipp]:
    """A lipp on an empty database of the same back end as `settings` (hypothesis needs one per example)."""
    if settings.database_url:
        clear_postgres(settings.database_url)
        with build(settings, clock) as built:
            yield built
        return
    with TemporaryDirectory() as folder, build(Settings(data_dir=Path(folder), database_url=None), clock) as built:
        yield built


def table_rows(engine: Engine, table: Table) -> list[tuple[Any, ...]]:
    """Every row in key order, with timestamps made comparable across back ends."""
    with engine.connect() as connection:
        rows = connection.execute(select(table).order_by(*table.primary_key.columns)).all()
    return [tuple(_comparable(value) for value in row) for row in rows]


def _comparable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value
