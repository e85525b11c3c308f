"""The delivery lifecycle under any sequence of steps (hypothesis): it only moves forward, in order; a repeat
acknowledgement changes nothing; a closed delivery takes nothing more; replaying its events gives the same state."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from lipp.domain.errors import RuleBroken
from lipp.domain.learning.chasing import next_chase
from lipp.domain.learning.delivery import Delivery, DeliveryIsClosed, StepOutOfOrder
from lipp.domain.learning.states import DeliveryState as S
from lipp.domain.learning.timescales import LearningTimescales

ORDER = [S.ACKNOWLEDGED, S.DISCUSSED, S.CHANGE_REPORTED, S.VERIFIED]
BEFORE = {S.ADDRESSED, S.DISPATCHED, S.DELIVERED, S.BOUNCED}
TIMESCALES = LearningTimescales()


class DeliveryLifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = datetime(2026, 3, 2, 10, tzinfo=UTC)
        self.today = date(2026, 3, 2)
        self.delivery = Delivery.address(
            now=self.now,
            on=self.today,
            briefing_id=uuid4(),
            briefing_key="review-nvl-2026-001",
            team_id=uuid4(),
            team_code="NVL-CSC",
            board_id=uuid4(),
            board_code="NVL",
            agency="police",
            scope="local",
            theme_ids=("NT13",),
        )
        self.state = S.ADDRESSED
        self.acknowledgements = 0
        self.history: list[Any] = []

    def _tick(self, days: int = 1) -> None:
        self.now += timedelta(days=days)
        self.today += timedelta(days=days)

    @rule()
    def dispatch(self) -> None:
        recorded = self.delivery.record_dispatched(now=self.now)
        assert recorded == (self.state is S.ADDRESSED)
        if recorded:
            self.state = S.DISPATCHED

    @rule(bounced=st.booleans())
    def mail_server_answers(self, bounced: bool) -> None:
        if bounced:
            recorded = self.delivery.record_bounced(now=self.now, reason="550 no such mailbox")
        else:
            recorded = self.delivery.record_delivered(now=self.now, message_id="<m@lipp.invalid>")
        assert recorded == (self.state in (S.ADDRESSED, S.DISPATCHED))
        if recorded:
            self.state = S.BOUNCED if bounced else S.DELIVERED

    @rule()
    def acknowledge(self) -> None:
        self._tick()
        try:
            recorded = self.delivery.acknowledge(actor_id=uuid4(), now=self.now, on=self.today, via="code")
        except DeliveryIsClosed:
            assert self.state in (S.VERIFIED, S.LAPSED)
            return
        assert recorded == (self.state in BEFORE)
        if recorded:
            self.state = S.ACKNOWLEDGED
            self.acknowledgements += 1

    @rule(step=st.sampled_from(["discuss", "report", "verify"]))
    def take_a_step(self, step: str) -> None:
        self._tick()
        needs, reaches = {
            "discuss": (S.ACKNOWLEDGED, S.DISCUSSED),
            "report": (S.DISCUSSED, S.CHANGE_REPORTED),
            "verify": (S.CHANGE_REPORTED, S.VERIFIED),
        }[step]
        actor, on, d = uuid4(), self.today, self.delivery
        act = {
            "discuss": lambda: d.record_discussion(actor_id=actor, now=self.now, on=on, reflections="Used it"),
            "report": lambda: d.report_change(
                actor_id=actor, now=self.now, on=on, what_changed="Checklist", audit_reference=""
            ),
            "verify": lambda: d.verify(actor_id=actor, now=self.now, on=on, note=""),
        }[step]
        try:
            act()
        except DeliveryIsClosed:
            assert self.state in (S.VERIFIED, S.LAPSED)
        except StepOutOfOrder:
            assert self.state is not needs
        else:
            assert self.state is needs
            self.state = reaches

    @rule(days=st.integers(min_value=1, max_value=40))
    def chase_after(self, days: int) -> None:
        self._tick(days)
        stage = self.delivery.stage
        chase = stage and next_chase(stage, self.delivery.owed_since, self.delivery.steps_taken, self.today, TIMESCALES)
        if not chase:
            return
        before = self.delivery.steps_taken
        self.delivery.chase(now=self.now, on=self.today, chase=chase, recipient="team@teams.example")
        assert self.delivery.steps_taken == before + 1
        if chase.step.value == "lapse":
            self.state = S.LAPSED

    @invariant()
    def the_aggregate_agrees_with_the_model(self) -> None:
        assert self.delivery.state is self.state
        assert self.acknowledgements <= 1

    @invariant()
    def replaying_its_events_gives_the_same_delivery(self) -> None:
        events = list(self.delivery.collect_events())
        replayed = None
        self.history += events
        for event in self.history:
            replayed = event.mutate(replayed)
        assert replayed is not None
        assert (replayed.state, replayed.dates, replayed.steps_taken) == (
            self.delivery.state,
            self.delivery.dates,
            self.delivery.steps_taken,
        )


DeliveryLifecycle.TestCase.settings = settings(max_examples=100, stateful_step_count=30, deadline=None)
test_the_delivery_lifecycle = DeliveryLifecycle.TestCase


def test_lapsed_is_final_and_says_so() -> None:
    machine = DeliveryLifecycle()
    machine.delivery.state = S.LAPSED
    try:
        machine.delivery.acknowledge(actor_id=uuid4(), now=machine.now, on=machine.today, via="code")
    except RuleBroken as error:
        assert "lapsed" in str(error)
    else:
        raise AssertionError("a lapsed delivery took an acknowledgement")
