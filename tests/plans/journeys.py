"""Steps that bring a fictional review to the point a plan's story starts."""

from __future__ import annotations

from datetime import date

from lipp.application.plan_views import ActionView
from lipp.bootstrap import Lipp
from lipp.commands import plans as p
from lipp.commands import reviews as c
from lipp.domain.actors import Actor
from tests.conftest import People
from tests.scenario.journeys import a_finding, assess, in_conduct


def with_findings(lipp: Lipp, people: People, case: str = "Child K") -> str:
    """A review in conduct with two findings."""
    reference = in_conduct(lipp, people, case=case)
    for title in ("Strategy discussions not convened", "Health not invited"):
        lipp.reviews.execute(people.reviewer, a_finding(reference, title))
    return reference


def recommended(lipp: Lipp, people: People, recommendations: int = 2, case: str = "Child K") -> str:
    """A drafted review with two findings and `recommendations` recommendations, not yet answered."""
    reference = with_findings(lipp, people, case)
    for number in range(1, recommendations + 1):
        lipp.reviews.execute(people.reviewer, recommendation(reference, number))
    lipp.reviews.execute(people.coordinator, c.RecordReportDrafted(reference=reference))
    return reference


def recommendation(reference: str, number: int = 1) -> p.MakeRecommendation:
    if number % 2:
        return p.MakeRecommendation(
            reference=reference,
            text="Partners make sure health is invited to every strategy discussion about a baby under one.",
            addressed_to="agency",
            sector="health",
            findings=["F1", "F2"],
        )
    return p.MakeRecommendation(
        reference=reference,
        text="The partnership audits how thresholds are applied across agencies.",
        addressed_to="partnership",
        findings=["F1"],
    )


def answered(lipp: Lipp, people: People, *responses: str, case: str = "Child K") -> str:
    """A drafted review whose recommendations the partnership has answered (accepted by default)."""
    responses = responses or ("accepted", "accepted_in_part")
    reference = recommended(lipp, people, len(responses), case)
    for number, response in enumerate(responses, start=1):
        reason = "" if response == "accepted" else "Audit capacity allows two agencies this year"
        lipp.reviews.execute(
            people.coordinator,
            p.AnswerRecommendation(reference=reference, recommendation=number, response=response, reason=reason),
        )
    return reference


def signed_off_with_plan(lipp: Lipp, people: People, case: str = "Child K") -> str:
    """A signed-off review whose two recommendations were accepted (R1) and accepted in part (R2)."""
    reference = answered(lipp, people, case=case)
    assess(lipp, people.coordinator, reference, range(1, 14))
    lipp.reviews.execute(people.coordinator, c.SignOffReport(reference=reference, board_response="Accepted"))
    return reference


def agree(
    lipp: Lipp,
    actor: Actor,
    reference: str,
    recommendation: int = 1,
    agency: str = "health:Northvale Community Health",
    due_on: date = date(2026, 6, 30),
    **more: object,
) -> ActionView:
    fields: dict[str, object] = {
        "reference": reference,
        "recommendation": recommendation,
        "agency": agency,
        "owner_role": "Named Nurse for Safeguarding",
        "what": "Health visitors are invited to every strategy discussion about a baby under one",
        "measure": "Share of strategy discussions about babies with health present",
        "baseline": "40% in the January audit",
        "due_on": due_on,
        **more,
    }
    return lipp.plans.agree(actor, p.AgreeAction.model_validate(fields))
