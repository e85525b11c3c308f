"""A sender killed half-way through a round loses nothing: the next round sends what was left, once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from lipp.adapters.envelope import message_id_for
from lipp.adapters.outbox import EntryState, Envelope
from lipp.adapters.transports import SmtpTransport
from lipp.bootstrap import Lipp
from lipp.config import Settings
from tests.smtp import LoopbackSmtp

SENDER = textwrap.dedent(
    """
    import sys, time
    from lipp.adapters.transports import SmtpTransport
    from lipp.bootstrap import build
    from lipp.config import Settings

    class Slow(SmtpTransport):
        def send(self, message):
            super().send(message)
            time.sleep(0.02)

    with build(Settings(data_dir=sys.argv[1], database_url=sys.argv[2] or None)) as lipp:
        def sent(_):
            print("sent", flush=True)
        lipp.outbox.send_due(Slow("127.0.0.1", int(sys.argv[3]), sender="lipp@lipp.invalid"), on_sent=sent)
    """
)


def test_a_killed_sender_leaves_the_rest_for_the_next_round(
    lipp: Lipp, settings: Settings, smtp_server: LoopbackSmtp, tmp_path: Path
) -> None:
    keys = [f"digest/2026-Q1/member-{n:02}" for n in range(40)]
    lipp.outbox.queue([Envelope(key, f"m{n}@bodies.example", "National digest", "…") for n, key in enumerate(keys)])
    script = tmp_path / "sender.py"
    script.write_text(SENDER)
    sender = subprocess.Popen(
        [sys.executable, str(script), str(settings.data_dir), settings.database_url or "", str(smtp_server.port)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": "src"},
    )
    assert sender.stdout is not None
    for _ in range(15):
        sender.stdout.readline()
    sender.send_signal(signal.SIGKILL)
    sender.wait()
    sent_before = len(smtp_server.messages)
    assert 15 <= sent_before < 40

    lipp.outbox.send_due(SmtpTransport(smtp_server.host, smtp_server.port, sender="lipp@lipp.invalid"))

    ids = smtp_server.message_ids()
    assert set(ids) == {message_id_for(key) for key in keys}, "nothing lost"
    assert len(ids) - len(set(ids)) <= 1, "at most the one message in flight at the kill arrives again"
    assert {entry.state for entry in lipp.outbox.entries()} == {EntryState.SENT}


def test_a_sender_killed_beside_another_loses_nothing_and_doubles_at_most_its_one_message(
    lipp: Lipp, settings: Settings, smtp_server: LoopbackSmtp, tmp_path: Path
) -> None:
    """Senders read due entries a batch at a time: both read the same batch, each claims an entry only when it
    sends it, and the one killed leaves the rest of its batch to the other."""
    keys = [f"digest/2026-Q2/member-{n:02}" for n in range(60)]
    lipp.outbox.queue([Envelope(key, f"m{n}@bodies.example", "National digest", "…") for n, key in enumerate(keys)])
    script = tmp_path / "sender.py"
    script.write_text(SENDER)
    command = [sys.executable, str(script), str(settings.data_dir), settings.database_url or "", str(smtp_server.port)]
    environment = {**os.environ, "PYTHONPATH": "src"}
    doomed, survivor = (subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=environment) for _ in "ab")
    assert doomed.stdout is not None
    for _ in range(10):
        doomed.stdout.readline()
    doomed.send_signal(signal.SIGKILL)
    doomed.wait()
    survivor.communicate(timeout=120)
    assert survivor.returncode == 0

    lipp.outbox.send_due(SmtpTransport(smtp_server.host, smtp_server.port, sender="lipp@lipp.invalid"))

    ids = smtp_server.message_ids()
    assert set(ids) == {message_id_for(key) for key in keys}, "nothing lost"
    assert len(ids) - len(set(ids)) <= 1, "at most the one message in flight at the kill arrives again"
    assert {entry.state for entry in lipp.outbox.entries()} == {EntryState.SENT}
