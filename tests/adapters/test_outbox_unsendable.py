"""No message can hold up the others: generated messages, good ones mixed with messages no server could take
(header text with line breaks and controls, recipients that are not one address, text no encoding carries), go
through one sending round to a real SMTP server. Every good one arrives once; every other one either arrives or
is failed with a reason; none is left queued behind another."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lipp.adapters.envelope import message_id_for
from lipp.adapters.outbox import EntryState, Envelope
from lipp.adapters.transports import SmtpTransport
from lipp.bootstrap import Lipp
from tests.smtp import LoopbackSmtp

_rounds = itertools.count()

# Printable text of any script (no controls, no surrogates): what a good subject or body is made of.
PLAIN = st.text(st.characters(categories=["L", "N", "P", "S", "Zs"]), min_size=1, max_size=60).filter(str.strip)
ANY_TEXT = st.text(max_size=80)  # all of Unicode: NUL, C0/C1 controls, lone surrogates, line breaks
FAULTS = ("subject line break", "header line break", "two recipients", "no domain", "NUL", "surrogate", "control")


@dataclass(frozen=True)
class Story:
    good: list[Envelope]
    bad: list[tuple[str, Envelope]]
    anything: list[Envelope]


def _good(draw: st.DrawFn, key: str) -> Envelope:
    mailbox = draw(st.from_regex(r"[a-z][a-z0-9]{0,8}([.\-][a-z0-9]{1,8}){0,2}", fullmatch=True))
    return Envelope(
        key=key,
        recipient=f"{mailbox}@teams.example",
        subject=draw(PLAIN),
        text=draw(st.lists(PLAIN, min_size=1, max_size=4).map("\n".join)),
        html=draw(st.none() | PLAIN.map(lambda text: f"<p>{text}</p>")),
        headers=(("X-Lipp-Delivery", draw(PLAIN)),),
    )


def _broken(draw: st.DrawFn, envelope: Envelope, fault: str) -> Envelope:
    """The good envelope with one fault no server or encoding could cure, at a generated place."""
    subject, cut = envelope.subject, draw(st.integers(0, len(envelope.subject)))
    inside = draw(st.sampled_from(["\n", "\r", "\r\n"]))
    if fault == "subject line break":
        return _with(envelope, subject=subject[:cut] + inside + subject[cut:])
    if fault == "header line break":
        return _with(envelope, headers=(("X-Lipp-Delivery", f"{subject[:cut]}{inside}Bcc: x@evil.example"),))
    if fault == "two recipients":
        return _with(envelope, recipient=f"{envelope.recipient}, {draw(PLAIN).strip()}@other.example")
    if fault == "no domain":
        return _with(envelope, recipient=envelope.recipient.split("@")[0])
    if fault == "NUL":
        part = draw(st.sampled_from(["subject", "text", "recipient"]))
        return _with(envelope, **{part: getattr(envelope, part)[:cut] + "\x00" + getattr(envelope, part)[cut:]})
    if fault == "surrogate":
        lone = chr(draw(st.integers(0xD800, 0xDFFF)))
        part = draw(st.sampled_from(["subject", "text", "html"]))
        return _with(envelope, **{part: (getattr(envelope, part) or "") + lone})
    control = chr(draw(st.sampled_from([*range(1, 9), *range(11, 32), 127])))
    return _with(envelope, subject=subject[:cut] + control + subject[cut:])


def _with(envelope: Envelope, **changes: object) -> Envelope:
    return Envelope(**{**envelope.__dict__, **changes})  # type: ignore[arg-type]


@st.composite
def stories(draw: st.DrawFn) -> Story:
    prefix = f"round-{next(_rounds)}"
    good = [_good(draw, f"{prefix}/good/{n}") for n in range(draw(st.integers(1, 5)))]
    faults = draw(st.lists(st.sampled_from(FAULTS), min_size=1, max_size=4))
    bad = [(fault, _broken(draw, _good(draw, f"{prefix}/bad/{n}"), fault)) for n, fault in enumerate(faults)]
    anything = [
        Envelope(
            key=f"{prefix}/any/{n}",
            recipient=draw(ANY_TEXT | st.emails() | PLAIN.map(lambda text: f"{text}@teams.example")),
            subject=draw(ANY_TEXT),
            text=draw(ANY_TEXT),
            html=draw(st.none() | ANY_TEXT),
            headers=tuple(draw(st.lists(st.tuples(st.sampled_from(["X-Lipp-Delivery"]) | ANY_TEXT, ANY_TEXT)))),
        )
        for n in range(draw(st.integers(0, 3)))
    ]
    return Story(good, bad, anything)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(story=stories(), order=st.randoms(use_true_random=False))
def test_no_message_holds_up_another(lipp: Lipp, smtp_server: LoopbackSmtp, story: Story, order: object) -> None:
    queued = [*story.good, *(envelope for _, envelope in story.bad), *story.anything]
    order.shuffle(queued)  # type: ignore[attr-defined]

    assert lipp.outbox.queue(queued) == len(queued), "every envelope is taken, whatever it holds"
    report = lipp.outbox.send_due(SmtpTransport(smtp_server.host, smtp_server.port, sender="lipp@lipp.invalid"))

    assert report.deferred == 0 and report.retrying == 0, "nothing waits behind another message"
    arrived = [str(message["Message-ID"]) for message in smtp_server.messages]
    by_id = {str(message["Message-ID"]): message for message in smtp_server.messages}
    for envelope in story.good:
        entry = lipp.outbox.entry(envelope.key)
        assert entry is not None and entry.state is EntryState.SENT, (envelope, entry)
        assert arrived.count(message_id_for(envelope.key)) == 1
        message = by_id[message_id_for(envelope.key)]
        received = (str(message["To"]), " ".join(str(message["Subject"]).split()))
        assert received == (envelope.recipient, " ".join(envelope.subject.split())), "folding aside, as queued"
    for fault, envelope in story.bad:
        entry = lipp.outbox.entry(envelope.key)
        assert entry is not None and entry.state is EntryState.FAILED, (fault, envelope, entry)
        assert entry.last_error, f"{fault}: failed without a reason"
        assert message_id_for(envelope.key) not in arrived, fault
    for envelope in story.anything:
        entry = lipp.outbox.entry(envelope.key)
        assert entry is not None and entry.state in (EntryState.SENT, EntryState.FAILED), (envelope, entry)
        event(f"arbitrary message {entry.state.value}")
        if entry.state is EntryState.SENT:
            assert arrived.count(message_id_for(envelope.key)) == 1
        else:
            assert entry.last_error and message_id_for(envelope.key) not in arrived
    failed = {entry.key for entry in lipp.outbox.entries(state=EntryState.FAILED)}
    assert {envelope.key for _, envelope in story.bad} <= failed, "the operator's failed list shows each one"
