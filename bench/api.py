"""API load: lipp under uvicorn against a bare FastAPI endpoint doing the same store work, in the same run.

Sixteen clients (processes, each with a keep-alive httpx client) load the server on loopback.
lipp side: the real app (`lipp.interfaces.api.main:app`) with real bearer tokens of board coordinators and a
store seeded with fictional reviews taken from notification to closure (26 commands each). The query is
`GET /reviews/{reference}` (token check, acting user, authorisation, replay of the review, deadlines with
RAG status); the command is `POST /reviews`, notifying an incident (token check, acting user, pydantic
validation, duplicate check, reference allocation, two aggregates saved). Each client works on its own
board, as coordinators do.
Bare side: `bench/bare_api.py`, no auth and no validation: the query replays an aggregate holding the same
26 events' payloads and returns its state; the command creates one aggregate from the raw body and saves it.
Both are served by `uvicorn --factory` with one worker, in their own processes; the phases alternate
(lipp then bare, then bare then lipp) so machine noise falls on both alike.

Two kinds of load, because they answer different questions:
- closed loop (throughput): every client sends its next request as soon as the last is answered, so the
  server is saturated. The rate and the ratio come from here. Latency here is mostly queueing: with 16
  requests always outstanding, mean latency is 16 / rate whatever the server does (Little's law).
- paced (latency): the same 16 clients send on a fixed schedule at half the bare endpoint's closed-loop rate
  in this run, the same schedule for both sides; latency counts from each request's scheduled time, so a
  server that falls behind is charged for it. The p99 targets are checked here.

    .venv/bin/python bench/api.py [--backend sqlite|postgres|both] [--seconds 4] [--rounds 3]
                                  [--profile DIR]   (cProfile of lipp's server process, one file per backend)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any
from uuid import UUID

import httpx

from backends import BackendUnavailable, Pair, pair_for
from lipp.bootstrap import build
from lipp.commands.tokens import IssueToken
from load import Phase, Server, free_port, load, paced, percentile, served
from workload import (
    ADMIN,
    BOARDS,
    BareApplication,
    coordinator_of,
    plans,
    register_cast,
    run_bare,
    run_lipp,
    start_clock,
)

CLIENTS = 16
SEEDED_PER_BOARD = 2
TARGET_RATIO = 0.70
TARGET_P99_MS = {"query": 50.0, "command": 100.0}  # on SQLite
WARM_UP_SECONDS = 1.0
PACED_SHARE = 0.5
"""The paced phases' rate, as a share of the bare endpoint's closed-loop rate measured in the same run."""


@dataclass(frozen=True)
class Seeded:
    """What the clients need: per client, its token, and the reviews (lipp) and aggregates (bare) it reads."""

    tokens: tuple[str, ...]
    references: tuple[tuple[str, ...], ...]
    case_ids: tuple[tuple[UUID, ...], ...]


def seed(pair: Pair) -> Seeded:
    """The registry, a token per board coordinator, closed reviews in lipp and the same payloads in bare."""
    clock = start_clock()
    seeded = plans("s", len(BOARDS) * SEEDED_PER_BOARD)
    with build(pair.lipp, clock) as lipp:
        register_cast(lipp)
        admin = lipp.registry.actor_for(ADMIN)
        run_lipp(lipp, clock, seeded)
        boards = [code for code, _ in BOARDS[:CLIENTS]]
        tokens = tuple(
            lipp.tokens.issue(admin, IssueToken(username=coordinator_of(code), label="load")).secret for code in boards
        )
        references = tuple(
            tuple(row.reference for row in lipp.reviews.register(lipp.registry.actor_for(coordinator_of(code)), code))
            for code in boards
        )
    bare = BareApplication(env=pair.bare.event_store_env())
    try:
        ids = run_bare(bare, "s", 0, seeded)
    finally:
        bare.close()
    case_ids = tuple(
        tuple(case_id for plan, case_id in zip(seeded, ids, strict=True) if plan.board == code) for code in boards
    )
    assert all(len(r) == SEEDED_PER_BOARD for r in references), references
    return Seeded(tokens=tokens, references=references, case_ids=case_ids)


def _notification(client: int, count: int, run: str) -> dict[str, Any]:
    return {
        "board": BOARDS[client][0],
        "case_reference": f"Case {run} c{client} n{count}",
        "incident_kind": "serious-harm",
        "looked_after": count % 4 == 0,
        "agencies": ["police", "health:Integrated Care Board", "childrens_social_care"],
        "aware_on": "2026-11-02",
        "notified_on": "2026-11-04",
    }


@dataclass(frozen=True)
class Measured:
    backend: str
    operation: str  # query | command
    lipp: tuple[Phase, ...]
    bare: tuple[Phase, ...]
    paced_rate: float
    lipp_paced: tuple[Phase, ...]
    bare_paced: tuple[Phase, ...]

    def latencies(self, side: str) -> list[float]:
        """`side` is lipp, bare, lipp_paced or bare_paced."""
        return [x for phase in getattr(self, side) for x in phase.latencies]

    def rate(self, side: str) -> float:
        """Median of the rounds' rates."""
        return median(phase.rate for phase in getattr(self, side))

    def p(self, side: str, fraction: float) -> float:
        return percentile(self.latencies(side), fraction) * 1000

    def cpu_ms(self, side: str) -> float:
        phases: tuple[Phase, ...] = getattr(self, side)
        return sum(p.server_cpu_seconds for p in phases) / sum(len(p.latencies) for p in phases) * 1000

    @property
    def ratio(self) -> float:
        """Median over rounds of lipp's rate over bare's, each pair measured back to back."""
        return median(lp.rate / bp.rate for lp, bp in zip(self.lipp, self.bare, strict=True))

    @property
    def p99_target_ms(self) -> float | None:
        return TARGET_P99_MS[self.operation] if self.backend == "sqlite" else None


