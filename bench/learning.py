"""Benchmark of the learning loop at scale (`make bench-learning`).

1. Release one national briefing to 5,000 teams, then dispatch it: queue 5,000 e-mails in the outbox, send them
   over SMTP to a loopback aiosmtpd server and record each delivery delivered. Beside it, in the same run, a plain
   smtplib loop sends 5,000 messages of the same size to the same server over one connection. Target: lipp at
   least 0.8 of the plain loop's rate. Each side's CPU time in this process (client and server threads) is
   printed too: on a machine shared with other work it varies less than wall time.
2. 5,000 acknowledgements from 16 concurrent HTTP clients, each following a delivery's signed link
   (`POST /acknowledge?token=...`) against lipp's API on a live uvicorn server on loopback. Reported: requests per
   second, and that no acknowledgement was lost to a conflict (every delivery ends acknowledged exactly once).
"""

from __future__ import annotations

import argparse
import smtplib
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from aiosmtpd.controller import Controller

from lipp.adapters.transports import SmtpTransport
from lipp.bootstrap import Lipp, build
from lipp.commands.learning import ReleaseBriefing
from lipp.commands.registry import RegisterBoard, RegisterUser
from lipp.config import Settings
from lipp.domain.identifiers import briefing_id_for
from lipp.domain.learning.states import DeliveryState
from lipp.domain.registry.team import Subscriptions, Team, TeamAgency
from lipp.interfaces.api.app import create_app
from lipp.learning import render
from lipp.learning.generate import ClearedFinding, DigestSummary, DigestTheme
from lipp.projections.learning.queries import Slice

AGENCIES = list(TeamAgency)
TARGET = 0.8
"""lipp's dispatch rate as a share of the plain smtplib loop's (issue 13, item 8)."""


class Counter:
    """An SMTP handler that counts what it accepts (and keeps nothing else: 10,000 messages stay cheap)."""

    def __init__(self) -> None:
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        with self.lock:
            self.count += 1
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _set_up(lipp: Lipp, teams: int) -> str:
    """Boards, a national body and `teams` teams (saved in bulk: set-up is not measured); a digest briefing."""
    registry = lipp.registry
    registry.set_up_first_admin("admin")
    admin = registry.actor_for("admin")
    boards = [("NVL", "Northvale"), ("EMR", "Emberford"), ("WBV", "Westbrook Vale"), ("ASH", "Ashcombe")]
    for code, name in boards:
        registry.register_board(admin, RegisterBoard(code=code, name=f"{name} Partnership", area=name))
    registry.register_user(admin, RegisterUser(username="national.body", role="national_body"))
    board_ids = [registry.board(code).id for code, _ in boards]
    built = [
        Team.register(
            actor_id=admin.user_id,
            now=lipp.clock.now(),
            code=f"T{n:05}",
            name=f"Team {n}",
            agency=AGENCIES[n % len(AGENCIES)],
            board_id=board_ids[n % len(board_ids)],
            manager_email=f"t{n:05}.manager@teams.example",
            team_email=f"t{n:05}@teams.example",
            subscriptions=Subscriptions(),
        )
        for n in range(teams)
    ]
    for start in range(0, len(built), 500):
        registry.save(*built[start : start + 500])
    digest = DigestSummary(
        digest_id="bench-2026-q1",
        period="January to March 2026",
        themes=(DigestTheme("NT13", "Information sharing", 40, 0.2, emerging=True),),
        exemplars=(
            ClearedFinding(
                "Referrals not followed up",
                "Practitioners assumed a referral had been acted on when it had been closed as a contact.",
                "Outcomes of contacts are not fed back to the agency that made them.",
                ("NT13",),
            ),
        ),
    )
    return lipp.learning.draft_from_digest(registry.actor_for("national.body"), digest).key


def plain_smtp_loop(port: int, bodies: list[tuple[str, str, str]]) -> float:
    """The baseline: the same e-mails (text and HTML alternatives, rendered beforehand) built and sent one after
    another over one smtplib connection, with nothing queued, tracked or recorded."""
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for n, (recipient, text, html) in enumerate(bodies):
            message = EmailMessage()
            message["From"] = "lipp@lipp.invalid"
            message["To"] = recipient
            message["Subject"] = "Seven-minute briefing"
            message["Message-ID"] = f"<plain-{n}@lipp.invalid>"
            message.set_content(text)
            message.add_alternative(html, subtype="html")
            smtp.send_message(message)
    return time.perf_counter() - started


