"""A delivery: one briefing to one team, from release to verified change (or lapse). Its own stream, so a
thousand teams acknowledging at once never contend."""

from __future__ import annotations

import base64
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from lipp.domain.business_dates import StepDatedBeforePreviousStep
from lipp.domain.errors import RuleBroken
from lipp.domain.identifiers import delivery_id_for
from lipp.domain.learning.chasing import Chase, ChaseStep
from lipp.domain.learning.states import BEFORE_ACKNOWLEDGEMENT, DeliveryState, Stage, stage_owed
from lipp.domain.learning.text import require_clear_text


class DeliveryIsClosed(RuleBroken):
    """A verified or lapsed delivery is finished: nothing more is recorded on it."""


class StepOutOfOrder(RuleBroken):
    """The loop runs in order: acknowledge, discuss, report a change, verify."""


def short_code_for(delivery_id: UUID) -> str:
    """Ten letters and digits from the delivery's id, e.g. 'K7Q2M-9XDPR': typed in the CLI, read on the phone."""
    letters = base64.b32encode(delivery_id.bytes[:7]).decode()[:10]
    return f"{letters[:5]}-{letters[5:]}"


class Delivery(Aggregate):
    """A briefing addressed to a team, with what the team and the board did with it."""

    class Addressed(Aggregate.Created):
        """The released briefing was addressed to the team (it matched the team's subscriptions)."""

        briefing_id: UUID
        briefing_key: str
        team_id: UUID
        team_code: str
        board_id: UUID
        board_code: str
        agency: str
        scope: str
        theme_ids: list[str]
        code: str
        on: date

        def apply(self, aggregate: Any) -> None:
            for name in ("briefing_id", "briefing_key", "team_id", "team_code", "board_id", "board_code", "code"):
                setattr(aggregate, name, getattr(self, name))
            aggregate.agency = self.agency
            aggregate.scope = self.scope
            aggregate.theme_ids = tuple(self.theme_ids)
            aggregate.addressed_on = self.on
            aggregate.state = DeliveryState.ADDRESSED
            aggregate.owed_since = self.on
            aggregate.steps_taken = 0
            aggregate.dates = {}

    class Dispatched(Aggregate.Event):
        """Its e-mail was queued in the outbox for the team's mailbox."""

        def apply(self, aggregate: Any) -> None:
            aggregate.state = DeliveryState.DISPATCHED

    class Delivered(Aggregate.Event):
        """The mail server (or the outbox folder) accepted the e-mail."""

        message_id: str

        def apply(self, aggregate: Any) -> None:
            aggregate.state = DeliveryState.DELIVERED

    class Bounced(Aggregate.Event):
        """The mail server refused the e-mail, or sending gave up."""

        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.state = DeliveryState.BOUNCED

    class Step(Aggregate.Event):
        """A step of the loop taken by a person on a business date."""

        actor_id: UUID
        on: date

        def reached(self, aggregate: Any, state: DeliveryState) -> None:
            aggregate.state = state
            aggregate.dates[state.value] = self.on
            aggregate.owed_since = self.on
            aggregate.steps_taken = 0

    class Acknowledged(Step):
        """The team acknowledged the briefing (by the signed link, the CLI or the API)."""

        via: str

        def apply(self, aggregate: Any) -> None:
            self.reached(aggregate, DeliveryState.ACKNOWLEDGED)

    class Discussed(Step):
        """The team used the briefing in a meeting and recorded its reflections."""

        reflections: str

        def apply(self, aggregate: Any) -> None:
            self.reached(aggregate, DeliveryState.DISCUSSED)

    class PracticeChangeReported(Step):
        """The team reported what changed in practice, with an optional audit reference."""

        what_changed: str
        audit_reference: str

        def apply(self, aggregate: Any) -> None:
            self.reached(aggregate, DeliveryState.CHANGE_REPORTED)

    class Verified(Step):
        """The board's coordinator verified the reported change."""

        note: str

        def apply(self, aggregate: Any) -> None:
            self.reached(aggregate, DeliveryState.VERIFIED)

    class Chased(Aggregate.Event):
        """A step of chasing a missed deadline."""

        stage: str
        due_on: date
        on: date

    class ReminderSent(Chased):
        """The deadline was missed: the team was reminded."""

        recipient: str

        def apply(self, aggregate: Any) -> None:
            aggregate.steps_taken += 1

    class Escalated(Chased):
        """The deadline was missed again: escalated to the team's manager, or then to the board."""

        to: str
        recipient: str

        def apply(self, aggregate: Any) -> None:
            aggregate.steps_taken += 1

    class Lapsed(Chased):
        """The deadline was missed through every reminder and escalation: the loop did not close."""

        def apply(self, aggregate: Any) -> None:
            aggregate.steps_taken += 1
            aggregate.state = DeliveryState.LAPSED
            aggregate.dates[DeliveryState.LAPSED.value] = self.on

    briefing_id: UUID
    briefing_key: str
    team_id: UUID
    team_code: str
    board_id: UUID
    board_code: str
    agency: str
    scope: str
    theme_ids: tuple[str, ...]
    code: str
    addressed_on: date
    state: DeliveryState
    owed_since: date
    steps_taken: int
    dates: dict[str, date]

    def __init__(self) -> None:
        """State is set by `Addressed.apply`."""

    @classmethod
    def address(
        cls,
        *,
        now: datetime,
        on: date,
        briefing_id: UUID,
        briefing_key: str,
        team_id: UUID,
        team_code: str,
        board_id: UUID,
        board_code: str,
        agency: str,
        scope: str,
        theme_ids: tuple[str, ...],
    ) -> Delivery:
        delivery_id = delivery_id_for(briefing_id, team_id)
        return cls._create(
            cls.Addressed,
            id=delivery_id,
            timestamp=now,
            briefing_id=briefing_id,
            briefing_key=briefing_key,
            team_id=team_id,
            team_code=team_code,
            board_id=board_id,
            board_code=board_code,
            agency=agency,
            scope=scope,
            theme_ids=list(theme_ids),
            code=short_code_for(delivery_id),
            on=on,
        )

    @property
    def stage(self) -> Stage | None:
        return stage_owed(self.state)

    @property
    def acknowledged(self) -> bool:
        return self.state not in BEFORE_ACKNOWLEDGEMENT and DeliveryState.ACKNOWLEDGED.value in self.dates

    def acknowledged_on(self) -> date | None:
        return self.dates.get(DeliveryState.ACKNOWLEDGED.value)

    # Sending: each is a no-op when already recorded, so a resumed dispatch never records twice.

    def record_dispatched(self, *, now: datetime) -> bool:
        if self.state is not DeliveryState.ADDRESSED:
            return False
        self.trigger_event(self.Dispatched, timestamp=now)
        return True

    def record_delivered(self, *, now: datetime, message_id: str) -> bool:
        if self.state not in (DeliveryState.ADDRESSED, DeliveryState.DISPATCHED):
            return False
        self.trigger_event(self.Delivered, timestamp=now, message_id=message_id)
        return True

    def record_bounced(self, *, now: datetime, reason: str) -> bool:
        if self.state not in (DeliveryState.ADDRESSED, DeliveryState.DISPATCHED):
            return False
        self.trigger_event(self.Bounced, timestamp=now, reason=reason[:400])
        return True

    # The loop.

    def acknowledge(self, *, actor_id: UUID, now: datetime, on: date, via: str) -> bool:
        """True when recorded now; False when the team had already acknowledged (nothing changes)."""
        self._refuse_if_closed()
        if self.state not in BEFORE_ACKNOWLEDGEMENT:
            return False
        self.trigger_event(self.Acknowledged, timestamp=now, actor_id=actor_id, on=on, via=via)
        return True

    def record_discussion(self, *, actor_id: UUID, now: datetime, on: date, reflections: str) -> None:
        self._require(DeliveryState.ACKNOWLEDGED, "record a discussion", "acknowledge it first")
        self._not_before_last_step(on, "record the discussion")
        require_clear_text("reflections", reflections)
        self.trigger_event(self.Discussed, timestamp=now, actor_id=actor_id, on=on, reflections=reflections)

    def report_change(
        self, *, actor_id: UUID, now: datetime, on: date, what_changed: str, audit_reference: str
    ) -> None:
        self._require(DeliveryState.DISCUSSED, "report a change in practice", "record the team's discussion first")
        self._not_before_last_step(on, "report the change")
        require_clear_text("what changed", what_changed)
        require_clear_text("audit reference", audit_reference)
        self.trigger_event(
            self.PracticeChangeReported,
            timestamp=now,
            actor_id=actor_id,
            on=on,
            what_changed=what_changed,
            audit_reference=audit_reference,
        )

    def verify(self, *, actor_id: UUID, now: datetime, on: date, note: str) -> None:
        self._require(DeliveryState.CHANGE_REPORTED, "verify it", "the team reports its change first")
        self._not_before_last_step(on, "verify the change")
        require_clear_text("note", note)
        self.trigger_event(self.Verified, timestamp=now, actor_id=actor_id, on=on, note=note)

    def chase(self, *, now: datetime, on: date, chase: Chase, recipient: str) -> None:
        """Record the chasing step `chase` (worked out by `chasing.next_chase`) sent to `recipient`."""
        fields = {"timestamp": now, "stage": chase.stage.value, "due_on": chase.due_on, "on": on}
        if chase.step is ChaseStep.REMIND_TEAM:
            self.trigger_event(self.ReminderSent, recipient=recipient, **fields)
        elif chase.step is ChaseStep.LAPSE:
            self.trigger_event(self.Lapsed, **fields)
        else:
            to = "manager" if chase.step is ChaseStep.ESCALATE_TO_MANAGER else "board"
            self.trigger_event(self.Escalated, to=to, recipient=recipient, **fields)

    def _require(self, state: DeliveryState, what: str, hint: str) -> None:
        self._refuse_if_closed()
        if self.state is not state:
            raise StepOutOfOrder(f"delivery {self.code} is {self.state.label}: cannot {what} now ({hint})")

    def _not_before_last_step(self, on: date, step: str) -> None:
        """A step is not dated before the one it follows (the date the delivery reached its state)."""
        if on < self.owed_since:
            raise StepDatedBeforePreviousStep(
                f"cannot {step} of delivery {self.code} on {on}: it was {self.state.label} on {self.owed_since}"
            )

    def _refuse_if_closed(self) -> None:
        if self.state in (DeliveryState.VERIFIED, DeliveryState.LAPSED):
            raise DeliveryIsClosed(f"delivery {self.code} is {self.state.label}: nothing more can be recorded on it")
