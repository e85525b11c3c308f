"""Record the stored form of every team, briefing and delivery event class, for replay tests.

Run once per new class version (`python -m tests.compat.record_learning_fixtures vN`); never overwrite a past
file: those files are the history that later code must still read.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lipp.bootstrap import build
from lipp.commands.learning import (
    AcknowledgeDelivery,
    DraftReviewBriefing,
    EditBriefing,
    RecordDiscussion,
    ReleaseBriefing,
    ReportPracticeChange,
    VerifyPracticeChange,
)
from lipp.commands.registry import ChangeTeamSubscriptions
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from lipp.domain.learning.delivery import Delivery
from tests.compat.record_fixtures import write_stored_log
from tests.conftest import People
from tests.learning.journeys import nvl_teams, published

FIXTURES = Path(__file__).parent / "learning_fixtures"


def record(version: str, folder: Path = FIXTURES) -> Path:
    path = folder / f"stored_learning_events_{version}.jsonl"
    if path.exists():
        raise FileExistsError(f"{path} is a recorded history and is never overwritten: record a new version")
    clock = SettableClock(datetime(2026, 3, 2, 10, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as data, build(Settings(data_dir=Path(data)), clock) as lipp:
        people = People(lipp)
        reference = published(lipp, people, clock)
        nvl_teams(lipp, people)
        registry, learning = lipp.registry, lipp.learning
        registry.change_subscriptions(
            people.coordinator, ChangeTeamSubscriptions.model_validate({"code": "NVL-DA", "themes": ["NT05"]})
        )
        registry.set_board_contact(people.coordinator, "NVL", "learning@nvl.example")
        key = learning.draft_from_review(people.coordinator, DraftReviewBriefing(reference=reference)).key
        learning.edit(people.coordinator, EditBriefing(key=key, title="What the review of a bruised baby taught us"))
        learning.release(people.coordinator, ReleaseBriefing(key=key))
        codes = {r.team: r for r in lipp.deliveries.deliveries(people.admin, briefing=key)}
        for team, outcome in (("NVL-CSC", "delivered"), ("NVL-POLICE", "delivered"), ("NVL-HEALTH", "bounced")):
            delivery: Delivery = learning.repository.get(codes[team].delivery_id)
            delivery.record_dispatched(now=clock.now())
            if outcome == "delivered":
                delivery.record_delivered(now=clock.now(), message_id="<fixture@lipp.invalid>")
            else:
                delivery.record_bounced(now=clock.now(), reason="550 mailbox unavailable")
            learning.save(delivery)
        member = registry.actor_for("nvl-csc.member")
        code = codes["NVL-CSC"].code
        learning.acknowledge(member, AcknowledgeDelivery(code=code))
        learning.record_discussion(member, RecordDiscussion(code=code, reflections="We use the checklist now"))
        learning.report_change(member, ReportPracticeChange(code=code, what_changed="Strategy discussions held"))
        learning.verify(people.coordinator, VerifyPracticeChange(code=code, note="Seen in the audit"))
        for _ in range(40):  # the others are chased up the ladder until they lapse
            clock.advance(timedelta(days=1))
            for planned in learning.plan_chases():
                learning.record_chase(planned)
        write_stored_log(lipp, path)
        return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.compat.record_learning_fixtures vN  (a version not yet recorded)")
    print(record(sys.argv[1]))
