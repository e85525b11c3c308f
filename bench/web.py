"""Web pages under load: the register page, the review page and the findings search page, each beside the JSON
API routes that serve the same data, on one lipp server, in the same run.

A national-scale history (bench/history.py: about 150 invented boards, reviews from 2006 to 2026) is written
into a temporary store; sixteen board coordinators get a password and an API token. Each of the sixteen
clients (processes, keep-alive connections, as in bench/api.py) signs in through the sign-in form once, then
asks for its own board's pages with its session cookie, or for the same data from the API with its token:

- register: `GET /app/boards/{code}` (counts, then the first 50 reviews, overdue first) beside
  `GET /boards/{code}/reviews?limit=50` and `GET /boards/{code}/reviews/counts`;
- review: `GET /app/reviews/{reference}` (its state, due dates and timeline) beside `GET /reviews/{reference}`
  and `GET /reviews/{reference}/timeline`;
- search: the findings search page beside `GET /findings?text=...&limit=20`, when the page exists.

Where the page shows what two API routes give, one "API request" here is both of them, one after the other.
Closed loop gives each side's rate (the ratio is the page's rate over the API's, measured back to back);
paced load (the same clients on a fixed schedule at half the API's closed-loop rate) gives latency.

    .venv/bin/python bench/web.py [--events 100000] [--seconds 4] [--rounds 3] [--database-url URL]
    .venv/bin/python bench/web.py --events 1000000        # national scale

Targets (issue 14): paced p99 under 100 ms; page rate at least 0.7 of the API's.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median

import httpx

sys.path.insert(0, str(Path(__file__).parent))

from lipp.bootstrap import accounts_for, build
from lipp.commands.registry import RegisterUser
from lipp.commands.tokens import IssueToken
from lipp.config import Settings
from load import Phase, free_port, load, paced, percentile, served
from projections import generate

CLIENTS = 16
PASSWORD = "bench only password 16"
REGISTER_LIMIT = 50
REVIEWS_PER_CLIENT = 20
SEARCH_WORDS = ("assessment", "referral", "strategy", "information", "neglect", "supervision")
SEARCH_PAGE = "/app/library"
"""The findings search page (the national body's library); measured only where this lipp has it."""
TARGET_P99_MS = 100.0
TARGET_RATIO = 0.70
PACED_SHARE = 0.5
WARM_UP_SECONDS = 1.0


@dataclass(frozen=True)
class Cast:
    """Per client: its board, its coordinator's name and API token, and reviews on its board."""

    boards: tuple[str, ...]
    usernames: tuple[str, ...]
    tokens: tuple[str, ...]
    references: tuple[tuple[str, ...], ...]


def prepare(settings: Settings, events: int, seed: int) -> Cast:
    """The history, then a password and a token for one coordinator of each of the first sixteen boards, and
    every read model caught up (so no request pays for a first catch-up)."""
    with build(settings) as lipp:
        if not lipp.storage.recorder.max_notification_id():
            generate(lipp, events, seed)
        lipp.registry.set_up_first_admin("admin")
        admin = lipp.registry.actor_for("admin")
        accounts = accounts_for(lipp)
        boards = tuple(sorted(board.code for board in lipp.registry.boards())[:CLIENTS])
        usernames, tokens, references = [], [], []
        for code in boards:
            username = f"{code.lower()}.coordinator"  # the name the history's coordinator acted under
            lipp.registry.register_user(admin, RegisterUser(username=username, role="coordinator", board=code))
            accounts.set_password(admin, username, PASSWORD)
            tokens.append(lipp.tokens.issue(admin, IssueToken(username=username, label="bench")).secret)
            usernames.append(username)
        for projection in lipp.projections:
            lipp.runner.catch_up(projection)
        today = lipp.reviews.today()
        for code in boards:
            board = lipp.registry.board(code)
            actor = lipp.registry.actor_for(f"{code.lower()}.coordinator")
            entries = lipp.register.entries(actor, board.id, board.code, today)
            references.append(tuple(e.reference for e in entries[:: max(1, len(entries) // REVIEWS_PER_CLIENT)]))
    if any(not found for found in references):
        raise SystemExit("a board has no reviews: give more --events")
    return Cast(boards, tuple(usernames), tuple(tokens), tuple(references))


def sign_in(url: str, username: str) -> str:
    """Sign in through the form as a person would; the session cookie's value."""
    with httpx.Client(base_url=url, timeout=30) as http:
        form = http.get("/app/sign-in")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
        if token is None:
            raise RuntimeError("the sign-in form carries no form token")
        done = http.post("/app/sign-in", data={"login": username, "password": PASSWORD, "csrf_token": token[1]})
        if done.status_code != 303:
            raise RuntimeError(f"signing in {username} answered {done.status_code}")
        cookie = http.cookies.get("lipp_session")
        if not cookie:
            raise RuntimeError("signing in set no session cookie")
        return cookie


Ask = Callable[[httpx.Client, int, int], httpx.Response]


@dataclass(frozen=True)
class Operation:
    name: str
    page: Ask
    api: Ask


def operations(cast: Cast, search_page: bool) -> list[Operation]:
    def reference(client: int, count: int) -> str:
        found = cast.references[client]
        return found[count % len(found)]

    def both(first: httpx.Response, second: Callable[[], httpx.Response]) -> httpx.Response:
        return second() if first.status_code == 200 else first

    def register_page(http: httpx.Client, client: int, count: int) -> httpx.Response:
        return http.get(f"/app/boards/{cast.boards[client]}")

    def register_api(http: httpx.Client, client: int, count: int) -> httpx.Response:
        code = cast.boards[client]
        first = http.get(f"/boards/{code}/reviews/counts")
        return both(first, lambda: http.get(f"/boards/{code}/reviews", params={"limit": REGISTER_LIMIT}))

    def review_page(http: httpx.Client, client: int, count: int) -> httpx.Response:
        return http.get(f"/app/reviews/{reference(client, count)}")

    def review_api(http: httpx.Client, client: int, count: int) -> httpx.Response:
        ref = reference(client, count)
        return both(http.get(f"/reviews/{ref}"), lambda: http.get(f"/reviews/{ref}/timeline"))

    def search_page_ask(http: httpx.Client, client: int, count: int) -> httpx.Response:
        return http.get(SEARCH_PAGE, params={"q": SEARCH_WORDS[count % len(SEARCH_WORDS)]})

    def search_api(http: httpx.Client, client: int, count: int) -> httpx.Response:
        return http.get("/findings", params={"text": SEARCH_WORDS[count % len(SEARCH_WORDS)], "limit": 20})

    found = [Operation("register", register_page, register_api), Operation("review", review_page, review_api)]
    if search_page:
        found.append(Operation("search", search_page_ask, search_api))
    return found


@dataclass(frozen=True)
class Measured:
    operation: str
    closed: dict[str, list[Phase]]  # side (page | api) -> one phase per round
    paced_rate: float
    paced: dict[str, list[Phase]]

    def rate(self, side: str) -> float:
        return median(p.rate for p in self.closed[side])

    def p(self, side: str, fraction: float, kind: str = "paced") -> float:
        phases = self.paced[side] if kind == "paced" else self.closed[side]
        return percentile([x for phase in phases for x in phase.latencies], fraction) * 1000

    def cpu_ms(self, side: str) -> float:
        phases = self.closed[side]
        return sum(p.server_cpu_seconds for p in phases) / sum(len(p.latencies) for p in phases) * 1000

    @property
    def ratio(self) -> float:
        return median(p.rate / a.rate for p, a in zip(self.closed["page"], self.closed["api"], strict=True))


def measure(settings: Settings, cast: Cast, seconds: float, rounds: int) -> list[Measured]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIPP_")}
    env["LIPP_DATA_DIR"] = str(settings.data_dir)
    if settings.database_url:
        env["LIPP_DATABASE_URL"] = settings.database_url
    env["LIPP_WEB__IDLE_MINUTES"] = "600"  # a long run must not outlast the sessions
    results = []
    with served("lipp", "lipp.interfaces.api.main:app", free_port(), env) as server:
        cookies = tuple(sign_in(server.url, username) for username in cast.usernames)
        probe = httpx.get(f"{server.url}{SEARCH_PAGE}", cookies={"lipp_session": cookies[0]}, params={"q": "x"})
        has_search_page = probe.status_code == 200
        if not has_search_page:
            print(f"search: {SEARCH_PAGE} answered {probe.status_code}: the search page is not measured")

        def headers(side: str) -> Callable[[int], Mapping[str, str]]:
            if side == "page":
                return lambda client: {"Cookie": f"lipp_session={cookies[client]}"}
            return lambda client: {"Authorization": f"Bearer {cast.tokens[client]}"}

        def phase(side: str, ask: Ask, duration: float, rate: float | None = None) -> Phase:
            if rate is None:
                result = load(server, ask, CLIENTS, duration, headers(side), 200)
            else:
                result = paced(server, ask, CLIENTS, duration, rate, headers(side), 200)
            if result.failures:
                raise AssertionError(f"{side}: {len(result.failures)} failed, e.g. {result.failures[0]}")
            return result

        for operation in operations(cast, has_search_page):
            asks = {"page": operation.page, "api": operation.api}
            for side, ask in asks.items():
                phase(side, ask, WARM_UP_SECONDS)
            closed: dict[str, list[Phase]] = {"page": [], "api": []}
            for number in range(rounds):
                for side in ("page", "api") if number % 2 == 0 else ("api", "page"):
                    closed[side].append(phase(side, asks[side], seconds))
            rate = PACED_SHARE * median(p.rate for p in closed["api"])
            paced_phases: dict[str, list[Phase]] = {"page": [], "api": []}
            for number in range(rounds):
                for side in ("page", "api") if number % 2 == 0 else ("api", "page"):
                    paced_phases[side].append(phase(side, asks[side], seconds, rate))
            results.append(Measured(operation.name, closed, rate, paced_phases))
            print(f"{operation.name}: measured", flush=True)
    return results


def table(results: Sequence[Measured]) -> str:
    header = (
        f"{'page':<9} {'side':<5} {'req/s':>7} {'CPU ms/req':>10} {'paced/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'ratio':>6}  verdict"
    )
    lines = [header, "-" * len(header)]
    for m in results:
        for side in ("page", "api"):
            verdicts = []
            if side == "page":
                verdicts.append(f"ratio {'PASS' if m.ratio >= TARGET_RATIO else 'FAIL'} (>= {TARGET_RATIO:.2f})")
                ok = m.p(side, 0.99) < TARGET_P99_MS
                verdicts.append(f"p99 {'PASS' if ok else 'FAIL'} (< {TARGET_P99_MS:.0f} ms)")
            lines.append(
                f"{m.operation:<9} {side:<5} {m.rate(side):>7,.0f} {m.cpu_ms(side):>10.2f} {m.paced_rate:>8,.0f} "
                f"{m.p(side, 0.5):>7.1f} {m.p(side, 0.99):>7.1f} {(f'{m.ratio:.2f}' if side == 'page' else ''):>6}  "
                + ", ".join(verdicts)
            )
    lines.append("")
    lines.append(
        f"{CLIENTS} signed-in clients on loopback, one uvicorn worker. req/s: closed loop, median over rounds; ratio:\n"
        "median over rounds of the page's rate over the API's measured next to it (an API request is every route\n"
        f"the page's data needs). Paced: {PACED_SHARE:.0%} of the API's closed-loop rate, latency from each\n"
        "scheduled send, over every request of every round."
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000, help="size of the history (default 100,000)")
    parser.add_argument("--database-url", default=None, help="default: a SQLite file in a temporary folder")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--seconds", type=float, default=4.0, help="seconds per timed phase (4)")
    parser.add_argument("--rounds", type=int, default=3, help="timed phases per side and page (3)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.rounds < 1 or args.events < 1_000:
        parser.error("--seconds must be positive, --rounds at least 1 and --events at least 1,000")
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), database_url=args.database_url)
        started = time.perf_counter()
        cast = prepare(settings, args.events, args.seed)
        print(f"prepared in {time.perf_counter() - started:.0f} s; {args.rounds} rounds of {args.seconds:g} s each")
        results = measure(settings, cast, args.seconds, args.rounds)
    print()
    print(table(results))
    missed = any(m.ratio < TARGET_RATIO or m.p("page", 0.99) >= TARGET_P99_MS for m in results)
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
