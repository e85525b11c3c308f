"""Sending briefings for real: e-mails read back from a loopback SMTP server, signed links that acknowledge,
refusals that show, a server that is down, and a dispatch killed half-way that resumes without duplicates."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

from fastapi.testclient import TestClient

from lipp.adapters.envelope import message_id_for
from lipp.adapters.outbox import EntryState
from lipp.adapters.transports import SmtpTransport
from lipp.application.learning_post import LearningPost
from lipp.bootstrap import Lipp
from lipp.commands.learning import DraftReviewBriefing, RecordDiscussion, ReleaseBriefing, ReportPracticeChange
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from lipp.interfaces.api.app import create_app
from lipp.learning.mail import dispatch_key
from lipp.projections.learning.queries import Slice
from tests.conftest import People, register_team
from tests.learning.journeys import published, released
from tests.smtp import LoopbackSmtp

LINK = re.compile(r"(http://\S+/acknowledge\?token=(\S+))")
CODE = re.compile(r"lipp delivery acknowledge ([A-Z2-7]{5}-[A-Z2-7]{5})")


def _post(lipp: Lipp, smtp_server: LoopbackSmtp) -> LearningPost:
    return lipp.learning_post(SmtpTransport(smtp_server.host, smtp_server.port, sender="lipp@lipp.invalid"))


def _text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def test_the_whole_loop_over_real_email(
    lipp: Lipp, people: People, clock: SettableClock, smtp_server: LoopbackSmtp
) -> None:
    key = released(lipp, people, clock)
    post = _post(lipp, smtp_server)

    assert post.queue_briefing(key) == 4
    summary = post.send()

    assert (summary.sent, summary.delivered, summary.bounced) == (4, 4, 0)
    received = {str(m["To"]): m for m in smtp_server.messages}
    assert sorted(received) == [
        "nvl-csc@teams.example",
        "nvl-da@teams.example",
        "nvl-health@teams.example",
        "nvl-police@teams.example",
    ]
    message = received["nvl-csc@teams.example"]
    assert str(message["Subject"]).startswith("Seven-minute briefing for NVL-CSC")
    text = _text(message)
    assert "WHY IT MATTERS" in text and "REFLECTIVE QUESTIONS" in text
    html = message.get_body(preferencelist=("html",))
    assert html is not None and "<h2>What to do</h2>" in str(html.get_content())
    link = LINK.search(text)
    code = CODE.search(text)
    assert link and code

    client = TestClient(create_app(lambda: lipp), raise_server_exceptions=False)  # no lifespan: lipp stays open
    client.app.state.lipp = lipp  # type: ignore[attr-defined]
    page = client.get("/acknowledge", params={"token": link.group(2)})
    assert page.status_code == 200 and 'method="post"' in page.text, "opening the link only offers the button"
    assert lipp.learning.delivery(people.admin, code.group(1)).state == "delivered"
    first = client.post("/acknowledge", params={"token": link.group(2)})
    again = client.post("/acknowledge", params={"token": link.group(2)})
    tampered = client.post("/acknowledge", params={"token": link.group(2)[:-3] + "xyz"})
    assert first.status_code == 200 and first.json()["changed"] is True
    assert again.status_code == 200 and again.json()["changed"] is False
    assert again.json()["message"].startswith("Already acknowledged")
    assert tampered.status_code == 403 and tampered.headers["content-type"] == "application/problem+json"
    # The button's form, submitted by a browser, gets pages rather than JSON: the answer, or why not.
    browser = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
    seen = client.post("/acknowledge", params={"token": link.group(2)}, headers=browser)
    refused = client.post("/acknowledge", params={"token": link.group(2)[:-3] + "xyz"}, headers=browser)
    assert seen.status_code == 200 and seen.headers["content-type"].startswith("text/html")
    assert re.search(r"<h1[^>]*>\s*Already acknowledged\s*</h1>", seen.text) and "NVL-CSC" in seen.text
    assert refused.status_code == 403 and refused.headers["content-type"].startswith("text/html")
    assert "<h1>" in refused.text and "xyz" not in refused.text

    member = lipp.registry.actor_for("nvl-csc.member")
    lipp.learning.record_discussion(member, RecordDiscussion(code=code.group(1), reflections="Used in the huddle"))
    lipp.learning.report_change(member, ReportPracticeChange(code=code.group(1), what_changed="Daily checks"))
    metrics = lipp.deliveries.metrics(people.coordinator, Slice(briefing=key))
    assert (metrics.teams_targeted, metrics.acknowledged, metrics.change_reported) == (4, 1, 1)
    assert post.queue_briefing(key) == 0 and post.send().sent == 0, "a second dispatch sends nothing"
    assert len(smtp_server.messages) == 4


def test_an_expired_link_is_refused_with_a_clear_message(
    lipp: Lipp, people: People, clock: SettableClock, smtp_server: LoopbackSmtp
) -> None:
    key = released(lipp, people, clock)
    post = _post(lipp, smtp_server)
    post.queue_briefing(key)
    post.send()
    token = LINK.search(_text(smtp_server.messages[0]))
    assert token
    clock.advance(timedelta(days=31))

    client = TestClient(create_app(lambda: lipp), raise_server_exceptions=False)
    client.app.state.lipp = lipp  # type: ignore[attr-defined]
    response = client.post("/acknowledge", params={"token": token.group(2)})

    assert response.status_code == 403
    assert "expired" in response.json()["detail"]
    page = client.post("/acknowledge", params={"token": token.group(2)}, headers={"accept": "text/html"})
    assert page.status_code == 403 and "expired" in page.text and page.text.startswith("<!doctype html>")


def test_a_refused_message_bounces_visibly_and_the_rest_are_delivered(
    lipp: Lipp, people: People, clock: SettableClock, smtp_server: LoopbackSmtp
) -> None:
    key = released(lipp, people, clock)
    post = _post(lipp, smtp_server)
    post.queue_briefing(key)
    smtp_server.refuse_next(1)

    summary = post.send()

    assert (summary.sent, summary.failed, summary.delivered, summary.bounced) == (3, 1, 3, 1)
    rows = lipp.deliveries.deliveries(people.coordinator, briefing=key)
    bounced = [r for r in rows if r.state == "bounced"]
    assert len(bounced) == 1 and bounced[0].bounced
    entry = lipp.outbox.entry(dispatch_key(bounced[0].delivery_id))
    assert entry is not None and entry.state is EntryState.FAILED and "550" in (entry.last_error or "")
    assert lipp.deliveries.metrics(people.coordinator, Slice(briefing=key)).bounced == 1


def test_a_server_that_is_down_leaves_messages_queued_until_it_answers(
    lipp: Lipp, people: People, clock: SettableClock, smtp_server: LoopbackSmtp
) -> None:
    key = released(lipp, people, clock)
    post = _post(lipp, smtp_server)
    post.queue_briefing(key)
    smtp_server.stop()

    down = post.send()

    assert (down.sent, down.delivered) == (0, 0) and down.retrying == 1
    assert {r.state for r in lipp.deliveries.deliveries(people.coordinator, briefing=key)} == {"dispatched"}
    smtp_server.start()
    clock.advance(timedelta(hours=1))
    up = post.send()
    assert (up.sent, up.delivered) == (4, 4)
    assert {r.state for r in lipp.deliveries.deliveries(people.coordinator, briefing=key)} == {"delivered"}


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
        post = lipp.learning_post(Slow("127.0.0.1", int(sys.argv[3]), sender="lipp@lipp.invalid"))
        post.send(progress=lambda n: print("sent", flush=True))
    """
)


def test_a_dispatch_killed_half_way_resumes_sending_each_message_once(
    lipp: Lipp, people: People, clock: SettableClock, settings: Settings, smtp_server: LoopbackSmtp, tmp_path: Path
) -> None:
    reference = published(lipp, people, clock)
    for n in range(40):
        register_team(lipp, people.admin, f"NVL-T{n:02}", "NVL", "health")
    key = lipp.learning.draft_from_review(people.coordinator, DraftReviewBriefing(reference=reference)).key
    lipp.learning.release(people.coordinator, ReleaseBriefing(key=key))
    post = _post(lipp, smtp_server)
    assert post.queue_briefing(key) == 40
    script = tmp_path / "dispatch.py"
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
    assert 15 <= len(smtp_server.messages) < 40

    post.queue_briefing(key)
    post.send()

    ids = smtp_server.message_ids()
    rows = lipp.deliveries.deliveries(people.coordinator, briefing=key)
    assert set(ids) == {message_id_for(dispatch_key(r.delivery_id)) for r in rows}, "nothing lost"
    assert len(ids) - len(set(ids)) <= 1, "at most the one message in flight at the kill arrives again"
    assert {r.state for r in rows} == {"delivered"}, "the re-run records what the killed run sent"
