"""Stored findings, assessments, sharing checks and register entries still read as they were recorded."""

from __future__ import annotations

import json
from pathlib import Path
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import get_topic

from lipp.bootstrap import Lipp
from lipp.schemas import event_classes

FIXTURES = sorted((Path(__file__).parent / "findings_fixtures").glob("stored_findings_events_*.jsonl"))
OURS = {
    "FindingLogged",
    "FindingRevised",
    "FindingsReRanked",
    "FindingWithdrawn",
    "FindingCheckedForSharing",
    "RedactionFalsePositiveConfirmed",
    "FindingSharingApproved",
    "FindingSharingApprovalWithdrawn",
    "FindingsReleased",
    "QualityMarkerAssessed",
    "Enrolled",
    "ExpertiseSet",
    "MasterclassAttended",
    "ConflictDeclared",
    "ConflictWithdrawn",
    "AvailabilitySet",
}


def _stored(path: Path) -> list[StoredEvent]:
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    return [
        StoredEvent(
            originator_id=UUID(row["originator_id"]),
            originator_version=row["originator_version"],
            topic=row["topic"],
            state=row["state"].encode(),
        )
        for row in rows
    ]


def test_every_findings_marker_sharing_and_register_event_class_has_a_stored_fixture() -> None:
    ours = [cls for cls in event_classes() if cls.__qualname__.split(".")[1] in OURS]
    assert len(ours) == len(OURS)
    recorded = {row.topic for path in FIXTURES for row in _stored(path)}
    assert [get_topic(cls) for cls in ours if get_topic(cls) not in recorded] == []


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_stored_history_of_findings_replays_as_recorded(lipp: Lipp, path: Path) -> None:
    lipp.storage.recorder.insert_events(_stored(path))
    admin = lipp.registry.actor_for("admin")

    findings = lipp.reviews.findings(admin, "NVL-2026-001", include_withdrawn=True)
    assert [(x.key, x.rank, x.withdrawn) for x in findings] == [("F2", 1, False), ("F1", 2, False), ("F3", None, True)]
    assert findings[1].pattern == "judgement-reasoning" and findings[1].revisions == 1
    assert findings[0].hits[0].false_positive_reason == "Pseudonym"
    shared = lipp.reviews.shareable_findings(admin, "NVL-2026-001")
    if path.stem.endswith("_v1"):
        # Recorded before the board approved what travels (ADR 0023): a finding a reviewer made shareable reads
        # as proposed and cleared, awaiting a coordinator's approval; nothing of it travels yet.
        assert (findings[0].sharing, findings[1].sharing) == ("awaiting_approval", "not_checked")
        assert shared == []
    else:
        # F1 approved early then withdrawn; F2 approved after sign-off; the trial's hold released.
        assert (findings[0].sharing, findings[1].sharing) == ("shareable", "awaiting_approval")
        assert [x.key for x in shared] == ["F2"]
        timeline = [entry.what for entry in lipp.reviews.timeline(admin, "NVL-2026-001")]
        assert "Withdrew the approval to share finding F1" in timeline
        assert timeline[-1] == "Released the review's approved findings to national views"

    markers = lipp.reviews.quality_markers(admin, "NVL-2026-001")
    assert markers.stage == "signed_off" and all(gate.open for gate in markers.gates)

    entry = lipp.reviewers.profile(admin, "reviewer.a")
    assert (entry.expertise, entry.capacity, entry.conflicts[0].withdrawn) == (["silp", "neglect"], 3, True)
