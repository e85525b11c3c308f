"""The lead-reviewer register: expertise, masterclasses and declared conflicts keep appointments independent."""

from __future__ import annotations

from datetime import date

import pytest

from lipp.bootstrap import Lipp
from lipp.commands import register as r
from lipp.commands import reviews as c
from lipp.commands.registry import RegisterUser
from lipp.domain.register.access import MayNotReadTheRegister, OnlyTheReviewerOrAnAdminUpdatesAProfile
from lipp.domain.register.conflicts import ReviewerHasConflictOfInterest
from lipp.domain.register.profile import MasterclassDateInTheFuture
from lipp.domain.review.access import ActorMayNotAdvanceReview
from tests.conftest import People
from tests.scenario.journeys import AWARE_ON, commissioned


def enrol(lipp: Lipp, people: People, username: str, *expertise: str, capacity: int = 2) -> None:
    lipp.reviewers.enrol(people.admin, r.EnrolReviewer(username=username, expertise=list(expertise), capacity=capacity))


def test_a_reviewer_keeps_their_own_entry_and_coordinators_read_the_register(lipp: Lipp, people: People) -> None:
    enrol(lipp, people, "reviewer.a", "Learning Together", "neglect")
    lipp.reviewers.record_masterclass(
        people.reviewer,
        r.RecordMasterclass(username="reviewer.a", attended_on=date(2026, 1, 20), topic="Analysis and findings"),
    )
    lipp.reviewers.declare_conflict(
        people.reviewer,
        r.DeclareConflict(username="reviewer.a", agency="police:Northvale Police", reason="Employed there until 2024"),
    )
    entry = lipp.reviewers.profile(people.coordinator, "reviewer.a")
    assert entry.expertise == ["learning-together", "neglect"]
    assert [(m.attended_on, m.topic) for m in entry.masterclasses] == [(date(2026, 1, 20), "Analysis and findings")]
    assert [(x.number, x.agency) for x in entry.conflicts] == [(1, "police: Northvale Police")]
    assert [p.username for p in lipp.reviewers.profiles(people.coordinator)] == ["reviewer.a"]

    with pytest.raises(OnlyTheReviewerOrAnAdminUpdatesAProfile):
        lipp.reviewers.set_expertise(people.other_reviewer, r.SetExpertise(username="reviewer.a", expertise=["x"]))
    with pytest.raises(MayNotReadTheRegister):
        lipp.reviewers.profiles(people.national_body)
    with pytest.raises(MasterclassDateInTheFuture):
        lipp.reviewers.record_masterclass(
            people.reviewer, r.RecordMasterclass(username="reviewer.a", attended_on=date(2026, 4, 1), topic="Booked")
        )


def test_appointing_a_reviewer_who_declared_a_conflict_with_an_agency_of_the_case_is_refused(
    lipp: Lipp, people: People
) -> None:
    enrol(lipp, people, "reviewer.a")
    lipp.reviewers.declare_conflict(
        people.reviewer,
        r.DeclareConflict(username="reviewer.a", agency="police:Northvale Police", reason="Employed there until 2024"),
    )
    reference = commissioned(lipp, people, agencies=("police:Northvale Police", "health"))
    refusal = r"reviewer.a cannot lead NVL-2026-001: .*Northvale Police.* \(quality marker 7\)"
    with pytest.raises(ReviewerHasConflictOfInterest, match=refusal):
        lipp.reviews.execute(people.coordinator, c.AppointLeadReviewer(reference=reference, reviewer="reviewer.a"))
    assert lipp.reviews.review(people.coordinator, reference).lead_reviewer is None


def test_a_conflict_with_another_organisation_of_the_same_sector_does_not_stand_in_the_way(
    lipp: Lipp, people: People
) -> None:
    enrol(lipp, people, "reviewer.a")
    lipp.reviewers.declare_conflict(
        people.reviewer,
        r.DeclareConflict(username="reviewer.a", agency="police:Eastmere Police", reason="Seconded there in 2023"),
    )
    reference = commissioned(lipp, people, agencies=("police:Northvale Police",))
    lipp.reviews.execute(people.coordinator, c.AppointLeadReviewer(reference=reference, reviewer="reviewer.a"))
    assert lipp.reviews.review(people.coordinator, reference).lead_reviewer == "reviewer.a"


