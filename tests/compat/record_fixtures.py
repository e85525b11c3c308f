"""Record the stored form of every event class at its current version, as a fixture for upcasting tests.

Run once per new class version (`python -m tests.compat.record_fixtures vN`); it refuses to overwrite a past
file: those files are the history that later code must still read. The coordinator assesses the quality markers
each gate needs (1 to 13 before sign-off; 14, 16 and 17 before publication), so a recording made now holds
`QualityMarkerAssessed` events too (v1 predates them).
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from lipp.bootstrap import Lipp, build
from lipp.commands import reviews as c
from lipp.commands.markers import AssessQualityMarker
from lipp.commands.registry import DeactivateUser
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from tests.conftest import People

FIXTURES = Path(__file__).parent / "fixtures"


def write_stored_log(lipp: Lipp, path: Path) -> None:
    """Write every stored event of the log as one JSON line, into a new file only ("x": never over a file
    written meanwhile)."""
    with path.open("x") as out:
        for n in lipp.storage.recorder.select_notifications(None, 10_000):
            row = {
                "topic": n.topic,
                "originator_id": str(n.originator_id),
                "originator_version": n.originator_version,
                "state": n.state.decode(),
            }
            out.write(json.dumps(row) + "\n")


def assessed(reference: str, on: date, markers: tuple[int, ...]) -> list[c.Command]:
    return [
        AssessQualityMarker(reference=reference, on=on, marker=n, rating="met", evidence="Seen in the panel minutes")
        for n in markers
    ]


SIGN_OFF_MARKERS = tuple(range(1, 14))
PUBLICATION_MARKERS = (14, 16, 17)


def record(version: str, folder: Path = FIXTURES) -> Path:
    """Record `stored_events_{version}.jsonl` in `folder`; refused if that file exists (it is history)."""
    path = folder / f"stored_events_{version}.jsonl"
    if path.exists():
        raise FileExistsError(f"{path} is a recorded history and is never overwritten: record a new version")
    clock = SettableClock(datetime(2026, 1, 5, 10, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder, build(Settings(data_dir=Path(folder)), clock) as lipp:
        people = People(lipp)
        run, actor = lipp.reviews.execute, people.coordinator
        notified = run(
            actor,
            c.NotifyIncident(
                board="NVL",
                case_reference="Child K",
                incident_kind="death",
                looked_after=True,
                agencies=["police", "health:Northvale Health"],
                aware_on=date(2026, 1, 2),
                notified_on=date(2026, 1, 5),
            ),
        )
        ref = notified.reference
        steps: list[c.Command] = [
            c.RecordRapidReviewDecision(
                reference=ref,
                on=date(2026, 1, 20),
                decision="local_review",
                rationale="Learning about information sharing",
            ),
            c.CommissionReview(reference=ref, on=date(2026, 1, 27), kind="lcspr", methodology="silp"),
            c.AppointLeadReviewer(reference=ref, on=date(2026, 2, 2), reviewer="reviewer.a"),
            c.AgreeTermsOfReference(
                reference=ref,
                on=date(2026, 2, 9),
                scope_from=date(2025, 1, 1),
                scope_to=date(2026, 1, 2),
                key_lines_of_enquiry=["How was risk shared?"],
                agencies=["police"],
            ),
            c.PauseReview(reference=ref, on=date(2026, 2, 16), process="inquest", reason="Inquest opened"),
            c.ExplainDelay(reference=ref, on=date(2026, 2, 20), reason="The inquest", recipients=["panel"]),
            c.ResumeReview(reference=ref, on=date(2026, 3, 2)),
            c.RecordReportDrafted(reference=ref, on=date(2026, 5, 1)),
            *assessed(ref, date(2026, 5, 11), SIGN_OFF_MARKERS),
            c.SignOffReport(reference=ref, on=date(2026, 5, 20), board_response="Accepted in full"),
            c.SendReportToPanel(reference=ref, on=date(2026, 5, 22)),
            *assessed(ref, date(2026, 5, 22), PUBLICATION_MARKERS),
            c.DeferPublication(
                reference=ref, on=date(2026, 5, 26), reason="Trial pending", reconsider_on=date(2026, 7, 1)
            ),
            c.PublishReport(reference=ref, on=date(2026, 7, 6), location="partnership website"),
            c.CloseReview(reference=ref, on=date(2026, 7, 20)),
        ]
        for step in steps:
            clock.set(datetime.combine(step.on or date.today(), datetime.min.time(), tzinfo=UTC) + timedelta(hours=12))
            run(actor, step)
        other = run(
            actor,
            c.NotifyIncident(
                board="NVL",
                case_reference="Child L",
                incident_kind="serious_harm",
                looked_after=False,
                agencies=["education"],
                aware_on=date(2026, 7, 1),
                notified_on=date(2026, 7, 3),
            ),
        )
        for step in [
            c.RecordRapidReviewDecision(
                reference=other.reference,
                on=date(2026, 7, 10),
                decision="local_review",
                rationale="Learning about school attendance",
            ),
            c.CommissionReview(reference=other.reference, on=date(2026, 7, 13), kind="lcspr", methodology="hybrid"),
            c.AppointLeadReviewer(reference=other.reference, on=date(2026, 7, 14), reviewer="reviewer.b"),
            c.AgreeTermsOfReference(
                reference=other.reference,
                on=date(2026, 7, 15),
                scope_from=date(2026, 1, 1),
                scope_to=date(2026, 7, 1),
                key_lines_of_enquiry=["Attendance"],
                agencies=["education"],
            ),
            c.RecordReportDrafted(reference=other.reference, on=date(2026, 9, 1)),
            *assessed(other.reference, date(2026, 9, 4), SIGN_OFF_MARKERS),
            c.SignOffReport(reference=other.reference, on=date(2026, 9, 8), board_response="Accepted"),
            c.SendReportToPanel(reference=other.reference, on=date(2026, 9, 9)),
            c.WithholdPublication(
                reference=other.reference,
                on=date(2026, 9, 30),
                reason="Would identify siblings",
                improvement_information="Summary of findings and actions",
            ),
        ]:
            clock.set(datetime.combine(step.on or date.today(), datetime.min.time(), tzinfo=UTC) + timedelta(hours=12))
            run(actor, step)
        lipp.registry.deactivate_user(people.admin, DeactivateUser(username="reviewer.b", reason="Retired"))
        write_stored_log(lipp, path)
        return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.compat.record_fixtures vN  (a version not yet recorded)")
    print(record(sys.argv[1]))
