"""Benchmark: every list lipp shows, from the directory read model, beside the same list computed as before it
(every aggregate of the kind found by topic in the log and replayed), in the same run on the same store.

    .venv/bin/python bench/lists.py                   # quick: about 100,000 review events
    .venv/bin/python bench/lists.py --events 1000000  # national scale

`bench/projections.py` runs the same measurements after its rebuilds. Each list is timed as the CLI and the
API serve it (its first page of 500, catch-up check included) and, where it holds more, whole. The scanning
lists are timed `--scans` times only (default 5): at national scale each takes seconds, so their p99 is the
slowest of those few runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

sys.path.insert(0, str(Path(__file__).parent))

from directory_history import directory
from history import INSERT_BATCH, INSERT_BATCH_POSTGRES, TODAY, board_codes, write
from lipp.application.alliance_views import action_view
from lipp.application.learning import _may_see
from lipp.application.register_views import profile_view
from lipp.application.registry_teams import may_see_team
from lipp.application.review_views import review_row
from lipp.bootstrap import Lipp, build
from lipp.config import Settings
from lipp.domain.actors import Actor, Role
from lipp.domain.alliance.action import AllianceAction
from lipp.domain.digest.digest import Digest
from lipp.domain.identifiers import board_id_for, team_id_for, user_id_for
from lipp.domain.learning.briefing import Briefing
from lipp.domain.register.profile import ReviewerProfile
from lipp.domain.registry.board import Board
from lipp.domain.registry.national_body import NationalBody
from lipp.domain.registry.team import Team
from lipp.domain.registry.token import ApiToken
from lipp.domain.registry.user import User
from lipp.domain.review.aggregate import Review
from lipp.domain.review.vocabulary import Stage
from lipp.projections.directory import work_queries as work
from lipp.projections.paging import DEFAULT_LIMIT, Paging

BOARDS = 150
PAGE = Paging(limit=DEFAULT_LIMIT)
OPEN = (Stage.REVIEWER_APPOINTED, Stage.IN_CONDUCT, Stage.REPORT_DRAFTED)


def populate(lipp: Lipp) -> int:
    """Write the directory's population after whatever history the store holds; returns the events written."""
    made = directory(board_codes(BOARDS))
    batch = INSERT_BATCH_POSTGRES if lipp.read_models.dialect.name == "postgresql" else INSERT_BATCH
    return write(lipp.storage.recorder, lipp.reviews.mapper, made, lambda n: None, batch)


