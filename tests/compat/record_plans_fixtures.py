"""Record the stored form of every recommendation and action-plan event class, for replay tests.

Run once per new class version (`python -m tests.compat.record_plans_fixtures vN`); never overwrite a past
file: those files are the history that later code must still read.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from lipp.bootstrap import build
from lipp.commands import plans as p
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from tests.compat.record_fixtures import write_stored_log
from tests.conftest import People
from tests.plans.journeys import agree, signed_off_with_plan

FIXTURES = Path(__file__).parent / "plans_fixtures"


def record(version: str, folder: Path = FIXTURES) -> Path:
    path = folder / f"stored_plans_events_{version}.jsonl"
    if path.exists():
        raise FileExistsError(f"{path} is a recorded history and is never overwritten: record a new version")
    clock = SettableClock(datetime(2026, 3, 2, 10, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as store, build(Settings(data_dir=Path(store)), clock) as lipp:
        people = People(lipp)
        coordinator, plans = people.coordinator, lipp.plans
        reference = signed_off_with_plan(lipp, people)  # RecommendationMade and RecommendationAnswered
        done = agree(lipp, coordinator, reference).reference
        replaced = agree(lipp, coordinator, reference, 2, agency="police").reference
        plans.post_progress(coordinator, p.RecordActionProgress(action=done, evidence="Invitations sent"))
        plans.move_due_date(
            coordinator, p.MoveActionDueDate(action=done, due_on=date(2026, 7, 31), reason="Term dates")
        )
        plans.report_completion(coordinator, p.ReportActionCompletion(action=done, evidence="Invited since March"))
        plans.return_completion(coordinator, p.ReturnAction(action=done, reason="No attendance figures"))
        plans.report_completion(coordinator, p.ReportActionCompletion(action=done, evidence="Attended 9 of 10"))
        plans.verify(coordinator, p.VerifyAction(action=done, note="Minutes seen"))
        plans.supersede(coordinator, p.SupersedeAction(action=replaced, by=done, reason="Merged"))
        clock.set(datetime(2026, 5, 4, 10, tzinfo=UTC))
        plans.check_impact(
            coordinator,
            p.CheckActionImpact(
                action=done, method="dip_sample", before=40, after=90, sample_size=10, narrative="Health present"
            ),
        )
        write_stored_log(lipp, path)
        return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.compat.record_plans_fixtures vN  (a version not yet recorded)")
    print(record(sys.argv[1]))