def measure(
    pair: Pair, seconds: float, rounds: int, profile_dir: Path | None, token_check_seconds: float | None
) -> list[Measured]:
    seeded = seed(pair)
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("LIPP_")}
    lipp_env = {**base_env, "LIPP_DATA_DIR": str(pair.lipp.data_dir)}
    if pair.lipp.database_url:
        lipp_env["LIPP_DATABASE_URL"] = pair.lipp.database_url
    if token_check_seconds is not None:
        lipp_env["LIPP_TOKEN_CHECK_SECONDS"] = str(token_check_seconds)
    bare_env = {**base_env, "BENCH_BARE_DATABASE_URL": pair.bare.effective_database_url}
    profile_to = profile_dir / f"lipp-{pair.backend}.prof" if profile_dir else None

    def lipp_headers(client: int) -> Mapping[str, str]:
        return {"Authorization": f"Bearer {seeded.tokens[client]}"}

    def no_headers(client: int) -> Mapping[str, str]:
        return {}

    def lipp_query(http: httpx.Client, client: int, count: int) -> httpx.Response:
        references = seeded.references[client]
        return http.get(f"/reviews/{references[count % len(references)]}")

    def bare_query(http: httpx.Client, client: int, count: int) -> httpx.Response:
        ids = seeded.case_ids[client]
        return http.get(f"/cases/{ids[count % len(ids)]}")

    runs = iter(range(1_000_000))

    def phase(server: Server, operation: str, duration: float, rate: float | None = None) -> Phase:
        run = f"r{next(runs)}"
        if server.name == "lipp":
            headers, expected = lipp_headers, (200 if operation == "query" else 201)
            if operation == "query":
                request = lipp_query
            else:

                def request(http: httpx.Client, client: int, count: int) -> httpx.Response:
                    return http.post("/reviews", json=_notification(client, count, run))
        else:
            headers, expected = no_headers, (200 if operation == "query" else 201)
            if operation == "query":
                request = bare_query
            else:

                def request(http: httpx.Client, client: int, count: int) -> httpx.Response:
                    return http.post("/cases", json=_notification(client, count, run))

        if rate is None:
            result = load(server, request, CLIENTS, duration, headers, expected)
        else:
            result = paced(server, request, CLIENTS, duration, rate, headers, expected)
        if result.failures:
            raise AssertionError(f"{server.name} {operation}: {len(result.failures)} failed, e.g. {result.failures[0]}")
        return result

    results: list[Measured] = []
    with (
        served("lipp", "lipp.interfaces.api.main:app", free_port(), lipp_env, profile_to) as lipp_server,
        served("bare", "bare_api:create_app", free_port(), bare_env) as bare_server,
    ):
        for operation in ("query", "command"):
            for server in (lipp_server, bare_server):
                phase(server, operation, WARM_UP_SECONDS)
            phases: dict[str, list[Phase]] = {"lipp": [], "bare": [], "lipp_paced": [], "bare_paced": []}
            for number in range(rounds):
                order = (lipp_server, bare_server) if number % 2 == 0 else (bare_server, lipp_server)
                for server in order:
                    phases[server.name].append(phase(server, operation, seconds))
            rate = PACED_SHARE * median(p.rate for p in phases["bare"])
            for number in range(rounds):
                order = (lipp_server, bare_server) if number % 2 == 0 else (bare_server, lipp_server)
                for server in order:
                    phases[server.name + "_paced"].append(phase(server, operation, seconds, rate))
            results.append(
                Measured(
                    pair.backend,
                    operation,
                    tuple(phases["lipp"]),
                    tuple(phases["bare"]),
                    rate,
                    tuple(phases["lipp_paced"]),
                    tuple(phases["bare_paced"]),
                )
            )
    return results


