"""Deliveries: what a team records (acknowledged, discussed, practice changed) and the board verifies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from lipp.application.base import LippApplication, pause_before_retry
from lipp.application.learning_views import DeliveryEvent, DeliveryReceipt, DeliveryView
from lipp.commands.learning import AcknowledgeDelivery, RecordDiscussion, ReportPracticeChange, VerifyPracticeChange
from lipp.domain.actors import SYSTEM_ACTOR, Actor, Role
from lipp.domain.errors import ConcurrentChange, InvalidInput, NotAuthorised, NotFound
from lipp.domain.learning import sight
from lipp.domain.learning.chasing import due_on
from lipp.domain.learning.delivery import Delivery
from lipp.domain.learning.timescales import LearningTimescales
from lipp.learning.links import LinkSigner
from lipp.projections.learning.view import DeliveriesView

ATTEMPTS = 8
"""A delivery is touched by its team and by the dispatcher: a clash is retried, never lost."""


class UnknownDelivery(NotFound):
    """No delivery has that code (or it is not the actor's team's or board's)."""


class OnlyTheTeamRecordsItsLearning(NotAuthorised):
    """A team's members acknowledge, discuss and report change on their team's deliveries."""


class OnlyTheBoardVerifies(NotAuthorised):
    """The coordinator of the team's board verifies a reported change."""


class DeliverySteps(LippApplication):
    deliveries: DeliveriesView
    timescales: LearningTimescales

    @property
    def signer(self) -> LinkSigner:
        """The link signer; LearningApplication, which mixes these steps in, provides it."""
        raise NotImplementedError

    def acknowledge(self, actor: Actor, command: AcknowledgeDelivery) -> DeliveryReceipt:
        """Acknowledge with the short code from the e-mail; a repeat changes nothing and says so."""
        delivery = self._for_team(actor, command.code)
        return self._acknowledge(delivery.id, actor, "code")

    def acknowledge_by_link(self, token: str) -> DeliveryReceipt:
        """Acknowledge with the signed link from the e-mail: the link is the credential, no login is needed."""
        delivery_id = self.signer.read(token, self.today())
        if not self.exists(delivery_id):
            raise UnknownDelivery("this acknowledgement link names no delivery")
        return self._acknowledge(delivery_id, SYSTEM_ACTOR, "link")

    def linked_delivery(self, token: str) -> Delivery:
        """The delivery a signed link names, refused as `acknowledge_by_link` would refuse it (altered, expired,
        naming nothing), without acknowledging: the link's page says what it is before offering a button."""
        delivery_id = self.signer.read(token, self.today())
        delivery: Delivery | None = self.load(delivery_id)
        if delivery is None:
            raise UnknownDelivery("this acknowledgement link names no delivery")
        return delivery

    def record_discussion(self, actor: Actor, command: RecordDiscussion) -> DeliveryReceipt:
        delivery = self._for_team(actor, command.code)
        on = self._business_date(command.on)
        return self._change(
            delivery.id,
            lambda d: d.record_discussion(
                actor_id=actor.user_id, now=self.now(), on=on, reflections=command.reflections
            ),
            "Recorded the team's discussion",
        )

    def report_change(self, actor: Actor, command: ReportPracticeChange) -> DeliveryReceipt:
        delivery = self._for_team(actor, command.code)
        on = self._business_date(command.on)
        return self._change(
            delivery.id,
            lambda d: d.report_change(
                actor_id=actor.user_id,
                now=self.now(),
                on=on,
                what_changed=command.what_changed,
                audit_reference=command.audit_reference,
            ),
            "Recorded the change in practice",
        )

    def verify(self, actor: Actor, command: VerifyPracticeChange) -> DeliveryReceipt:
        delivery = self._visible_delivery(actor, command.code)
        if not actor.is_coordinator_of(delivery.board_id):
            raise OnlyTheBoardVerifies(
                f"{actor.username} ({actor.role.value}) may not verify: the coordinator of {delivery.board_code} may"
            )
        on = self._business_date(command.on)
        return self._change(
            delivery.id,
            lambda d: d.verify(actor_id=actor.user_id, now=self.now(), on=on, note=command.note),
            "Verified the change in practice",
        )

    def delivery(self, actor: Actor, code: str) -> DeliveryView:
        delivery = self._visible_delivery(actor, code)
        stage = delivery.stage
        return DeliveryView(
            delivery_id=delivery.id,
            code=delivery.code,
            briefing=delivery.briefing_key,
            team=delivery.team_code,
            board=delivery.board_code,
            state=delivery.state.value,
            owed=stage.value if stage else None,
            due_on=due_on(stage, delivery.owed_since, self.timescales) if stage else None,
            history=[
                DeliveryEvent(recorded_at=event.timestamp, what=_describe(event)) for event in self.history(delivery.id)
            ],
        )

    # Helpers.

    def _acknowledge(self, delivery_id: UUID, actor: Actor, via: str) -> DeliveryReceipt:
        for _ in range(ATTEMPTS):
            delivery: Delivery = self.repository.get(delivery_id)
            if not delivery.acknowledge(actor_id=actor.user_id, now=self.now(), on=self.today(), via=via):
                return _receipt(
                    delivery, False, f"Already acknowledged on {delivery.acknowledged_on()}: nothing changed"
                )
            try:
                self.save(delivery)
            except IntegrityError:
                pause_before_retry()
                continue
            return _receipt(delivery, True, f"Acknowledged for team {delivery.team_code}")
        raise ConcurrentChange("the delivery kept changing at the same moment; try again")

    def _change(self, delivery_id: UUID, step: Callable[[Delivery], Any], done: str) -> DeliveryReceipt:
        for _ in range(ATTEMPTS):
            delivery: Delivery = self.repository.get(delivery_id)
            step(delivery)
            try:
                self.save(delivery)
            except IntegrityError:
                pause_before_retry()
                continue
            return _receipt(delivery, True, f"{done} for team {delivery.team_code}")
        raise ConcurrentChange("the delivery kept changing at the same moment; try again")

    def _visible_delivery(self, actor: Actor, code: str) -> Delivery:
        wanted = _normalised(code)
        row = self.deliveries.by_code(wanted)
        delivery: Delivery | None = self.load(row.delivery_id) if row is not None else None
        if delivery is None or not _may_see(actor, delivery):
            raise UnknownDelivery(f"no delivery of yours has code '{wanted}'")
        return delivery

    def _for_team(self, actor: Actor, code: str) -> Delivery:
        delivery = self._visible_delivery(actor, code)
        if actor.role is not Role.TEAM_MEMBER:
            raise OnlyTheTeamRecordsItsLearning(
                f"{actor.username} ({actor.role.value}) may not record this: members of {delivery.team_code} may"
            )
        return delivery

    def _business_date(self, on: date | None) -> date:
        today = self.today()
        if on is not None and on > today:
            raise InvalidInput(f"the date {on} is in the future")
        return on or today


def _normalised(code: str) -> str:
    letters = code.strip().upper().replace("-", "")
    return f"{letters[:5]}-{letters[5:]}"


def _may_see(actor: Actor, delivery: Delivery) -> bool:
    seen = sight.in_detail(actor)
    return seen is not None and seen.covers(delivery.board_id, delivery.team_id)


def _receipt(delivery: Delivery, changed: bool, message: str) -> DeliveryReceipt:
    return DeliveryReceipt(
        code=delivery.code,
        briefing=delivery.briefing_key,
        team=delivery.team_code,
        state=delivery.state.value,
        changed=changed,
        message=message,
    )


def _describe(event: Any) -> str:
    name = type(event).__name__
    if isinstance(event, Delivery.Chased):
        to = getattr(event, "to", "team" if isinstance(event, Delivery.ReminderSent) else "")
        return f"{name} ({event.stage} due {event.due_on}{', to the ' + to if to else ''})"
    if isinstance(event, Delivery.Step):
        return f"{name} on {event.on}" + _what_was_said(event)
    return name


def _what_was_said(event: Delivery.Step) -> str:
    """The words a step recorded (the team's reflections and change, the coordinator's note), for the reader who
    acts next: the coordinator verifies the change they can read."""
    if isinstance(event, Delivery.Discussed):
        return f": {event.reflections}"
    if isinstance(event, Delivery.PracticeChangeReported):
        audit = f" (audit reference {event.audit_reference})" if event.audit_reference else ""
        return f": {event.what_changed}{audit}"
    if isinstance(event, Delivery.Verified) and event.note:
        return f": {event.note}"
    return ""
