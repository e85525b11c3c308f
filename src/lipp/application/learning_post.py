"""Sending the learning loop's e-mails through the outbox: a released briefing to each addressed team, and the
reminders and escalations of missed deadlines.

Order makes it safe to stop at any point and run again: a message is queued (under its idempotency key) before
the event saying so is recorded, and the outbox sends each key at most once; after sending, deliveries whose
message went out or was given up on are reconciled with the outbox, so a run cut short records what it missed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from lipp.adapters.outbox import EntryState, Envelope, Outbox, OutboxEntry
from lipp.adapters.transports import Transport
from lipp.application.base import pause_before_retry
from lipp.application.delivery_chasing import PlannedChase
from lipp.application.learning import LearningApplication, UnknownBriefing
from lipp.domain.actors import SYSTEM_ACTOR
from lipp.domain.errors import RuleBroken
from lipp.domain.identifiers import briefing_id_for
from lipp.domain.learning.chasing import ChaseStep
from lipp.domain.learning.delivery import Delivery
from lipp.domain.learning.states import DeliveryState, Stage
from lipp.learning.document import Acknowledgement
from lipp.learning.mail import ChaseNotice, Mail, briefing_mail, chase_mail, delivery_of_key, dispatch_key

RECORD_CHUNK = 200
"""Deliveries recorded per transaction while sending."""


class BriefingIsNotReleased(RuleBroken):
    """Only a released briefing is sent to teams."""


@dataclass(frozen=True)
class SendSummary:
    """What one round of sending did: messages sent, waiting to retry, given up; deliveries recorded."""

    sent: int
    retrying: int
    failed: int
    delivered: int
    bounced: int


@dataclass(frozen=True)
class ChaseSummary:
    reminders: int
    escalations: int
    lapsed: int
    unaddressed: int
    """Escalations to a board with no learning mailbox: recorded on the delivery, but no e-mail could go."""


@dataclass
class LearningPost:
    """The learning loop's post room."""

    learning: LearningApplication
    outbox: Outbox
    transport: Transport
    public_url: str
    link_days: int

    def acknowledgement(self, delivery_id: UUID, code: str) -> Acknowledgement:
        expires_on = self.learning.today() + timedelta(days=self.link_days)
        token = self.learning.signer.sign(delivery_id, expires_on)
        return Acknowledgement(
            link=f"{self.public_url.rstrip('/')}/acknowledge?token={token}", code=code, expires_on=expires_on
        )

    # Dispatching a released briefing.

    def queue_briefing(self, key: str) -> int:
        """Queue one e-mail per delivery of the briefing not yet dispatched, then record them dispatched.
        Returns how many deliveries were dispatched now (0 when all were before)."""
        learning = self.learning
        briefing = learning.briefing_by_id(_briefing_id(learning, key))
        if not briefing.released:
            raise BriefingIsNotReleased(f"briefing {briefing.key} is a draft: release it first")
        document = learning.document_of(briefing)
        rows = learning.deliveries.of_briefing(briefing.id, (DeliveryState.ADDRESSED.value,))
        # Only the addressed teams, each read by its id: listing every team replays the whole registry.
        found = {team_id: learning.registry.team_by_id(team_id) for team_id in {row.team_id for row in rows}}
        teams = {team_id: team for team_id, team in found.items() if team is not None}
        mails = [
            briefing_mail(
                row.delivery_id,
                teams[row.team_id].team_email,
                teams[row.team_id].code,
                document,
                self.acknowledgement(row.delivery_id, row.code),
            )
            for row in rows
        ]
        self.outbox.queue(_envelope(mail) for mail in mails)
        return self._record([row.delivery_id for row in rows], lambda d: d.record_dispatched(now=learning.now()))

    def send(self, progress: Callable[[int], None] | None = None) -> SendSummary:
        """Send what the outbox holds that is due; record each delivery delivered as its message goes, and
        afterwards reconcile deliveries with what the outbox sent or gave up on."""
        sent: list[OutboxEntry] = []
        delivered = 0

        def on_sent(entry: OutboxEntry) -> None:
            nonlocal delivered
            if entry.key.endswith("/dispatch"):
                sent.append(entry)
            if len(sent) >= RECORD_CHUNK:
                delivered += self._record_delivered(sent)
                sent.clear()

        report = self.outbox.send_due(self.transport, on_sent=on_sent, progress=progress)
        delivered += self._record_delivered(sent)
        late_delivered, bounced = self.reconcile()
        return SendSummary(
            sent=report.sent,
            retrying=report.retrying,
            failed=report.failed,
            delivered=delivered + late_delivered,
            bounced=bounced,
        )

    def reconcile(self) -> tuple[int, int]:
        """Record delivered or bounced on dispatched deliveries whose message the outbox already sent or gave up
        on (a run stopped between sending and recording)."""
        rows = self.learning.deliveries.in_states((DeliveryState.DISPATCHED.value,))
        sent: dict[UUID, str] = {}
        failed: dict[UUID, str] = {}
        entries = self.outbox.entries_of([dispatch_key(row.delivery_id) for row in rows])
        for row in rows:
            entry = entries.get(dispatch_key(row.delivery_id))
            if entry is not None and entry.state is EntryState.SENT:
                sent[row.delivery_id] = entry.message_id
            elif entry is not None and entry.state is EntryState.FAILED:
                failed[row.delivery_id] = entry.last_error or "the mail server refused the message"
        now = self.learning.now
        delivered = self._record(list(sent), lambda d: d.record_delivered(now=now(), message_id=sent[d.id]))
        bounced = self._record(list(failed), lambda d: d.record_bounced(now=now(), reason=failed[d.id]))
        return delivered, bounced

    def _record_delivered(self, entries: list[OutboxEntry]) -> int:
        ids = {delivery_of_key(e.key): e.message_id for e in entries}
        known = {i: m for i, m in ids.items() if i is not None}
        now = self.learning.now
        return self._record(list(known), lambda d: d.record_delivered(now=now(), message_id=known[d.id]))

    def _record(self, delivery_ids: list[UUID], change: Callable[[Delivery], bool]) -> int:
        """Apply `change` to each delivery and save in chunks; a chunk that clashes with a team acting at the same
        moment is redone one delivery at a time. Returns how many changed."""
        changed = 0
        for start in range(0, len(delivery_ids), RECORD_CHUNK):
            chunk = delivery_ids[start : start + RECORD_CHUNK]
            loaded: list[Delivery] = [self._delivery(i) for i in chunk]
            touched = [d for d in loaded if change(d)]
            try:
                self.learning.save(*touched)
                changed += len(touched)
            except IntegrityError:
                changed += sum(self._record_one(d.id, change) for d in touched)
        return changed

    def _delivery(self, delivery_id: UUID) -> Delivery:
        delivery: Delivery | None = self.learning.load(delivery_id)
        if delivery is None:
            raise LookupError(f"no delivery {delivery_id} is recorded")
        return delivery

    def _record_one(self, delivery_id: UUID, change: Callable[[Delivery], bool]) -> int:
        for _ in range(8):
            delivery = self._delivery(delivery_id)
            if not change(delivery):
                return 0
            try:
                self.learning.save(delivery)
                return 1
            except IntegrityError:
                pause_before_retry()
        return 0

    # Chasing missed deadlines.

    def chase(self, today: date | None = None) -> ChaseSummary:
        """Queue the e-mail of each step due `today` (default: today in England), then record the step on its
        delivery (one step per delivery per run); lapsing sends nothing. Sending is left to `send`."""
        planned = self.learning.plan_chases(today)
        titles: dict[UUID, str] = {}
        mails = []
        for step in planned:
            if step.chase.step is ChaseStep.LAPSE or not step.recipient:
                continue
            if step.briefing_id not in titles:
                titles[step.briefing_id] = self.learning.briefing_by_id(step.briefing_id).content.title
            mails.append(self._chase_mail(step, titles[step.briefing_id]))
        self.outbox.queue(_envelope(mail) for mail in mails)
        recorded = [step for step in planned if self.learning.record_chase(step, today)]
        return ChaseSummary(
            reminders=sum(1 for s in recorded if s.chase.step is ChaseStep.REMIND_TEAM),
            escalations=sum(
                1 for s in recorded if s.chase.step in (ChaseStep.ESCALATE_TO_MANAGER, ChaseStep.ESCALATE_TO_BOARD)
            ),
            lapsed=sum(1 for s in recorded if s.chase.step is ChaseStep.LAPSE),
            unaddressed=sum(1 for s in recorded if s.chase.step is not ChaseStep.LAPSE and not s.recipient),
        )

    def _chase_mail(self, step: PlannedChase, title: str) -> Mail:
        notice = ChaseNotice(
            delivery_id=step.delivery_id,
            step=step.chase.step.value,
            stage=step.chase.stage.value,
            due_on=step.chase.due_on.isoformat(),
            sequence=step.sequence,
            team_code=step.team_code,
            board_code=step.board_code,
            briefing_title=title,
            recipient=step.recipient,
        )
        owed_by_team = step.chase.stage is Stage.ACKNOWLEDGE
        return chase_mail(notice, self.acknowledgement(step.delivery_id, step.code) if owed_by_team else None)


def _briefing_id(learning: LearningApplication, key: str) -> UUID:
    briefing_id = briefing_id_for(key.strip())
    if not learning.exists(briefing_id):
        raise UnknownBriefing(f"no briefing has key '{key.strip().lower()}'")
    return briefing_id


def released_keys(learning: LearningApplication) -> list[str]:
    """Every released briefing's key: what `dispatch all` sends."""
    return [b.key for b in learning.briefings(SYSTEM_ACTOR) if b.status == "released"]


def _envelope(mail: Mail) -> Envelope:
    return Envelope(
        key=mail.key,
        recipient=mail.recipient,
        subject=mail.subject,
        text=mail.text,
        html=mail.html,
        headers=mail.headers,
    )
