"""Fictional reviews with findings for the findings library and marker results tests."""

from __future__ import annotations

from datetime import date

from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands import reviews as c
from lipp.domain.actors import Actor
from tests.conftest import People


def coordinator_of(people: People, board: str) -> Actor:
    return people.coordinator if board == "NVL" else people.other_coordinator


def in_conduct(
    lipp: Lipp, people: People, board: str = "NVL", case: str = "Child K", reviewer: str = "reviewer.a"
) -> str:
    """A review of `board` with terms agreed and `reviewer` appointed: findings can be written."""
    coordinator = coordinator_of(people, board)
    run = lipp.reviews.execute
    reference = lipp.reviews.notify_incident(
        coordinator,
        c.NotifyIncident(
            board=board,
            case_reference=case,
            incident_kind="serious_harm",
            looked_after=False,
            agencies=["police"],
            aware_on=date(2026, 2, 2),
        ),
    ).reference
    run(coordinator, c.RecordRapidReviewDecision(reference=reference, decision="local_review", rationale="Learning"))
    run(coordinator, c.CommissionReview(reference=reference, kind="lcspr", methodology="learning_together"))
    run(coordinator, c.AppointLeadReviewer(reference=reference, reviewer=reviewer))
    run(
        coordinator,
        c.AgreeTermsOfReference(
            reference=reference,
            scope_from=date(2025, 1, 1),
            scope_to=date(2026, 2, 2),
            key_lines_of_enquiry=["How was risk shared between agencies?"],
            agencies=["police", "health"],
        ),
    )
    return reference


def log(lipp: Lipp, reviewer: Actor, reference: str, title: str, **changes: object) -> str:
    fields: dict[str, object] = {
        "reference": reference,
        "title": title,
        "issue": "Strategy discussions were not convened when a baby presented with bruising.",
        "causes": "Thresholds were read differently by each agency and no one owned the decision to convene.",
        "pattern": "3",
        "themes": ["NT04", "Information sharing"],
        "agencies": ["police", "health"],
        "evidence": ["The health visitor's referral was logged as a contact, not a referral."],
    }
    fields.update(changes)
    return lipp.reviews.log_finding(reviewer, f.LogFinding.model_validate(fields)).finding


def share(lipp: Lipp, coordinator: Actor, reference: str, finding: str) -> None:
    """Propose the finding, and approve it for sharing (before sign-off, so with the reason)."""
    receipt = lipp.reviews.share_finding(coordinator, f.ShareFinding(reference=reference, finding=finding))
    assert receipt.sharing == "awaiting_approval", receipt.outstanding
    approve = f.ApproveSharing(reference=reference, finding=finding, early_reason="Needed nationally before sign-off")
    assert lipp.reviews.approve_sharing(coordinator, approve).sharing == "shareable"