def test_a_conflict_declared_with_a_whole_sector_covers_every_organisation_in_it(lipp: Lipp, people: People) -> None:
    enrol(lipp, people, "reviewer.a")
    lipp.reviewers.declare_conflict(
        people.reviewer, r.DeclareConflict(username="reviewer.a", agency="health", reason="Board member of a trust")
    )
    reference = commissioned(lipp, people, agencies=("health:Northvale Community Health",))
    with pytest.raises(ReviewerHasConflictOfInterest):
        lipp.reviews.execute(people.coordinator, c.AppointLeadReviewer(reference=reference, reviewer="reviewer.a"))

    lipp.reviewers.withdraw_conflict(
        people.admin, r.WithdrawConflict(username="reviewer.a", conflict=1, reason="Left the trust board in 2025")
    )
    lipp.reviews.execute(people.coordinator, c.AppointLeadReviewer(reference=reference, reviewer="reviewer.a"))


def test_terms_that_bring_in_an_agency_the_reviewer_is_tied_to_are_refused(lipp: Lipp, people: People) -> None:
    enrol(lipp, people, "reviewer.a")
    lipp.reviewers.declare_conflict(
        people.reviewer, r.DeclareConflict(username="reviewer.a", agency="education", reason="Governor of a school")
    )
    reference = commissioned(lipp, people, agencies=("police",))
    lipp.reviews.execute(people.coordinator, c.AppointLeadReviewer(reference=reference, reviewer="reviewer.a"))
    terms = c.AgreeTermsOfReference(
        reference=reference,
        scope_from=date(2025, 1, 1),
        scope_to=AWARE_ON,
        key_lines_of_enquiry=["How did the school share its concerns?"],
        agencies=["police", "education:Oakfield Primary"],
    )
    with pytest.raises(ReviewerHasConflictOfInterest):
        lipp.reviews.execute(people.coordinator, terms)


def test_a_coordinator_lists_suitable_available_reviewers_best_matched_first(lipp: Lipp, people: People) -> None:
    register = lipp.registry.register_user
    for name in ("reviewer.c", "reviewer.d"):
        register(people.admin, RegisterUser(username=name, role="lead_reviewer"))
    enrol(lipp, people, "reviewer.a", "learning-together", "police")
    enrol(lipp, people, "reviewer.b", "silp")
    enrol(lipp, people, "reviewer.c", "learning-together")
    enrol(lipp, people, "reviewer.d", "learning-together", capacity=1)
    lipp.reviewers.declare_conflict(
        people.reviewer, r.DeclareConflict(username="reviewer.a", agency="police", reason="Former officer")
    )
    lipp.reviewers.set_availability(
        people.other_reviewer, r.SetAvailability(username="reviewer.b", available=False, reason="On leave")
    )
    busy = commissioned(lipp, people, case="Child L", agencies=("health",))
    lipp.reviews.execute(people.coordinator, c.AppointLeadReviewer(reference=busy, reviewer="reviewer.d"))

    reference = commissioned(lipp, people, agencies=("police", "health"))
    suitable = lipp.reviews.suitable_reviewers(people.coordinator, reference)
    assert [(s.username, s.matching_expertise) for s in suitable] == [("reviewer.c", ["learning-together"])]

    everyone = {
        s.username: s.reasons_against for s in lipp.reviews.suitable_reviewers(people.coordinator, reference, True)
    }
    assert everyone["reviewer.b"] == ["not taking new reviews"]
    assert everyone["reviewer.d"] == ["at capacity (1 of 1 reviews open)"]
    assert everyone["reviewer.a"][0].startswith("conflict: police (Former officer)")

    with pytest.raises(ActorMayNotAdvanceReview):
        lipp.reviews.suitable_reviewers(lipp.registry.actor_for("reviewer.d"), busy)
