"""Signed acknowledgement links: the delivery and an expiry, signed with HMAC-SHA256 so a link cannot be forged
or stretched. The link is the credential (as with NHS safety alerts): no login is needed to acknowledge."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from lipp.domain.errors import NotAuthorised

SIGNATURE_BYTES = 16


class LinkIsNotValid(NotAuthorised):
    """The link was altered, or signed with another key: it acknowledges nothing."""


class LinkHasExpired(NotAuthorised):
    """An expired link acknowledges nothing; the team can still use the short code in the CLI."""


@dataclass(frozen=True)
class LinkSigner:
    """Signs and reads the token carried by an acknowledgement link."""

    key: bytes

    def sign(self, delivery_id: UUID, expires_on: date) -> str:
        payload = delivery_id.bytes + struct.pack(">I", expires_on.toordinal())
        signature = hmac.new(self.key, payload, hashlib.sha256).digest()[:SIGNATURE_BYTES]
        return _b64(payload) + "." + _b64(signature)

    def read(self, token: str, today: date) -> UUID:
        """The delivery the token names, if it is genuine and not expired."""
        try:
            payload_text, signature_text = token.strip().split(".")
            payload, signature = _unb64(payload_text), _unb64(signature_text)
        except ValueError:
            raise LinkIsNotValid("this acknowledgement link is not valid (it may have been cut short)") from None
        expected = hmac.new(self.key, payload, hashlib.sha256).digest()[:SIGNATURE_BYTES]
        if len(payload) != 20 or not hmac.compare_digest(signature, expected):
            raise LinkIsNotValid("this acknowledgement link is not valid (it was altered or is not lipp's)")
        expires_on = date.fromordinal(struct.unpack(">I", payload[16:])[0])
        if today > expires_on:
            raise LinkHasExpired(
                f"this acknowledgement link expired on {expires_on:%d %B %Y}: "
                "use the code in the e-mail with 'lipp delivery acknowledge CODE', or ask your board"
            )
        return UUID(bytes=payload[:16])


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as error:
        raise ValueError(str(error)) from None