def serve(settings: Settings) -> tuple[str, uvicorn.Server, threading.Thread]:
    """lipp's API, built from the same settings as a separate API process would be, on a live uvicorn server."""
    port = free_port()
    app = create_app(lambda: build(settings))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def acknowledge_all(base: str, tokens: list[str], clients: int) -> tuple[float, dict[str, int]]:
    outcomes: dict[str, int] = {}
    lock = threading.Lock()

    def worker(share: list[str]) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            for token in share:
                response = client.post("/acknowledge", params={"token": token})
                key = str(response.status_code)
                if response.status_code == 200:
                    key = "acknowledged" if response.json()["changed"] else "already"
                with lock:
                    outcomes[key] = outcomes.get(key, 0) + 1

    shares = [tokens[i::clients] for i in range(clients)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(worker, shares))
    return time.perf_counter() - started, outcomes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--teams", type=int, default=5_000)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args(argv)

    counter = Counter()
    smtp_port = free_port()
    controller = Controller(counter, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    with tempfile.TemporaryDirectory() as folder, build(settings := Settings(data_dir=Path(folder))) as lipp:
        print(f"Setting up {args.teams:,} teams on SQLite in {folder} ...", flush=True)
        key = _set_up(lipp, args.teams)
        national = lipp.registry.actor_for("national.body")

        started = time.perf_counter()
        release = lipp.learning.release(national, ReleaseBriefing(key=key))
        release_s = time.perf_counter() - started

        post = lipp.learning_post(SmtpTransport("127.0.0.1", smtp_port, sender="lipp@lipp.invalid"))
        started, started_cpu = time.perf_counter(), time.process_time()
        dispatched = post.queue_briefing(key)
        queued_s = time.perf_counter() - started
        summary = post.send()
        dispatch_s, dispatch_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        received = counter.count
        document = lipp.learning.document_of(lipp.learning.briefing_by_id(briefing_id_for(key)))
        rows = lipp.deliveries.in_states((DeliveryState.DELIVERED.value,))
        bodies = []
        for row in rows:
            acknowledgement = post.acknowledgement(row.delivery_id, row.code)
            recipient = f"{row.code.lower()}@teams.example"
            bodies.append((recipient, render.text(document, acknowledgement), render.html(document, acknowledgement)))
        plain_cpu = time.process_time()
        plain_s = plain_smtp_loop(smtp_port, bodies)
        plain_cpu = time.process_time() - plain_cpu
        lipp_rate, plain_rate = summary.sent / dispatch_s, args.teams / plain_s
        delivered = lipp.deliveries.metrics(national, Slice(briefing=key))

        tokens = [post.acknowledgement(row.delivery_id, row.code).link.split("token=")[1] for row in rows]
        base, server, thread = serve(settings)
        try:
            ack_s, outcomes = acknowledge_all(base, tokens, args.clients)
        finally:
            server.should_exit = True
            thread.join(timeout=10)
        after = lipp.deliveries.metrics(national, Slice(briefing=key))
    controller.stop()

    ratio = lipp_rate / plain_rate
    lost = len(tokens) - outcomes.get("acknowledged", 0)
    print(f"\nRelease: {release.teams_addressed:,} deliveries addressed in {release_s:.2f} s")
    print(
        f"Dispatch: {dispatched:,} queued and recorded dispatched in {queued_s:.2f} s; {summary.sent:,} sent, "
        f"{summary.delivered:,} recorded delivered, {summary.failed} failed; {received:,} received by the server"
    )
    print(
        f"  lipp (queue + send + record):  {lipp_rate:8.0f} messages/s  ({dispatch_s:.2f} s, {dispatch_cpu:.2f} s CPU)"
    )
    print(f"  plain smtplib loop:            {plain_rate:8.0f} messages/s  ({plain_s:.2f} s, {plain_cpu:.2f} s CPU)")
    print(f"  ratio lipp / plain: {ratio:.2f} (target at least {TARGET:.2f}): {'PASS' if ratio >= TARGET else 'FAIL'}")
    print(f"  CPU-time ratio plain / lipp: {plain_cpu / dispatch_cpu:.2f}")
    print(
        f"Acknowledgements: {len(tokens):,} signed links from {args.clients} concurrent HTTP clients on uvicorn: "
        f"{len(tokens) / ack_s:.0f} acknowledgements/s ({ack_s:.2f} s); outcomes {outcomes}"
    )
    print(
        f"  read back: {after.acknowledged:,} of {after.teams_targeted:,} acknowledged (reach {after.reach:.0%}); "
        f"conflicts lost: {lost} ({'PASS' if lost == 0 and after.acknowledged == len(tokens) else 'FAIL'})"
    )
    assert delivered.teams_targeted == args.teams
    return 0 if ratio >= TARGET and lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
