"""A fictional board's history, recorded over the last weeks, for the pages to show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from lipp.bootstrap import build
from lipp.commands import reviews as c
from lipp.commands.registry import RegisterUser
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from tests.conftest import People, register_team

NOW = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class Seeded:
    led: str  # decided, commissioned, then appointed reviewer.a: its past differs from its present
    overdue: str  # notified long ago, never decided
    recent: str  # notified this week
    decided_on: date  # when `led` was decided: as of that day it stood "decided"


def seed(settings: Settings) -> Seeded:
    clock = SettableClock(NOW - timedelta(days=70))
    with build(settings, clock) as lipp:
        people = People(lipp)
        register_team(lipp, people.admin, "NVL-CSC", "NVL")
        lipp.registry.register_user(
            people.admin, RegisterUser(username="csc.member", role="team_member", team="NVL-CSC")
        )

        def notify(case: str, aware_days_ago: int) -> str:
            command = c.NotifyIncident(
                board="NVL",
                case_reference=case,
                incident_kind="serious_harm",
                looked_after=False,
                agencies=["police", "health"],
                aware_on=(clock.now() - timedelta(days=aware_days_ago)).date(),
            )
            return lipp.reviews.notify_incident(people.coordinator, command).reference

        run = lipp.reviews.execute
        overdue = notify("Child Q", 2)
        clock.set(NOW - timedelta(days=50))
        led = notify("Child K", 1)
        clock.set(NOW - timedelta(days=40))
        run(
            people.coordinator,
            c.RecordRapidReviewDecision(
                reference=led, decision="local_review", rationale="Learning about information sharing"
            ),
        )
        decided_on = clock.now().date()
        clock.set(NOW - timedelta(days=20))
        run(people.coordinator, c.CommissionReview(reference=led, kind="lcspr", methodology="learning_together"))
        clock.set(NOW - timedelta(days=10))
        run(people.coordinator, c.AppointLeadReviewer(reference=led, reviewer="reviewer.a"))
        clock.set(NOW - timedelta(days=2))
        recent = notify("Child M", 1)
    return Seeded(led=led, overdue=overdue, recent=recent, decided_on=decided_on)