def _table(results: Sequence[Measured], skipped: Sequence[tuple[str, str]]) -> str:
    header = (
        f"{'backend':<9} {'operation':<9} {'load':<13} {'side':<5} {'requests':>8} {'req/s':>7} {'p50 ms':>7} "
        f"{'p99 ms':>7} {'CPU ms/req':>10}  {'ratio':>5}  verdict"
    )
    lines = [header, "-" * len(header)]
    for m in results:
        for side in ("lipp", "bare", "lipp_paced", "bare_paced"):
            who, _, kind = side.partition("_")
            verdicts = []
            if side == "lipp":
                verdicts.append(f"ratio {'PASS' if m.ratio >= TARGET_RATIO else 'FAIL'} (>= {TARGET_RATIO:.2f})")
            if side == "lipp_paced" and m.p99_target_ms is not None:
                ok = m.p(side, 0.99) < m.p99_target_ms
                verdicts.append(f"p99 {'PASS' if ok else 'FAIL'} (< {m.p99_target_ms:.0f} ms)")
            load_name = f"paced {m.paced_rate:,.0f}/s" if kind else "closed loop"
            lines.append(
                f"{m.backend:<9} {m.operation:<9} {load_name:<13} {who:<5} {len(m.latencies(side)):>8} "
                f"{m.rate(side):>7,.0f} {m.p(side, 0.50):>7.1f} {m.p(side, 0.99):>7.1f} {m.cpu_ms(side):>10.2f}  "
                f"{(f'{m.ratio:.2f}' if side == 'lipp' else ''):>5}  {', '.join(verdicts)}"
            )
    for backend, reason in skipped:
        lines.append(f"{backend:<9} skipped: {reason}")
    lines.append("")
    lines.append(
        f"{CLIENTS} clients on loopback. Closed loop: back to back; req/s is the median over rounds; ratio = median\n"
        "over rounds of lipp's rate over the bare endpoint's measured next to it. Paced: the same clients on a fixed\n"
        f"schedule at {PACED_SHARE:.0%} of the bare endpoint's closed-loop rate, latency from each scheduled send.\n"
        "Latencies are over every request of every round. CPU is the uvicorn process's own (not PostgreSQL's).\n"
        "Targets: ratio >= 0.70 everywhere; paced p99 under 50 ms (query) and 100 ms (command) on SQLite."
    )
    return "\n".join(lines)


def _missed(m: Measured) -> bool:
    return m.ratio < TARGET_RATIO or (m.p99_target_ms is not None and m.p("lipp_paced", 0.99) >= m.p99_target_ms)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--seconds", type=float, default=4.0, help="seconds per timed phase (4)")
    parser.add_argument("--rounds", type=int, default=3, help="timed phases per side and operation (3)")
    parser.add_argument("--profile", type=Path, default=None, help="write cProfile files of lipp's server here")
    parser.add_argument(
        "--token-check-seconds",
        type=float,
        default=None,
        help="LIPP_TOKEN_CHECK_SECONDS for lipp's server (default: lipp's own); 0 checks every token afresh",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.rounds < 1:
        parser.error("--seconds must be positive and --rounds at least 1")
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)

    backends = ("sqlite", "postgres") if args.backend == "both" else (args.backend,)
    results: list[Measured] = []
    skipped: list[tuple[str, str]] = []
    for backend in backends:
        print(f"{backend}: seeding, then {args.rounds} rounds of {args.seconds:g} s per side and operation ...")
        try:
            with pair_for(backend) as pair:
                results.extend(measure(pair, args.seconds, args.rounds, args.profile, args.token_check_seconds))
        except BackendUnavailable as reason:
            skipped.append((backend, str(reason)))
            print(f"{backend}: skipped: {reason}", flush=True)
    print()
    print(_table(results, skipped))
    return 1 if args.strict and any(_missed(m) for m in results) else 0


if __name__ == "__main__":
    sys.exit(main())
