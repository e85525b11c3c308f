"""Record the stored form of every findings, marker, sharing and register event class, for replay tests.

Run once per new class version (`python -m tests.compat.record_findings_fixtures vN`); never overwrite a past
file: those files are the history that later code must still read.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from lipp.bootstrap import build
from lipp.commands import findings as f
from lipp.commands import register as r
from lipp.commands import reviews as c
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from tests.compat.record_fixtures import write_stored_log
from tests.conftest import People
from tests.scenario.journeys import a_finding, assess, in_conduct

FIXTURES = Path(__file__).parent / "findings_fixtures"


def record(version: str) -> Path:
    path = FIXTURES / f"stored_findings_events_{version}.jsonl"
    if path.exists():
        raise FileExistsError(f"{path} is a recorded history and is never overwritten: record a new version")
    clock = SettableClock(datetime(2026, 3, 2, 10, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder, build(Settings(data_dir=Path(folder)), clock) as lipp:
        people = People(lipp)
        admin, reviewer, coordinator = people.admin, people.reviewer, people.coordinator
        reviewers = lipp.reviewers
        reviewers.enrol(admin, r.EnrolReviewer(username="reviewer.a", expertise=["silp"], capacity=2))
        reviewers.set_expertise(reviewer, r.SetExpertise(username="reviewer.a", expertise=["silp", "neglect"]))
        reviewers.record_masterclass(
            reviewer, r.RecordMasterclass(username="reviewer.a", attended_on=date(2026, 1, 20), topic="Findings")
        )
        reviewers.declare_conflict(
            reviewer, r.DeclareConflict(username="reviewer.a", agency="education", reason="School governor")
        )
        reviewers.withdraw_conflict(
            reviewer, r.WithdrawConflict(username="reviewer.a", conflict=1, reason="Stood down")
        )
        reviewers.set_availability(
            reviewer, r.SetAvailability(username="reviewer.a", available=True, capacity=3, reason="More time")
        )

        ref = in_conduct(lipp, people)
        reviews = lipp.reviews
        reviews.log_finding(reviewer, a_finding(ref, "Strategy discussions not convened"))
        reviews.log_finding(reviewer, a_finding(ref, "Sarah's school did not share concerns"))
        reviews.revise_finding(reviewer, f.ReviseFinding(reference=ref, finding="F1", pattern="6", reason="Event"))
        reviews.rerank_findings(reviewer, f.ReRankFindings(reference=ref, order=["F2", "F1"], reason="Panel"))
        reviews.share_finding(coordinator, f.ShareFinding(reference=ref, finding="F2"))
        reviews.confirm_false_positive(
            coordinator, f.ConfirmFalsePositive(reference=ref, finding="F2", hit=1, reason="Pseudonym")
        )
        reviews.log_finding(reviewer, a_finding(ref, "Duplicate"))
        reviews.withdraw_finding(reviewer, f.WithdrawFinding(reference=ref, finding="F3", reason="Duplicate of F1"))
        # From v2: the board's approval, withdrawn approval, and findings withheld by a criminal trial and released.
        reviews.share_finding(reviewer, f.ShareFinding(reference=ref, finding="F1"))
        reviews.approve_sharing(
            coordinator, f.ApproveSharing(reference=ref, finding="F1", early_reason="National alert on this risk")
        )
        reviews.execute(coordinator, c.PauseReview(reference=ref, process="criminal_trial", reason="Trial listed"))
        reviews.execute(coordinator, c.ResumeReview(reference=ref))
        reviews.execute(reviewer, c.RecordReportDrafted(reference=ref))
        assess(lipp, coordinator, ref, range(1, 19))
        reviews.execute(coordinator, c.SignOffReport(reference=ref, board_response="Accepted"))
        reviews.approve_sharing(coordinator, f.ApproveSharing(reference=ref, finding="F2"))
        reviews.withdraw_sharing_approval(
            coordinator, f.WithdrawSharingApproval(reference=ref, finding="F1", reason="Partner asked to wait")
        )
        reviews.release_findings(coordinator, f.ReleaseFindings(reference=ref, reason="Trial concluded"))

        write_stored_log(lipp, path)
        return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.compat.record_findings_fixtures vN  (a version not yet recorded)")
    print(record(sys.argv[1]))
