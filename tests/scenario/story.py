"""A coordinator's working story: one standard review, walked step by step with the clock moved to each day.

The standard calendar (hand-worked; the clock starts on Monday 2 March 2026):
the board became aware on Thursday 26 February 2026 and notified on Monday 2 March (notification due Thursday
5 March); the rapid review decided a local review on Friday 20 March (due Monday 23 March), so completion is due
on Sunday 20 September 2026. Commissioned Friday 27 March, reviewer.a appointed Wednesday 1 April, terms agreed
Friday 10 April, draft Tuesday 1 September, signed off Monday 14 September, copy to the Panel Tuesday
15 September, so publication may come no earlier than Thursday 24 September (7 working days), then closure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from typing import Any

from lipp.application.views import ReviewReceipt
from lipp.bootstrap import Lipp
from lipp.commands import reviews as c
from lipp.commands.fields import Command
from lipp.domain.actors import Actor
from lipp.domain.clock import SettableClock
from tests.conftest import People

AWARE_ON = date(2026, 2, 26)
NOTIFIED_ON = date(2026, 3, 2)
DECIDED_ON = date(2026, 3, 20)
COMMISSIONED_ON = date(2026, 3, 27)
APPOINTED_ON = date(2026, 4, 1)
TERMS_ON = date(2026, 4, 10)
DRAFTED_ON = date(2026, 9, 1)
SIGNED_OFF_ON = date(2026, 9, 14)
SENT_ON = date(2026, 9, 15)
EARLIEST_PUBLICATION = date(2026, 9, 24)
CLOSED_ON = date(2026, 10, 1)

StepFactory = Callable[[str, date], Command]

STEPS: dict[str, tuple[date, StepFactory]] = {
    "decided": (
        DECIDED_ON,
        lambda ref, on: c.RecordRapidReviewDecision(
            reference=ref, on=on, decision="local_review", rationale="Agencies did not share what they knew"
        ),
    ),
    "commissioned": (
        COMMISSIONED_ON,
        lambda ref, on: c.CommissionReview(reference=ref, on=on, kind="lcspr", methodology="silp"),
    ),
    "reviewer_appointed": (
        APPOINTED_ON,
        lambda ref, on: c.AppointLeadReviewer(reference=ref, on=on, reviewer="reviewer.a"),
    ),
    "in_conduct": (
        TERMS_ON,
        lambda ref, on: c.AgreeTermsOfReference(
            reference=ref,
            on=on,
            scope_from=date(2025, 1, 1),
            scope_to=AWARE_ON,
            key_lines_of_enquiry=["How did agencies share information about risk?"],
            agencies=["police", "health:Northvale Community Trust"],
        ),
    ),
    "report_drafted": (DRAFTED_ON, lambda ref, on: c.RecordReportDrafted(reference=ref, on=on)),
    "signed_off": (
        SIGNED_OFF_ON,
        lambda ref, on: c.SignOffReport(reference=ref, on=on, board_response="The partnership accepts the findings"),
    ),
    "sent_to_panel": (SENT_ON, lambda ref, on: c.SendReportToPanel(reference=ref, on=on)),
    "published": (
        EARLIEST_PUBLICATION,
        lambda ref, on: c.PublishReport(reference=ref, on=on, location="https://example.org/reviews/child-k"),
    ),
    "closed": (CLOSED_ON, lambda ref, on: c.CloseReview(reference=ref, on=on)),
}
ORDER = ["notified", *STEPS]


def morning_of(day: date) -> datetime:
    """10:00 UTC: the same calendar day in England in winter and in summer."""
    return datetime.combine(day, time(10, 0), tzinfo=UTC)


class Story:
    """Drives reviews for a scenario: every step is recorded on the day it is dated, unless told otherwise."""

    def __init__(self, lipp: Lipp, people: People, clock: SettableClock) -> None:
        self.lipp = lipp
        self.people = people
        self.clock = clock

    def on_day(self, day: date) -> None:
        self.clock.set(morning_of(day))

    def notify(
        self,
        case: str = "Child K",
        aware_on: date = AWARE_ON,
        notified_on: date | None = NOTIFIED_ON,
        actor: Actor | None = None,
        board: str = "NVL",
        move_clock: bool = True,
        **fields: Any,
    ) -> str:
        if move_clock and notified_on is not None and morning_of(notified_on) > self.clock.now():
            self.on_day(notified_on)
        command = c.NotifyIncident(
            board=board,
            case_reference=case,
            incident_kind=fields.pop("incident_kind", "death"),
            looked_after=fields.pop("looked_after", False),
            agencies=fields.pop("agencies", ["police", "childrens_social_care"]),
            aware_on=aware_on,
            notified_on=notified_on,
            **fields,
        )
        return self.lipp.reviews.notify_incident(actor or self.people.coordinator, command).reference

    def step(self, command: Command, actor: Actor | None = None, move_clock: bool = True) -> ReviewReceipt:
        on = getattr(command, "on", None)
        if move_clock and on is not None and morning_of(on) > self.clock.now():
            self.on_day(on)
        return self.lipp.reviews.execute(actor or self.people.coordinator, command)

    def walk_to(self, stage: str, case: str = "Child K", **notify_fields: Any) -> str:
        """Notify a review and take it through the standard steps up to `stage`."""
        reference = self.notify(case=case, **notify_fields)
        for name, (on, make) in STEPS.items():
            if ORDER.index(name) > ORDER.index(stage):
                break
            self.step(make(reference, on))
        return reference

    def standing(self, reference: str) -> tuple[int, str, date | None, int, int | None]:
        """What a refusal must not change: version, stage, pause, timeline length, and the whole event log."""
        view = self.lipp.reviews.review(self.people.admin, reference)
        timeline = self.lipp.reviews.timeline(self.people.admin, reference)
        return (
            view.version,
            view.stage,
            view.paused_since,
            len(timeline),
            self.lipp.reviews.recorder.max_notification_id(),
        )

    @contextmanager
    def nothing_changes(self, reference: str) -> Iterator[None]:
        before = self.standing(reference)
        yield
        assert self.standing(reference) == before
