"""Record the stored form of every Alliance, national-body and digest event class, for replay tests.

Run once per new class version (`python -m tests.compat.record_alliance_fixtures vN`); never overwrite a past
file: those files are the history that later code must still read.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from lipp.bootstrap import build
from lipp.commands import findings as f
from lipp.commands.alliance import (
    ChangeDigestSubscription,
    CommitAction,
    CompleteAction,
    PostProgress,
    RegisterNationalBody,
    WithdrawAction,
)
from lipp.commands.registry import RegisterUser
from lipp.config import Settings
from lipp.digest.periods import Period
from lipp.domain.clock import SettableClock
from tests.compat.record_fixtures import write_stored_log
from tests.conftest import People
from tests.scenario.journeys import a_finding, in_conduct

FIXTURES = Path(__file__).parent / "alliance_fixtures"


def record(version: str) -> Path:
    path = FIXTURES / f"stored_alliance_events_{version}.jsonl"
    if path.exists():
        raise FileExistsError(f"{path} is a recorded history and is never overwritten: record a new version")
    clock = SettableClock(datetime(2026, 3, 2, 10, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder, build(Settings(data_dir=Path(folder)), clock) as lipp:
        people = People(lipp)
        admin = people.admin
        lipp.registry.register_national_body(
            admin, RegisterNationalBody(code="NCB", name="National body", digest_email="digest@ncb.example")
        )
        lipp.registry.change_digest_subscription(
            admin, ChangeDigestSubscription(code="NCB", digest_email="alliance@ncb.example", digest_subscribed=True)
        )
        lipp.registry.register_user(admin, RegisterUser(username="ncb.lead", role="national_body", national_body="NCB"))
        member = lipp.registry.actor_for("ncb.lead")
        alliance = lipp.alliance
        done = alliance.commit(
            member, CommitAction(theme="NT04", owner="Policy lead", description="Guidance", due_on=date(2026, 6, 30))
        ).reference
        alliance.post_progress(member, PostProgress(action=done, note="Draft consulted"))
        alliance.complete(member, CompleteAction(action=done, evidence="Adopted by partnerships"))
        dropped = alliance.commit(
            member, CommitAction(theme="NT13", owner="Research lead", description="Study", due_on=date(2026, 9, 1))
        ).reference
        alliance.withdraw(member, WithdrawAction(action=dropped, reason="Superseded"))
        reference = in_conduct(lipp, people)
        lipp.reviews.log_finding(people.reviewer, a_finding(reference))
        # From v2: the finding approved to travel, and a digest of method 3 asked for by a national body's user.
        lipp.reviews.share_finding(people.reviewer, f.ShareFinding(reference=reference, finding="F1"))
        early = f.ApproveSharing(reference=reference, finding="F1", early_reason="National alert")
        lipp.reviews.approve_sharing(people.coordinator, early)
        clock.set(datetime(2026, 4, 7, 10, tzinfo=UTC))
        position = lipp.digests.catch_up(admin)
        computed = lipp.digests.compute(member, Period(date(2026, 1, 1), date(2026, 3, 31)), position)
        lipp.digests.issue(member, computed)

        write_stored_log(lipp, path)
        return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.compat.record_alliance_fixtures vN  (a version not yet recorded)")
    print(record(sys.argv[1]))
