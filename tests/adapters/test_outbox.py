"""The e-mail outbox against a real SMTP server on loopback: sent once, retried, failures kept visible."""

from __future__ import annotations

import threading
from datetime import timedelta
from email import message_from_bytes
from email.policy import default

import pytest

from lipp.adapters.envelope import message_id_for
from lipp.adapters.outbox import EntryState, Envelope, Outbox
from lipp.adapters.transports import FolderTransport, SmtpTransport
from lipp.bootstrap import Lipp, transport_from_settings
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from tests.smtp import LoopbackSmtp


def smtp(server: LoopbackSmtp) -> SmtpTransport:
    return SmtpTransport(server.host, server.port, sender="digests@lipp.invalid")


def briefing_to(team: str) -> Envelope:
    return Envelope(
        key=f"delivery/{team}/dispatch",
        recipient=f"{team}@teams.example",
        subject="Seven-minute briefing: bruising in non-mobile babies",
        text=f"Dear {team}, please discuss this briefing at your next team meeting.",
        html=f"<p>Dear {team}, please discuss this briefing at your next team meeting.</p>",
        headers=(("X-Lipp-Delivery", team),),
    )


def test_queued_mail_arrives_once_with_its_content(lipp: Lipp, smtp_server: LoopbackSmtp) -> None:
    assert lipp.outbox.queue([briefing_to("north-cs"), briefing_to("north-police")]) == 2

    report = lipp.outbox.send_due(smtp(smtp_server))

    assert (report.sent, report.retrying, report.failed, report.deferred) == (2, 0, 0, 0)
    received = {str(message["To"]): message for message in smtp_server.messages}
    assert set(received) == {"north-cs@teams.example", "north-police@teams.example"}
    message = received["north-cs@teams.example"]
    assert message["Subject"] == "Seven-minute briefing: bruising in non-mobile babies"
    assert message["X-Lipp-Delivery"] == "north-cs"
    assert message["Message-ID"] == message_id_for("delivery/north-cs/dispatch")
    assert "next team meeting" in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "<p>" in message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert {entry.state for entry in lipp.outbox.entries(prefix="delivery/")} == {EntryState.SENT}


def test_a_key_is_queued_and_sent_only_once(lipp: Lipp, smtp_server: LoopbackSmtp) -> None:
    lipp.outbox.queue([briefing_to("north-cs")])
    lipp.outbox.send_due(smtp(smtp_server))

    assert lipp.outbox.queue([briefing_to("north-cs"), briefing_to("north-cs")]) == 0
    assert lipp.outbox.send_due(smtp(smtp_server)).sent == 0
    assert len(smtp_server.messages) == 1


def test_a_refused_recipient_is_failed_visibly_and_the_rest_still_go(lipp: Lipp, smtp_server: LoopbackSmtp) -> None:
    lipp.outbox.queue([briefing_to("a-team"), briefing_to("b-team")])
    smtp_server.refuse_next(1)

    report = lipp.outbox.send_due(smtp(smtp_server))

    assert (report.sent, report.failed) == (1, 1)
    failed = lipp.outbox.entries(state=EntryState.FAILED)
    assert [entry.recipient for entry in failed] == ["a-team@teams.example"]
    assert "550" in (failed[0].last_error or "")
    assert lipp.outbox.requeue_failed(prefix="delivery/a-team") == 1
    assert lipp.outbox.send_due(smtp(smtp_server)).sent == 1
    assert sorted(str(m["To"]) for m in smtp_server.messages) == ["a-team@teams.example", "b-team@teams.example"]


