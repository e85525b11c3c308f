"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives and can be told to refuse or go down."""

from __future__ import annotations

import socket
import threading
import time
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from typing import Any

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Catcher:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.lock = threading.Lock()
        self.refusals = 0
        self.deferrals = 0

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:  # noqa: N802
        with self.lock:
            if self.refusals:
                self.refusals -= 1
                return "550 5.1.1 mailbox unavailable"
            if self.deferrals:
                self.deferrals -= 1
                return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = BytesParser(policy=default).parsebytes(envelope.content)
        assert isinstance(message, EmailMessage)
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"


class LoopbackSmtp:
    """The test mail server: `.messages` in arrival order; refuse, defer, stop and start on demand."""

    def __init__(self) -> None:
        self.host, self.port = "127.0.0.1", free_port()
        self._catcher = _Catcher()
        self._controller: Controller | None = None

    @property
    def messages(self) -> list[EmailMessage]:
        with self._catcher.lock:
            return list(self._catcher.messages)

    def message_ids(self) -> list[str]:
        return [str(message["Message-ID"]) for message in self.messages]

    def to(self, recipient: str) -> list[EmailMessage]:
        return [message for message in self.messages if str(message["To"]) == recipient]

    def refuse_next(self, count: int) -> None:
        """The next `count` recipients get a permanent 550."""
        with self._catcher.lock:
            self._catcher.refusals = count

    def defer_next(self, count: int) -> None:
        """The next `count` recipients get a temporary 451."""
        with self._catcher.lock:
            self._catcher.deferrals = count

    def start(self) -> None:
        self._controller = Controller(self._catcher, hostname=self.host, port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def wait_for(self, count: int, timeout: float = 10.0) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages
