"""The e-mails of the learning loop, as plain data: the briefing to a team, and the reminders and escalations
of a missed deadline. Each carries the idempotency key that makes sending it at most once."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from lipp.learning import render
from lipp.learning.document import Acknowledgement, BriefingDocument

DELIVERY_HEADER = "X-Lipp-Delivery"
STAGE_WORDS = {
    "acknowledge": "acknowledge the briefing",
    "discuss": "record the team's discussion of the briefing",
    "report_change": "report what changed in practice",
    "verify": "verify the team's reported change",
}


@dataclass(frozen=True)
class Mail:
    """One e-mail to send: `key` names it for the outbox, so it is queued once and sent at most once."""

    key: str
    recipient: str
    subject: str
    text: str
    html: str | None
    delivery_id: UUID

    @property
    def headers(self) -> tuple[tuple[str, str], ...]:
        return ((DELIVERY_HEADER, str(self.delivery_id)),)


def dispatch_key(delivery_id: UUID) -> str:
    return f"delivery/{delivery_id}/dispatch"


def delivery_of_key(key: str) -> UUID | None:
    """The delivery an outbox key belongs to, for keys this module made."""
    parts = key.split("/")
    if len(parts) >= 3 and parts[0] == "delivery":
        try:
            return UUID(parts[1])
        except ValueError:
            return None
    return None


def briefing_mail(
    delivery_id: UUID, recipient: str, team_code: str, document: BriefingDocument, acknowledgement: Acknowledgement
) -> Mail:
    return Mail(
        key=dispatch_key(delivery_id),
        recipient=recipient,
        subject=f"Seven-minute briefing for {team_code}: {document.title}",
        text=render.text(document, acknowledgement),
        html=render.html(document, acknowledgement),
        delivery_id=delivery_id,
    )


@dataclass(frozen=True)
class ChaseNotice:
    """What a reminder or escalation says: which step, which deadline, whose delivery."""

    delivery_id: UUID
    step: str
    stage: str
    due_on: str
    sequence: int
    team_code: str
    board_code: str
    briefing_title: str
    recipient: str


def chase_mail(notice: ChaseNotice, acknowledgement: Acknowledgement | None) -> Mail:
    what = STAGE_WORDS.get(notice.stage, notice.stage)
    if notice.step == "remind_team":
        subject = f"Reminder: {what} ({notice.briefing_title})"
        opening = f"Team {notice.team_code} was asked to {what} by {notice.due_on}, and has not yet."
    elif notice.step == "escalate_to_manager":
        subject = f"Escalation to the manager of {notice.team_code}: {what}"
        opening = (
            f"Team {notice.team_code} was asked to {what} by {notice.due_on}; a reminder went unanswered. "
            "As its manager, please make sure the team does it."
        )
    else:
        subject = f"Escalation to {notice.board_code}: {notice.team_code} has not done what the briefing asked"
        opening = (
            f"Team {notice.team_code} was asked to {what} by {notice.due_on}; the reminder and the escalation to "
            "its manager went unanswered. It lapses unless the team acts."
        )
    lines = [opening, "", f"Briefing: {notice.briefing_title}"]
    if acknowledgement is not None:
        lines += [
            "",
            f"Acknowledge: {acknowledgement.link}",
            f"or run: lipp delivery acknowledge {acknowledgement.code}",
        ]
    return Mail(
        key=f"delivery/{notice.delivery_id}/chase/{notice.stage}/{notice.sequence}",
        recipient=notice.recipient,
        subject=subject,
        text="\n".join(lines) + "\n",
        html=None,
        delivery_id=notice.delivery_id,
    )
