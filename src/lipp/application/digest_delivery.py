"""Delivering an issued digest by e-mail to the national bodies subscribed to it, through the outbox."""

from __future__ import annotations

import logging

from lipp.adapters.envelope import Envelope
from lipp.adapters.outbox import Outbox
from lipp.adapters.transports import Transport
from lipp.application.digests import Computed
from lipp.application.registry import RegistryApplication

log = logging.getLogger(__name__)


def key_of(digest_id: object, body_code: str) -> str:
    """One e-mail per (digest, body): queued once, sent at most once successfully."""
    return f"digest/{digest_id}/{body_code}"


def envelopes(registry: RegistryApplication, computed: Computed) -> list[Envelope]:
    """The digest for every subscribed member body: the Markdown as text, the HTML as its alternative."""
    document = computed.document
    return [
        Envelope(
            key=key_of(computed.id, body.code),
            recipient=body.digest_email,
            subject=document.title,
            text=computed.rendered.markdown,
            html=computed.rendered.html,
            headers=(("X-Lipp-Digest", str(computed.id)),),
        )
        for body in registry.national_bodies()
        if body.digest_subscribed
    ]


def queue(outbox: Outbox, registry: RegistryApplication, computed: Computed) -> int:
    """Queue the digest for every subscribed body (keyed digest/<id>/<body>); returns how many were new."""
    return outbox.queue(envelopes(registry, computed))


def send(outbox: Outbox, transport: Transport, digest_id: str) -> int:
    """Send what is due in the outbox; messages the server refused now stay queued for a later attempt."""
    report = outbox.send_due(transport)
    waiting = outbox.entries(prefix=f"digest/{digest_id}/")
    if report.retrying or report.failed:
        log.warning(
            "digest %s: %d e-mail(s) sent, %d to retry, %d failed (%d for this digest in the outbox)",
            digest_id,
            report.sent,
            report.retrying,
            report.failed,
            len(waiting),
        )
    return report.sent
