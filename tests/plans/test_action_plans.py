"""Action plans: the coordinator agrees SMART actions on accepted recommendations and tracks them to impact."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from lipp.application.plan_filters import tracker_filter
from lipp.application.plans import UnknownAction
from lipp.application.review_store import UnknownReview
from lipp.bootstrap import Lipp
from lipp.commands import plans as p
from lipp.domain.clock import SettableClock
from lipp.domain.plans.access import ActorMayNotSeePlans, OnlyTheBoardsCoordinatorsManagePlans
from lipp.domain.plans.rules import (
    ActionAwaitsVerification,
    RecommendationNotAccepted,
    RecommendationNotYetAnswered,
    SupersedingActionElsewhere,
)
from lipp.domain.review.recommendation_rules import UnknownRecommendation
from lipp.projections.paging import Paging
from lipp.projections.plans.queries import TrackerFilter
from tests.conftest import People
from tests.plans.journeys import agree, answered, recommended, signed_off_with_plan


def test_a_plan_runs_from_agreed_actions_to_verified_completion_and_measured_impact(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    reference = signed_off_with_plan(lipp, people)
    coordinator = people.coordinator
    first = agree(lipp, coordinator, reference)
    second = agree(
        lipp, coordinator, reference, 2, agency="police", owner_role="Detective Inspector, Public Protection"
    )
    assert (first.reference, second.reference) == (f"{reference}-A1", f"{reference}-A2")
    assert (first.status, first.rag, first.recommendation) == ("agreed", "green", "R1")
    plans = lipp.plans
    action = first.reference
    plans.post_progress(coordinator, p.RecordActionProgress(action=action, evidence="Invitation list updated"))
    clock.set(datetime(2026, 3, 20, 10, tzinfo=UTC))
    plans.report_completion(coordinator, p.ReportActionCompletion(action=action, evidence="Invited since March"))
    with pytest.raises(ActionAwaitsVerification):
        plans.post_progress(coordinator, p.RecordActionProgress(action=action, evidence="More"))
    returned = plans.return_completion(coordinator, p.ReturnAction(action=action, reason="No attendance figures"))
    assert (returned.status, returned.returned, returned.completion_reported_on) == ("in_progress", 1, None)
    plans.report_completion(coordinator, p.ReportActionCompletion(action=action, evidence="Attended 9 of 10"))
    plans.verify(coordinator, p.VerifyAction(action=action, note="Minutes seen"))
    clock.set(datetime(2026, 5, 4, 10, tzinfo=UTC))
    checked = plans.check_impact(
        coordinator,
        p.CheckActionImpact(
            action=action, method="dip sample", before=40, after=90, sample_size=10, narrative="Health present"
        ),
    )
    assert (checked.status, checked.rag, checked.impact_checks) == ("verified", "green", 1)
    assert [(c.method, c.before, c.after) for c in checked.impacts] == [("dip_sample", 40.0, 90.0)]
    assert [n.text for n in checked.returns] == ["No attendance figures"]
    assert plans.action(people.admin, action) == checked
    facts = plans.facts(coordinator, "NVL")
    assert facts.summary == "2 actions agreed with 2 agencies; 1 verified; 1 with measured impact"
    assert plans.facts(coordinator, "nvl", review=reference.lower()).agreed == 2


def test_the_tracker_lists_a_boards_actions_by_due_date_and_flags_overdue_returned_and_moved_ones(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    reference = signed_off_with_plan(lipp, people)
    coordinator, plans = people.coordinator, lipp.plans
    late = agree(lipp, coordinator, reference, due_on=date(2026, 3, 31)).reference
    soon = agree(lipp, coordinator, reference, 2, agency="police", due_on=date(2026, 4, 8)).reference
    later = agree(lipp, coordinator, reference, agency="education", due_on=date(2026, 9, 30)).reference
    clock.set(datetime(2026, 4, 2, 10, tzinfo=UTC))
    plans.report_completion(coordinator, p.ReportActionCompletion(action=later, evidence="Done early"))
    plans.return_completion(coordinator, p.ReturnAction(action=later, reason="No evidence"))
    moved = plans.move_due_date(
        coordinator, p.MoveActionDueDate(action=later, due_on=date(2026, 12, 31), reason="Term dates")
    )
    assert (moved.original_due_on, moved.due_on, moved.due_moves[0].moved_from) == (
        date(2026, 9, 30),
        date(2026, 12, 31),
        date(2026, 9, 30),
    )
    listed = plans.tracker(coordinator, "NVL")
    assert [(e.reference, e.rag, e.overdue) for e in listed] == [
        (late, "red", True),
        (soon, "amber", False),
        (later, "green", False),
    ]
    assert [e.reference for e in plans.tracker(coordinator, "NVL", TrackerFilter(overdue=True))] == [late]
    assert [e.reference for e in plans.tracker(coordinator, "NVL", TrackerFilter(returned=True))] == [later]
    assert [e.reference for e in plans.tracker(coordinator, "NVL", TrackerFilter(sector="police"))] == [soon]
    due_soon = tracker_filter(due_by=date(2026, 4, 8), agency="Police", status="agreed")
    assert [e.reference for e in plans.tracker(coordinator, "NVL", due_soon)] == [soon]
    assert [e.reference for e in plans.tracker(coordinator, "NVL", TrackerFilter(review=reference))] == [
        late,
        soon,
        later,
    ]
    page = plans.tracker(coordinator, "NVL", paging=Paging(limit=2))
    assert (len(page), page.total, page.next_offset) == (2, 3, 2)
    assert plans.facts(coordinator, "NVL").overdue == 1
    assert plans.tracker(people.other_coordinator, "EMR") == []


def test_actions_answer_only_recommendations_the_partnership_accepted(lipp: Lipp, people: People) -> None:
    reference = answered(lipp, people, "accepted", "not_accepted")
    with pytest.raises(RecommendationNotAccepted):
        agree(lipp, people.coordinator, reference, 2)
    with pytest.raises(UnknownRecommendation):
        agree(lipp, people.coordinator, reference, 3)
    assert agree(lipp, people.coordinator, reference, 1).status == "agreed"


def test_an_action_waits_for_the_response_to_its_recommendation(lipp: Lipp, people: People) -> None:
    reference = recommended(lipp, people)
    with pytest.raises(RecommendationNotYetAnswered):
        agree(lipp, people.coordinator, reference, 1)


def test_only_the_boards_coordinators_manage_its_plans_and_others_cannot_see_them(lipp: Lipp, people: People) -> None:
    reference = signed_off_with_plan(lipp, people)
    action = agree(lipp, people.coordinator, reference).reference
    with pytest.raises(UnknownReview):
        agree(lipp, people.other_coordinator, reference)
    with pytest.raises(OnlyTheBoardsCoordinatorsManagePlans):
        agree(lipp, people.admin, reference)
    with pytest.raises(OnlyTheBoardsCoordinatorsManagePlans):
        lipp.plans.post_progress(people.admin, p.RecordActionProgress(action=action, evidence="x"))
    for outsider in (people.other_coordinator, people.reviewer, people.national_body):
        with pytest.raises(UnknownAction):
            lipp.plans.post_progress(outsider, p.RecordActionProgress(action=action, evidence="x"))
        with pytest.raises(UnknownAction):
            lipp.plans.action(outsider, action)
    with pytest.raises(ActorMayNotSeePlans):
        lipp.plans.tracker(people.other_coordinator, "NVL")
    with pytest.raises(ActorMayNotSeePlans):
        lipp.plans.facts(people.national_body, "NVL")
    assert [e.reference for e in lipp.plans.tracker(people.admin, "NVL")] == [action]


def test_an_action_is_superseded_by_another_action_of_its_own_board_still_in_force(lipp: Lipp, people: People) -> None:
    reference = signed_off_with_plan(lipp, people)
    coordinator = people.coordinator
    old, new, newest = (agree(lipp, coordinator, reference).reference for _ in range(3))
    with pytest.raises(UnknownAction):
        lipp.plans.supersede(coordinator, p.SupersedeAction(action=old, by="NVL-2026-009-A1", reason="x"))
    done = lipp.plans.supersede(coordinator, p.SupersedeAction(action=old, by=new, reason="Merged"))
    assert (done.status, done.superseded_by, done.rag) == ("superseded", new, None)
    lipp.plans.supersede(coordinator, p.SupersedeAction(action=new, by=newest, reason="Merged again"))
    with pytest.raises(SupersedingActionElsewhere):
        lipp.plans.supersede(coordinator, p.SupersedeAction(action=newest, by=new, reason="Back"))
    assert lipp.plans.facts(coordinator, "NVL").superseded == 2


def test_the_tracker_rebuilt_from_the_whole_history_reads_as_it_did(lipp: Lipp, people: People) -> None:
    reference = signed_off_with_plan(lipp, people)
    coordinator = people.coordinator
    done = agree(lipp, coordinator, reference).reference
    agree(lipp, coordinator, reference, 2, agency="police")
    lipp.plans.report_completion(coordinator, p.ReportActionCompletion(action=done, evidence="Done"))
    lipp.plans.return_completion(coordinator, p.ReturnAction(action=done, reason="Not yet"))
    before = (lipp.plans.tracker(coordinator, "NVL"), lipp.plans.facts(coordinator, "NVL"))
    tracker = next(projection for projection in lipp.projections if projection.name == "action_tracker")
    lipp.runner.rebuild(tracker)
    assert (lipp.plans.tracker(coordinator, "NVL"), lipp.plans.facts(coordinator, "NVL")) == before
