"""Recommendations: the report's recommendations answer findings; the partnership responds before sign-off."""

from __future__ import annotations

import pytest

from lipp.application.review_store import UnknownReview
from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands import plans as p
from lipp.commands import reviews as c
from lipp.domain.review.access import ActorMayNotAdvanceReview
from lipp.domain.review.finding_rules import FindingIsWithdrawn, UnknownFinding
from lipp.domain.review.recommendation_rules import (
    RecommendationAddresseeIncomplete,
    RecommendationAddresseeMismatch,
    RecommendationsAreFrozen,
    RecommendationsAwaitResponse,
    ResponseNeedsAReason,
    UnknownRecommendation,
)
from lipp.domain.review.rules import StepOutOfOrder
from tests.conftest import People
from tests.plans.journeys import answered, recommendation, recommended
from tests.scenario.journeys import a_finding, assess, in_conduct


def test_the_reviewer_records_numbered_recommendations_answering_findings_and_the_partnership_responds(
    lipp: Lipp, people: People
) -> None:
    reference = recommended(lipp, people)
    run = lipp.reviews.execute
    run(people.coordinator, p.AnswerRecommendation(reference=reference, recommendation="R1", response="accepted"))
    run(
        people.coordinator,
        p.AnswerRecommendation(
            reference=reference, recommendation=2, response="not accepted", reason="A national audit covers this"
        ),
    )
    shown = lipp.reviews.recommendations(people.reviewer, reference)
    assert [(r.key, r.addressee, r.findings, r.response) for r in shown] == [
        ("R1", "health", ["F1", "F2"], "accepted"),
        ("R2", "the partnership", ["F1"], "not_accepted"),
    ]
    assert shown[1].response_reason == "A national audit covers this"
    summaries = [e.what for e in lipp.reviews.timeline(people.coordinator, reference)]
    assert "Made recommendation R1 (answering F1, F2)" in summaries
    assert "Responded to R2: not accepted" in summaries


def test_sign_off_waits_until_the_partnership_has_responded_to_every_recommendation(lipp: Lipp, people: People) -> None:
    reference = recommended(lipp, people)
    assess(lipp, people.coordinator, reference, range(1, 14))
    lipp.reviews.execute(
        people.coordinator, p.AnswerRecommendation(reference=reference, recommendation=1, response="accepted")
    )
    sign_off = c.SignOffReport(reference=reference, board_response="Accepted")
    with pytest.raises(RecommendationsAwaitResponse, match="R2"):
        lipp.reviews.execute(people.coordinator, sign_off)
    lipp.reviews.execute(
        people.coordinator,
        p.AnswerRecommendation(reference=reference, recommendation=2, response="accepted_in_part", reason="Budget"),
    )
    assert lipp.reviews.execute(people.coordinator, sign_off).stage == "signed_off"
    with pytest.raises(RecommendationsAreFrozen):
        lipp.reviews.execute(people.reviewer, recommendation(reference))
    with pytest.raises(RecommendationsAreFrozen):
        lipp.reviews.execute(
            people.coordinator, p.AnswerRecommendation(reference=reference, recommendation=1, response="accepted")
        )


def test_a_recommendation_answers_findings_in_force_and_names_whom_it_addresses(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    run = lipp.reviews.execute
    run(people.reviewer, a_finding(reference))
    run(people.reviewer, a_finding(reference, "Second"))
    run(people.reviewer, f.WithdrawFinding(reference=reference, finding=2, reason="Merged into F1"))
    base = {"reference": reference, "text": "Do better", "findings": ["F1"]}
    with pytest.raises(UnknownFinding):
        run(people.reviewer, p.MakeRecommendation(**{**base, "findings": ["F9"]}, addressed_to="partnership"))
    with pytest.raises(FindingIsWithdrawn):
        run(people.reviewer, p.MakeRecommendation(**{**base, "findings": ["F2"]}, addressed_to="partnership"))
    with pytest.raises(RecommendationAddresseeIncomplete):
        run(people.reviewer, p.MakeRecommendation(**base, addressed_to="agency"))
    with pytest.raises(RecommendationAddresseeIncomplete):
        run(people.reviewer, p.MakeRecommendation(**base, addressed_to="national_body"))
    with pytest.raises(RecommendationAddresseeMismatch):
        run(people.reviewer, p.MakeRecommendation(**base, addressed_to="partnership", sector="police"))
    made = run(
        people.coordinator,
        p.MakeRecommendation(**base, addressed_to="national_body", organisation="Department for Education"),
    )
    assert made.recommendation == "R1"  # type: ignore[attr-defined]
    shown = lipp.reviews.recommendations(people.coordinator, reference)
    assert shown[0].addressee == "national body: Department for Education"


def test_responses_come_from_the_boards_coordinator_once_the_report_is_drafted(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.execute(people.reviewer, a_finding(reference))
    lipp.reviews.execute(people.reviewer, a_finding(reference, "Health not invited"))
    lipp.reviews.execute(people.reviewer, recommendation(reference))
    answer = p.AnswerRecommendation(reference=reference, recommendation=1, response="accepted")
    with pytest.raises(StepOutOfOrder):
        lipp.reviews.execute(people.coordinator, answer)
    lipp.reviews.execute(people.coordinator, c.RecordReportDrafted(reference=reference))
    with pytest.raises(ActorMayNotAdvanceReview):
        lipp.reviews.execute(people.reviewer, answer)
    with pytest.raises(UnknownReview):
        lipp.reviews.execute(people.other_coordinator, answer)
    with pytest.raises(ResponseNeedsAReason):
        lipp.reviews.execute(
            people.coordinator, p.AnswerRecommendation(reference=reference, recommendation=1, response="not_accepted")
        )
    with pytest.raises(UnknownRecommendation):
        lipp.reviews.execute(
            people.coordinator, p.AnswerRecommendation(reference=reference, recommendation=7, response="accepted")
        )


def test_only_the_appointed_reviewer_or_a_coordinator_records_recommendations(lipp: Lipp, people: People) -> None:
    reference = answered(lipp, people)
    for outsider in (people.other_reviewer, people.national_body, people.other_coordinator):
        with pytest.raises(UnknownReview):
            lipp.reviews.execute(outsider, recommendation(reference))
