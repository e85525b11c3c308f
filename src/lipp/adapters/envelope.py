"""What callers hand the outbox: one e-mail with an idempotency key, and how it becomes a MIME message."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.headerregistry import Address
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


class UnbuildableMessage(ValueError):
    """An envelope that cannot become a message (a line break in a header, a recipient that is not one address,
    text no encoding can carry): building it again would fail again, so the outbox fails it for good."""


# Headers the outbox writes itself or that would route or restructure the message: an envelope may not set them.
_RESERVED_HEADERS = frozenset(
    {"from", "sender", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id", "mime-version"}
    | {"return-path", "received"}
)
_RESERVED_PREFIXES = ("content-", "resent-")
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")  # C0 controls but tab, and DEL


def mime_message(envelope: Envelope, *, message_id: str, dated: datetime, sender: str | None = None) -> EmailMessage:
    """The MIME message for an envelope: plain text, with an HTML alternative when there is one.

    Raises UnbuildableMessage naming the part at fault; the offending text itself is not repeated, so the reason
    is safe to store and show."""
    message = EmailMessage()
    if sender:
        message["From"] = sender
    _set(message, "To", envelope.recipient, "recipient")
    _check_recipient(message)
    _set(message, "Subject", envelope.subject, "subject")
    message["Date"] = format_datetime(dated)
    message["Message-ID"] = message_id
    for name, value in envelope.headers:
        _check_header_name(name)
        _set(message, name, value, f"header {name}")
    try:
        message.set_content(envelope.text)
    except Exception as failure:  # the mail library raises several types for text it cannot encode
        raise UnbuildableMessage(f"text body: {_reason(failure)}") from failure
    if envelope.html is not None:
        try:
            message.add_alternative(envelope.html, subtype="html")
        except Exception as failure:
            raise UnbuildableMessage(f"HTML body: {_reason(failure)}") from failure
    return message


def _set(message: EmailMessage, name: str, value: str, part: str) -> None:
    if _CONTROL.search(value):
        raise UnbuildableMessage(f"{part}: a line break or control character, which a header cannot hold")
    try:
        message[name] = value
    except Exception as failure:  # ValueError for line breaks, UnicodeError, HeaderParseError, IndexError...
        raise UnbuildableMessage(f"{part}: {_reason(failure)}") from failure


def _check_recipient(message: EmailMessage) -> None:
    header = message["To"]
    addresses: tuple[Address, ...] = getattr(header, "addresses", ())
    if len(addresses) != 1:
        raise UnbuildableMessage(f"recipient: {len(addresses)} addresses where one was expected")
    if header.defects:
        raise UnbuildableMessage(f"recipient: {header.defects[0]}")
    if not addresses[0].username or not addresses[0].domain:
        raise UnbuildableMessage("recipient: not an address of the form name@domain")


def _check_header_name(name: str) -> None:
    if not name or any(not 33 <= ord(c) <= 126 or c == ":" for c in name):
        raise UnbuildableMessage("header name: not printable ASCII without a colon")
    lowered = name.lower()
    if lowered in _RESERVED_HEADERS or lowered.startswith(_RESERVED_PREFIXES):
        raise UnbuildableMessage(f"header {name}: set by the outbox itself")


def _reason(failure: Exception) -> str:
    detail = str(failure).splitlines()[0] if str(failure) else ""
    return f"{type(failure).__name__}: {detail}"[:300] if detail else type(failure).__name__