def test_a_server_that_is_down_means_retries_with_backoff_then_delivery(
    lipp: Lipp, smtp_server: LoopbackSmtp, clock: SettableClock
) -> None:
    lipp.outbox.queue([briefing_to("a-team"), briefing_to("b-team")])
    smtp_server.stop()

    report = lipp.outbox.send_due(smtp(smtp_server))

    assert (report.sent, report.retrying, report.deferred) == (0, 1, 1)
    waiting = lipp.outbox.entry("delivery/a-team/dispatch")
    assert waiting is not None and waiting.state is EntryState.QUEUED and waiting.attempts == 1
    assert waiting.next_attempt_at == clock.now() + timedelta(minutes=1)
    smtp_server.start()
    assert lipp.outbox.send_due(smtp(smtp_server)).sent == 1, "only the untried one is due before the backoff"
    clock.advance(timedelta(minutes=1))
    assert lipp.outbox.send_due(smtp(smtp_server)).sent == 1
    assert len(smtp_server.messages) == 2


def test_a_temporary_refusal_of_one_message_lets_the_rest_go(lipp: Lipp, smtp_server: LoopbackSmtp) -> None:
    lipp.outbox.queue([briefing_to("a-team"), briefing_to("b-team"), briefing_to("c-team")])
    smtp_server.defer_next(1)

    report = lipp.outbox.send_due(smtp(smtp_server))

    assert (report.sent, report.retrying, report.deferred) == (2, 1, 0), "the server is up: only a-team waits"
    waiting = lipp.outbox.entry("delivery/a-team/dispatch")
    assert waiting is not None and waiting.state is EntryState.QUEUED and "451" in (waiting.last_error or "")


def test_temporary_refusals_give_up_after_the_last_attempt(
    lipp: Lipp, smtp_server: LoopbackSmtp, clock: SettableClock
) -> None:
    lipp.outbox.queue([briefing_to("a-team")])
    smtp_server.defer_next(lipp.outbox.max_attempts)

    for _ in range(lipp.outbox.max_attempts):
        lipp.outbox.send_due(smtp(smtp_server))
        clock.advance(timedelta(hours=6))

    entry = lipp.outbox.entry("delivery/a-team/dispatch")
    assert entry is not None and entry.state is EntryState.FAILED
    assert entry.attempts == lipp.outbox.max_attempts and "451" in (entry.last_error or "")
    assert smtp_server.messages == []


def test_two_senders_at_once_send_each_message_once(lipp: Lipp, smtp_server: LoopbackSmtp) -> None:
    lipp.outbox.queue([briefing_to(f"team-{n:03}") for n in range(60)])

    senders = [threading.Thread(target=lipp.outbox.send_due, args=(smtp(smtp_server),)) for _ in range(3)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()

    ids = smtp_server.message_ids()
    assert len(ids) == 60 and len(set(ids)) == 60


def test_without_smtp_mail_lands_as_eml_files(lipp: Lipp, settings: Settings) -> None:
    lipp.outbox.queue([briefing_to("north-cs")])

    lipp.outbox.send_due(lipp.transport())

    files = list(settings.outbox_dir.glob("*.eml"))
    assert len(files) == 1
    message = message_from_bytes(files[0].read_bytes(), policy=default)
    assert message["To"] == "north-cs@teams.example" and message["From"] == settings.mail_sender


def test_smtp_settings_choose_the_smtp_transport(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIPP_SMTP__HOST", "mail.lipp.invalid")
    monkeypatch.setenv("LIPP_SMTP__PORT", "2525")
    transport = transport_from_settings(Settings())
    assert isinstance(transport, SmtpTransport) and (transport.host, transport.port) == ("mail.lipp.invalid", 2525)
    monkeypatch.delenv("LIPP_SMTP__HOST")
    monkeypatch.delenv("LIPP_SMTP__PORT")
    assert isinstance(transport_from_settings(Settings()), FolderTransport)


def test_an_outbox_is_durable_across_processes(lipp: Lipp, settings: Settings, clock: SettableClock) -> None:
    lipp.outbox.queue([briefing_to("north-cs")])
    reopened = Outbox(lipp.outbox_engine, clock)
    assert [entry.key for entry in reopened.entries(state=EntryState.QUEUED)] == ["delivery/north-cs/dispatch"]
