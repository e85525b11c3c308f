"""What callers hand the outbox: one e-mail with an idempotency key, and how it becomes a MIME message."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from enum import StrEnum

MESSAGE_ID_DOMAIN = "lipp.invalid"


@dataclass(frozen=True)
class Envelope:
    """One e-mail to send. Its key is the idempotency key: a key is queued once and sent once."""

    key: str
    recipient: str
    subject: str
    text: str
    html: str | None = None
    headers: tuple[tuple[str, str], ...] = field(default=())


class EntryState(StrEnum):
    """Queued until the next hop accepts it (sent) or the outbox gives up on it (failed, kept visible)."""

    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"


@dataclass(frozen=True)
class OutboxEntry:
    """An envelope as the outbox holds it: its state, attempts and the last error."""

    key: str
    recipient: str
    subject: str
    state: EntryState
    attempts: int
    last_error: str | None
    queued_at: datetime
    sent_at: datetime | None
    next_attempt_at: datetime | None
    message_id: str


def message_id_for(key: str) -> str:
    """The same key always gives the same Message-ID, so a resent message is recognisable as the same one."""
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{MESSAGE_ID_DOMAIN}>"


def mime_message(envelope: Envelope, *, message_id: str, dated: datetime, sender: str | None = None) -> EmailMessage:
    """The MIME message for an envelope: plain text, with an HTML alternative when there is one."""
    message = EmailMessage()
    if sender:
        message["From"] = sender
    message["To"] = envelope.recipient
    message["Subject"] = envelope.subject
    message["Date"] = format_datetime(dated)
    message["Message-ID"] = message_id
    for name, value in envelope.headers:
        message[name] = value
    message.set_content(envelope.text)
    if envelope.html is not None:
        message.add_alternative(envelope.html, subtype="html")
    return message
