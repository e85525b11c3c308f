"""The operator's view of the outbox: failed e-mails listed with their reasons, shown harmlessly, and requeued."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from lipp.adapters.outbox import EntryState, Envelope
from lipp.bootstrap import Lipp
from lipp.interfaces.cli.main import app


def run(lipp: Lipp, *args: str) -> tuple[int, str]:
    options = ["--data-dir", str(lipp.settings.data_dir), "--database-url", lipp.settings.effective_database_url]
    result = CliRunner().invoke(app, [*options, "outbox", *args])
    return result.exit_code, result.stdout


def test_failed_mail_is_listed_with_its_reason_and_can_be_requeued(lipp: Lipp) -> None:
    lipp.outbox.queue(
        [
            Envelope("delivery/broken/dispatch", "\x1b[31mred@teams.example", "Briefing", "Please discuss."),
            Envelope("delivery/injected/dispatch", "csc@teams.example", "Title\nBcc: all@teams.example", "Hello"),
            Envelope("delivery/fine/dispatch", "police@teams.example", "Briefing", "Please discuss."),
        ]
    )
    report = lipp.outbox.send_due(lipp.transport())
    assert (report.sent, report.failed) == (1, 2)

    code, listed = run(lipp, "list")
    assert code == 0
    assert "delivery/broken/dispatch" in listed and "delivery/injected/dispatch" in listed
    assert "delivery/fine/dispatch" not in listed
    assert "\x1b" not in listed and "\\u001b[31mred@teams.example" in listed, "shown, never obeyed"
    code, as_json = run(lipp, "list", "--json")
    reasons = {entry["key"]: entry["last_error"] for entry in json.loads(as_json)}
    assert reasons["delivery/injected/dispatch"].startswith("cannot be built: subject:")
    assert reasons["delivery/broken/dispatch"].startswith("cannot be built: recipient:")

    code, requeued = run(lipp, "requeue", "--prefix", "delivery/injected/", "--json")
    assert (code, json.loads(requeued)) == (0, {"requeued": 1})
    entry = lipp.outbox.entry("delivery/injected/dispatch")
    assert entry is not None and entry.state is EntryState.QUEUED and entry.attempts == 0
    code, queued = run(lipp, "list", "--state", "queued", "--json")
    assert [entry["key"] for entry in json.loads(queued)] == ["delivery/injected/dispatch"]
