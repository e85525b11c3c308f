"""Who may do what with findings, markers, sharing and the register: every refusal a user could meet."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lipp.application.reviews import UnknownReview
from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands import register as r
from lipp.commands.markers import AssessQualityMarker
from lipp.domain.actors import Actor
from lipp.domain.errors import LippError
from lipp.domain.register.access import MayNotReadTheRegister, OnlyAdminsEnrolReviewers
from lipp.domain.review.access import (
    ActorMayNotAdvanceReview,
    OnlyCoordinatorsAssessMarkers,
    OnlyTheAppointedReviewerWritesFindings,
)
from tests.conftest import People
from tests.scenario.journeys import a_finding, in_conduct

REF = "NVL-2026-001"
Action = Callable[[Lipp, Actor], object]

ACTIONS: dict[str, Action] = {
    "log a finding": lambda lipp, who: lipp.reviews.log_finding(who, a_finding(REF)),
    "revise a finding": lambda lipp, who: lipp.reviews.revise_finding(
        who, f.ReviseFinding(reference=REF, finding="F1", title="New", reason="Because")
    ),
    "re-rank findings": lambda lipp, who: lipp.reviews.rerank_findings(
        who, f.ReRankFindings(reference=REF, order=["F1"], reason="Because")
    ),
    "withdraw a finding": lambda lipp, who: lipp.reviews.withdraw_finding(
        who, f.WithdrawFinding(reference=REF, finding="F1", reason="Because")
    ),
    "share a finding": lambda lipp, who: lipp.reviews.share_finding(who, f.ShareFinding(reference=REF, finding="F1")),
    "confirm a false positive": lambda lipp, who: lipp.reviews.confirm_false_positive(
        who, f.ConfirmFalsePositive(reference=REF, finding="F1", hit=1, reason="Because")
    ),
    "assess a marker": lambda lipp, who: lipp.reviews.execute(
        who, AssessQualityMarker(reference=REF, marker=7, rating="met", evidence="Checked")
    ),
    "read findings": lambda lipp, who: lipp.reviews.findings(who, REF),
    "read markers": lambda lipp, who: lipp.reviews.quality_markers(who, REF),
    "list suitable reviewers": lambda lipp, who: lipp.reviews.suitable_reviewers(who, REF),
    "enrol a reviewer": lambda lipp, who: lipp.reviewers.enrol(who, r.EnrolReviewer(username="reviewer.b")),
    "read the register": lambda lipp, who: lipp.reviewers.profiles(who),
}

REFUSALS: list[tuple[str, str, type[LippError]]] = [
    ("coordinator", "log a finding", OnlyTheAppointedReviewerWritesFindings),
    ("admin", "log a finding", OnlyTheAppointedReviewerWritesFindings),
    ("other_reviewer", "log a finding", UnknownReview),
    ("other_coordinator", "log a finding", UnknownReview),
    ("national_body", "log a finding", UnknownReview),
    ("coordinator", "revise a finding", OnlyTheAppointedReviewerWritesFindings),
    ("coordinator", "re-rank findings", OnlyTheAppointedReviewerWritesFindings),
    ("coordinator", "withdraw a finding", OnlyTheAppointedReviewerWritesFindings),
    ("admin", "share a finding", ActorMayNotAdvanceReview),
    ("other_coordinator", "share a finding", UnknownReview),
    ("reviewer", "confirm a false positive", ActorMayNotAdvanceReview),
    ("admin", "confirm a false positive", ActorMayNotAdvanceReview),
    ("reviewer", "assess a marker", OnlyCoordinatorsAssessMarkers),
    ("admin", "assess a marker", OnlyCoordinatorsAssessMarkers),
    ("other_coordinator", "assess a marker", UnknownReview),
    ("national_body", "read findings", UnknownReview),
    ("other_coordinator", "read findings", UnknownReview),
    ("other_reviewer", "read markers", UnknownReview),
    ("reviewer", "list suitable reviewers", ActorMayNotAdvanceReview),
    ("other_coordinator", "list suitable reviewers", UnknownReview),
    ("coordinator", "enrol a reviewer", OnlyAdminsEnrolReviewers),
    ("reviewer", "enrol a reviewer", OnlyAdminsEnrolReviewers),
    ("national_body", "read the register", MayNotReadTheRegister),
    ("reviewer", "read the register", MayNotReadTheRegister),
]

ALLOWED: list[tuple[str, str]] = [
    ("reviewer", "revise a finding"),
    ("reviewer", "share a finding"),
    ("coordinator", "share a finding"),
    ("coordinator", "assess a marker"),
    ("reviewer", "read findings"),
    ("admin", "read findings"),
    ("reviewer", "read markers"),
    ("coordinator", "list suitable reviewers"),
    ("admin", "enrol a reviewer"),
    ("coordinator", "read the register"),
]


@pytest.fixture
def review_with_a_finding(lipp: Lipp, people: People) -> None:
    assert in_conduct(lipp, people) == REF
    lipp.reviews.log_finding(people.reviewer, a_finding(REF, issue="Sarah was not seen alone."))
    lipp.reviews.share_finding(people.reviewer, f.ShareFinding(reference=REF, finding="F1"))


@pytest.mark.parametrize(("who", "action", "refusal"), REFUSALS, ids=[f"{w} may not {a}" for w, a, _ in REFUSALS])
@pytest.mark.usefixtures("review_with_a_finding")
def test_the_application_refuses_what_the_role_may_not_do(
    lipp: Lipp, people: People, who: str, action: str, refusal: type[LippError]
) -> None:
    before = lipp.reviews.findings(people.coordinator, REF)
    with pytest.raises(refusal):
        ACTIONS[action](lipp, getattr(people, who))
    assert lipp.reviews.findings(people.coordinator, REF) == before


@pytest.mark.parametrize(("who", "action"), ALLOWED, ids=[f"{w} may {a}" for w, a in ALLOWED])
@pytest.mark.usefixtures("review_with_a_finding")
def test_the_roles_that_may_act_can(lipp: Lipp, people: People, who: str, action: str) -> None:
    ACTIONS[action](lipp, getattr(people, who))
