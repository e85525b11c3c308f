"""How a message leaves lipp: over SMTP, or into a folder of `.eml` files when no SMTP server is configured."""

from __future__ import annotations

import contextlib
import os
import smtplib
import ssl
from email.errors import MessageError
from email.message import Message
from email.utils import getaddresses
from pathlib import Path
from typing import Protocol


class TransportRefused(Exception):
    """The receiving server refused the message for good (a 5xx reply): sending it again would not help."""


class TransportUnavailable(Exception):
    """The message could not be handed over now (server down, timeout, a 4xx reply): try again later."""


class TransportDeferred(TransportUnavailable):
    """The server is up but answered this one message with a temporary refusal (a 4xx reply other than 421):
    this message is tried again later, the others go on now."""


# What the mail library raises for a message it cannot encode (a header with a lone surrogate, for example).
ENCODING_ERRORS = (ValueError, TypeError, LookupError, MessageError)


class Transport(Protocol):
    """Hands one message to the next hop; raises TransportRefused or TransportUnavailable."""

    def send(self, message: Message) -> None: ...

    def close(self) -> None: ...


class SmtpTransport:
    """SMTP with one connection kept open across a sending round, reopened after any failure."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        sender: str,
        username: str | None = None,
        password: str | None = None,
        starttls: bool = False,
        timeout: float = 10.0,
    ) -> None:
        self.host, self.port, self.sender = host, port, sender
        self._username, self._password = username, password
        self._starttls, self._timeout = starttls, timeout
        self._connection: smtplib.SMTP | None = None

    def send(self, message: Message) -> None:
        if "From" not in message:
            message["From"] = self.sender
        # The envelope goes to the To header's addresses only: extra headers never add recipients.
        recipients = [address for _, address in getaddresses([str(to) for to in message.get_all("To", [])]) if address]
        if not recipients:
            raise TransportRefused("the message has no recipient")
        try:
            connection = self._open()
        except (smtplib.SMTPException, OSError) as failure:
            self._drop()
            raise TransportUnavailable(f"{self.host}:{self.port}: {failure or type(failure).__name__}") from failure
        try:
            connection.send_message(message, from_addr=self.sender, to_addrs=recipients)
        except smtplib.SMTPRecipientsRefused as refused:
            self._drop()
            codes = [code for code, _ in refused.recipients.values()] or [550]
            raise _by_code(min(codes), f"recipient refused: {refused.recipients}") from refused
        except smtplib.SMTPNotSupportedError as unsupported:  # e.g. a non-ASCII address and no SMTPUTF8
            self._drop()
            raise TransportRefused(f"the server cannot take this message: {unsupported}") from unsupported
        except smtplib.SMTPResponseException as reply:
            self._drop()
            raise _by_code(reply.smtp_code, f"{reply.smtp_code} {_text(reply.smtp_error)}") from reply
        except (smtplib.SMTPException, OSError) as failure:
            self._drop()
            raise TransportUnavailable(f"{self.host}:{self.port}: {failure or type(failure).__name__}") from failure
        except ENCODING_ERRORS as failure:
            self._drop()
            raise TransportRefused(f"the message cannot be encoded: {type(failure).__name__}: {failure}") from failure

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                self._connection.quit()
            self._connection = None

    def _open(self) -> smtplib.SMTP:
        if self._connection is None:
            connection = smtplib.SMTP(self.host, self.port, timeout=self._timeout)
            if self._starttls:
                connection.starttls(context=ssl.create_default_context())
            if self._username:
                connection.login(self._username, self._password or "")
            self._connection = connection
        return self._connection

    def _drop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(OSError):
                connection.close()


class FolderTransport:
    """Writes each message as `<name>.eml` in a folder: the embedded default's outbox, readable by any mail client."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, message: Message) -> None:
        try:
            content = message.as_bytes()
        except ENCODING_ERRORS as failure:
            raise TransportRefused(f"the message cannot be encoded: {type(failure).__name__}: {failure}") from failure
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self.folder / f"{eml_name(message)}.eml"
            partial = target.with_suffix(".eml.partial")
            partial.write_bytes(content)
            os.replace(partial, target)
        except OSError as failure:
            raise TransportUnavailable(f"cannot write to {self.folder}: {failure}") from failure

    def close(self) -> None:
        return None


def eml_name(message: Message) -> str:
    """A file name from the Message-ID, so the same message written twice lands on the same file."""
    message_id = str(message.get("Message-ID", "")).strip("<>")
    return message_id.split("@")[0] or "message"


def _by_code(code: int, detail: str) -> Exception:
    if 500 <= code < 600:
        return TransportRefused(detail)
    if 400 <= code < 500 and code != 421:  # 421: the server is closing the connection, not judging this message
        return TransportDeferred(detail)
    return TransportUnavailable(detail)


def _text(error: bytes | str) -> str:
    return error.decode(errors="replace") if isinstance(error, bytes) else str(error)


__all__ = [
    "FolderTransport",
    "SmtpTransport",
    "Transport",
    "TransportDeferred",
    "TransportRefused",
    "TransportUnavailable",
]