def latencies(run: Callable[[], Any], times: int) -> tuple[float, float, int]:
    taken, size = [], 0
    for _ in range(times):
        began = time.perf_counter()
        size = len(run())
        taken.append((time.perf_counter() - began) * 1000)
    taken.sort()
    return taken[len(taken) // 2], taken[min(len(taken) - 1, int(len(taken) * 0.99))], size


def cpu_ms(run: Callable[[], Any], times: int) -> float:
    """CPU time of this process per run: what a list costs whatever else the machine is doing."""
    began = time.process_time()
    for _ in range(times):
        run()
    return (time.process_time() - began) * 1000 / times


class Scanning:
    """The lists as lipp computed them before the directory: topic scans of the whole log, then replays."""

    def __init__(self, lipp: Lipp) -> None:
        self.lipp = lipp
        self.app = lipp.registry

    def ids(self, first: type[Any]) -> list[UUID]:
        return [self.app.mapper.to_domain_event(n).originator_id for n in self.app.notifications_of(first)]

    def every(self, first: type[Any]) -> list[Any]:
        return [self.app.repository.get(i) for i in self.ids(first)]

    def boards(self) -> list[Any]:
        return sorted((self.app._remember_board(b) for b in self.every(Board.Registered)), key=lambda b: b.code)

    def users(self) -> list[Any]:
        return sorted((self.app._user_view(u) for u in self.every(User.Registered)), key=lambda u: u.username)

    def teams(self, actor: Actor) -> list[Any]:
        found = [t for t in self.every(Team.Registered) if may_see_team(actor, t)]
        return sorted((self.app.team_view(t) for t in found), key=lambda v: v.code)

    def national_bodies(self) -> list[Any]:
        views = (self.app.national_body_by_id(i) for i in self.ids(NationalBody.Registered))
        return sorted(views, key=lambda b: b.code)

    def tokens(self) -> list[Any]:
        return [self.lipp.tokens._view(t) for t in self.every(ApiToken.Issued)]

    def briefings(self, actor: Actor) -> list[Any]:
        learning = self.lipp.learning
        found = [b for b in self.every(Briefing.Drafted) if _may_see(actor, b, learning._received(actor, b))]
        return [learning._summary(b) for b in sorted(found, key=lambda b: b.drafted_at, reverse=True)]

    def digests(self) -> list[Any]:
        views = [self.lipp.digests._view(d) for d in self.every(Digest.Issued)]
        return sorted(views, key=lambda v: (v.period_to, v.period_from, v.position), reverse=True)

    def actions(self) -> list[Any]:
        views = [action_view(a, TODAY) for a in self.every(AllianceAction.Committed)]
        return sorted(views, key=lambda v: (v.theme_id, v.due_on, v.reference))

    def reviewers(self) -> list[Any]:
        return [profile_view(p) for p in sorted(self.every(ReviewerProfile.Enrolled), key=lambda p: p.username)]

    def open_reviews(self) -> dict[UUID, int]:
        load: dict[UUID, int] = {}
        for review_id in set(self.ids(Review.LeadReviewerAppointed)):
            review: Review = self.app.repository.get(review_id)
            if review.lead_reviewer_id is not None and review.stage in OPEN:
                load[review.lead_reviewer_id] = load.get(review.lead_reviewer_id, 0) + 1
        return load

    def register_as_of(self, code: str, day: date) -> list[Any]:
        reviews = self.lipp.reviews
        ids = []
        for notification in reviews.notifications_of(Review.Notified):
            event = reviews.mapper.to_domain_event(notification)
            if event.board_id == board_id_for(code):  # type: ignore[attr-defined]
                ids.append(event.originator_id)
        rows = [review_row(r, reviews.timescales, day) for i in ids if (r := reviews.replay(i, day)) is not None]
        return sorted(rows, key=lambda row: row.reference)


def measure_lists(lipp: Lipp, queries: int, scans: int = 5) -> None:
    """Write the directory's population, then time every list from the directory beside its scanning form."""
    began = time.perf_counter()
    written = populate(lipp)
    lists = lipp.reviews.lists
    lipp.runner.catch_up_all([lists.projection, lists.register, lists.deliveries])  # what the lists read
    log_end = lipp.storage.recorder.max_notification_id() or 0
    print(
        f"\nlists: {written:,} directory events added ({log_end:,} in the log; written and caught up in "
        f"{time.perf_counter() - began:.1f} s); p50 / p99 in ms, directory ({queries} runs) beside scanning "
        f"({scans} runs, the slowest as p99)"
    )
    admin = Actor(user_id=user_id_for("admin"), username="admin", role=Role.ADMIN)
    code = board_codes(BOARDS)[0]
    coordinator = lipp.registry.actor_for(f"{code.lower()}.coordinator")
    member = lipp.registry.actor_for(f"{code.lower()}-t000.member")
    assert member.team_id == team_id_for(f"{code}-T000")
    scan, registry, stages = Scanning(lipp), lipp.registry, tuple(s.value for s in OPEN)
    as_of = date(2020, 1, 1)
    cases: list[tuple[str, Callable[[], Any], Callable[[], Any] | None, Callable[[], Any]]] = [
        ("boards", lambda: registry.boards(PAGE), None, scan.boards),
        ("users", lambda: registry.users(admin, PAGE), lambda: registry.users(admin), scan.users),
        (
            "teams (admin)",
            lambda: registry.teams(admin, None, PAGE),
            lambda: registry.teams(admin),
            lambda: scan.teams(admin),
        ),
        ("teams (coordinator)", lambda: registry.teams(coordinator, None, PAGE), None, lambda: scan.teams(coordinator)),
        ("national bodies", lambda: registry.national_bodies(PAGE), None, scan.national_bodies),
        ("API tokens", lambda: lipp.tokens.tokens(admin, PAGE), lambda: lipp.tokens.tokens(admin), scan.tokens),
        (
            "briefings (admin)",
            lambda: lipp.learning.briefings(admin, PAGE),
            lambda: lipp.learning.briefings(admin),
            lambda: scan.briefings(admin),
        ),
        (
            "briefings (team member)",
            lambda: lipp.learning.briefings(member, PAGE),
            None,
            lambda: scan.briefings(member),
        ),
        ("digests", lambda: lipp.digests.digests(admin, PAGE), None, scan.digests),
        (
            "Alliance actions",
            lambda: lipp.alliance.actions(admin, paging=PAGE),
            lambda: lipp.alliance.actions(admin),
            scan.actions,
        ),
        ("lead-reviewer register", lambda: lipp.reviewers.profiles(admin, PAGE), None, scan.reviewers),
        (
            "open reviews per reviewer",
            lambda: lipp.reviews.lists.read_register(lambda c: work.open_reviews_by_reviewer(c, stages)),
            None,
            scan.open_reviews,
        ),
        (
            "board register as of a day",
            lambda: lipp.reviews.register(coordinator, code, as_of),
            None,
            lambda: scan.register_as_of(code, as_of),
        ),
    ]
    heads = f"{'directory, page of 500':>24} {'(CPU)':>7}  {'directory, whole':>18}  {'scanning (before)':>22}"
    print(f"  {'list':<28} {'items':>7}  {heads}")
    for name, paged, whole, scanning in cases:
        p50, p99, shown = latencies(paged, queries)
        cpu = cpu_ms(paged, max(queries // 10, 10))
        whole_text = ""
        if whole is not None:
            w50, w99, total = latencies(whole, max(queries // 10, 10))
            whole_text = f"{w50:6.1f} / {w99:6.1f}"
        else:
            total = shown
        s50, s99, scanned = latencies(scanning, scans)
        assert scanned == total, (name, scanned, total)
        print(
            f"  {name:<28} {total:>7,}  {p50:9.2f} / {p99:9.2f}     {cpu:7.2f}  {whole_text:>18}  "
            f"{s50:9.1f} / {s99:9.1f}"
        )


def main() -> None:
    from projections import generate  # the same review history as the projections benchmark

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000, help="size of the review history (default 100,000)")
    parser.add_argument("--database-url", default=None, help="default: a SQLite file in a temporary folder")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--queries", type=int, default=300, help="directory queries to time per list")
    parser.add_argument("--scans", type=int, default=5, help="scanning lists to time per list")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), database_url=args.database_url)
        with build(settings) as lipp:
            if not lipp.storage.recorder.max_notification_id():
                generate(lipp, args.events, args.seed)
            measure_lists(lipp, args.queries, args.scans)


if __name__ == "__main__":
    main()
