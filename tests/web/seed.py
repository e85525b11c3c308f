"""A fictional board's history, recorded over the last weeks, for the pages to show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from lipp.adapters.envelope import Envelope
from lipp.bootstrap import Lipp, build
from lipp.commands import reviews as c
from lipp.commands.learning import DraftReviewBriefing, ReleaseBriefing
from lipp.commands.registry import RegisterUser
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from tests.alliance.members import Members
from tests.conftest import People
from tests.learning.journeys import nvl_teams, published

NOW = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class Seeded:
    led: str  # decided, commissioned, then appointed reviewer.a: its past differs from its present
    overdue: str  # notified long ago, never decided
    recent: str  # notified this week
    decided_on: date  # when `led` was decided: as of that day it stood "decided"
    published: str  # published with two findings cleared to share, its briefing released to the NVL teams
    delivery: str  # the code of that briefing's delivery to NVL-CSC
    link: str  # a genuine acknowledgement link's token, for NVL-POLICE's delivery
    expired_link: str  # the same delivery's link, expired yesterday


def seed(settings: Settings) -> Seeded:
    clock = SettableClock(NOW - timedelta(days=70))
    with build(settings, clock) as lipp:
        people = People(lipp)
        Members(lipp, people)  # NCB and FCR, with ncb.lead and fcr.lead
        published_reference = published(lipp, people, clock, case="Child P")
        nvl_teams(lipp, people)  # NVL-CSC and others, with nvl-csc.member
        lipp.registry.register_user(
            people.admin, RegisterUser(username="csc.member", role="team_member", team="NVL-CSC")
        )
        briefing = lipp.learning.draft_from_review(
            people.coordinator, DraftReviewBriefing(reference=published_reference)
        )
        lipp.learning.release(people.coordinator, ReleaseBriefing(key=briefing.key))
        member = lipp.registry.actor_for("nvl-csc.member")
        delivery = next(row.code for row in lipp.deliveries.deliveries(member))
        police = lipp.deliveries.deliveries(lipp.registry.actor_for("nvl-police.member"))[0]
        police_id = lipp.learning.delivery(people.admin, police.code).delivery_id
        link = lipp.learning.signer.sign(police_id, NOW.date() + timedelta(days=30))
        expired_link = lipp.learning.signer.sign(police_id, NOW.date() - timedelta(days=1))
        failed_email(lipp)

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
    return Seeded(
        led=led,
        overdue=overdue,
        recent=recent,
        decided_on=decided_on,
        published=published_reference,
        delivery=delivery,
        link=link,
        expired_link=expired_link,
    )


def failed_email(lipp: Lipp) -> None:
    """A message the outbox gives up on at once (its recipient is two addresses, which no message can be to)."""
    broken = Envelope(
        key="delivery/seed/broken",
        recipient="first@teams.example, second@teams.example",
        subject="A briefing for two mailboxes at once",
        text="Fictional.",
    )
    lipp.outbox.queue([broken])
    lipp.outbox.send_due(lipp.transport())
