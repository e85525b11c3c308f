"""Delivering an issued digest by e-mail to the national bodies subscribed to it, through the outbox."""

from __future__ import annotations

import logging

from lipp.adapters.envelope import Envelope
from lipp.application.digests import Computed
from lipp.bootstrap import Lipp

log = logging.getLogger(__name__)


def key_of(digest_id: object, body_code: str) -> str:
    """One e-mail per (digest, body): queued once, sent at most once successfully."""
    return f"digest/{digest_id}/{body_code}"


def envelopes(lipp: Lipp, computed: Computed) -> list[Envelope]:
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
        for body in lipp.registry.national_bodies()
        if body.digest_subscribed
    ]


def queue(lipp: Lipp, computed: Computed) -> int:
    return lipp.outbox.queue(envelopes(lipp, computed))


def send(lipp: Lipp, digest_id: str) -> int:
    """Send what is due in the outbox; messages the server refused now stay queued for a later attempt."""
    report = lipp.outbox.send_due(lipp.transport())
    waiting = lipp.outbox.entries(prefix=f"digest/{digest_id}/")
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
