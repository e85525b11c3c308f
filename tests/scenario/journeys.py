"""Steps a scenario takes to bring a fictional review to the point its story starts."""

from __future__ import annotations

from datetime import date

from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands import reviews as c
from lipp.commands.markers import AssessQualityMarker
from lipp.domain.actors import Actor
from tests.conftest import People

AWARE_ON = date(2026, 2, 2)


def notified(lipp: Lipp, people: People, case: str = "Child K", agencies: tuple[str, ...] = ("police",)) -> str:
    receipt = lipp.reviews.notify_incident(
        people.coordinator,
        c.NotifyIncident(
            board="NVL",
            case_reference=case,
            incident_kind="serious_harm",
            looked_after=False,
            agencies=list(agencies),
            aware_on=AWARE_ON,
        ),
    )
    return receipt.reference


def commissioned(lipp: Lipp, people: People, **notify: object) -> str:
    reference = notified(lipp, people, **notify)  # type: ignore[arg-type]
    run = lipp.reviews.execute
    run(
        people.coordinator,
        c.RecordRapidReviewDecision(reference=reference, decision="local_review", rationale="Learning"),
    )
    run(people.coordinator, c.CommissionReview(reference=reference, kind="lcspr", methodology="learning_together"))
    return reference


def in_conduct(lipp: Lipp, people: People, reviewer: str = "reviewer.a", case: str = "Child K") -> str:
    """A review whose terms are agreed, with `reviewer` appointed: findings can be written."""
    reference = commissioned(lipp, people, case=case)
    run = lipp.reviews.execute
    run(people.coordinator, c.AppointLeadReviewer(reference=reference, reviewer=reviewer))
    run(
        people.coordinator,
        c.AgreeTermsOfReference(
            reference=reference,
            scope_from=date(2025, 1, 1),
            scope_to=AWARE_ON,
            key_lines_of_enquiry=["How was risk shared between agencies?"],
            agencies=["police", "health"],
        ),
    )
    return reference


def drafted(lipp: Lipp, people: People) -> str:
    reference = in_conduct(lipp, people)
    lipp.reviews.execute(people.coordinator, c.RecordReportDrafted(reference=reference))
    return reference


def a_finding(reference: str, title: str = "Strategy discussions not convened", **changes: object) -> f.LogFinding:
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
    return f.LogFinding.model_validate(fields)


def assess(
    lipp: Lipp, coordinator: Actor, reference: str, markers: range | list[int], rating: str = "met", **extra: str
) -> None:
    for number in markers:
        lipp.reviews.execute(
            coordinator,
            AssessQualityMarker(
                reference=reference, marker=number, rating=rating, evidence="Seen in the review records", **extra
            ),
        )


def signed_off(lipp: Lipp, people: People) -> str:
    reference = drafted(lipp, people)
    assess(lipp, people.coordinator, reference, range(1, 14))
    lipp.reviews.execute(people.coordinator, c.SignOffReport(reference=reference, board_response="Accepted"))
    return reference
