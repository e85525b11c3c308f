"""What callers hand the outbox: one e-mail with an idempotency key, and how it becomes a MIME message."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.charset import Charset
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
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
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_ADDRESS = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})*")
_LINE_LIMIT = 900
"""Longer lines than this go base64-encoded: SMTP allows 998 octets a line, and UTF-8 can take more octets."""
_EIGHT_BIT = Charset("utf-8")
_EIGHT_BIT.body_encoding = None  # type: ignore[assignment]  # UTF-8 as it is (8bit) when the lines are short, as EmailMessage does


def mime_message(envelope: Envelope, *, message_id: str, dated: datetime, sender: str | None = None) -> Message:
    """The MIME message for an envelope: plain text, with an HTML alternative when there is one.

    Built with the mail library's classic MIME classes: the header registry behind `EmailMessage` parses every
    header it is given, which cost a dispatch more than sending did. The checks that registry made are made
    here instead, and stricter: no line break or control character in any header, one plain address as the
    recipient. Raises UnbuildableMessage naming the part at fault; the offending text itself is not repeated,
    so the reason is safe to store and show."""
    _check_recipient(envelope.recipient)
    headers: list[tuple[str, str | Header]] = [
        ("To", envelope.recipient),
        ("Subject", _header(envelope.subject, "subject")),
    ]
    for name, value in envelope.headers:
        _check_header_name(name)
        headers.append((name, _header(value, f"header {name}")))
    message: Message = _text_part(envelope.text, "plain", "text body")
    if envelope.html is not None:
        message = MIMEMultipart("alternative", _subparts=[message, _text_part(envelope.html, "html", "HTML body")])
    if sender:
        message["From"] = sender
    message["Date"] = format_datetime(dated)
    message["Message-ID"] = message_id
    for name, content in headers:
        message[name] = content  # type: ignore[assignment]  # a Header object is how non-ASCII text is folded
    return message


def _header(value: str, part: str) -> str | Header:
    if _CONTROL.search(value):
        raise UnbuildableMessage(f"{part}: a line break or control character, which a header cannot hold")
    if value.isascii():
        return value
    _encodable(value, part)
    return Header(value, "utf-8")


def _text_part(text: str, subtype: str, part: str) -> MIMEText:
    _encodable(text, part)
    if not _short_lines(text):
        return MIMEText(text, subtype, "utf-8")  # base64
    return MIMEText(text, subtype, "us-ascii" if text.isascii() else _EIGHT_BIT)  # type: ignore[arg-type]


def _short_lines(text: str) -> bool:
    return max(map(len, text.splitlines()), default=0) <= _LINE_LIMIT


def _encodable(text: str, part: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as failure:
        raise UnbuildableMessage(f"{part}: {_reason(failure)}") from failure


def _check_recipient(recipient: str) -> None:
    if not _ADDRESS.fullmatch(recipient):
        raise UnbuildableMessage("recipient: not one plain address of the form name@domain (ASCII, no name part)")


def _check_header_name(name: str) -> None:
    if not name or any(not 33 <= ord(c) <= 126 or c == ":" for c in name):
        raise UnbuildableMessage("header name: not printable ASCII without a colon")
    lowered = name.lower()
    if lowered in _RESERVED_HEADERS or lowered.startswith(_RESERVED_PREFIXES):
        raise UnbuildableMessage(f"header {name}: set by the outbox itself")


def _reason(failure: Exception) -> str:
    detail = str(failure).splitlines()[0] if str(failure) else ""
    return f"{type(failure).__name__}: {detail}"[:300] if detail else type(failure).__name__
