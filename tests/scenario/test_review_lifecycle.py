"""A coordinator's reviews from notification to closure, on SQLite and on PostgreSQL.

Dates are worked out by hand in tests/scenario/story.py.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from lipp.application.reviews import UnknownReview
from lipp.bootstrap import Lipp, build
from lipp.commands import reviews as c
from lipp.config import Settings, TimescaleSettings
from lipp.domain.clock import SettableClock
from lipp.domain.review.rules import DuplicateNotification, PublishedTooSoonAfterPanelCopy
from tests.conftest import People
from tests.scenario.story import (
    APPOINTED_ON,
    ASSESSED_AT,
    AWARE_ON,
    COMMISSIONED_ON,
    DECIDED_ON,
    DRAFTED_ON,
    EARLIEST_PUBLICATION,
    NOTIFIED_ON,
    PUBLICATION_MARKERS_ON,
    SIGN_OFF_MARKERS,
    SIGN_OFF_MARKERS_ON,
    SIGNED_OFF_ON,
    STEPS,
    TERMS_ON,
    Story,
)


def deadlines(lipp: Lipp, people: People, reference: str, as_of: date | None = None) -> dict[str, tuple[object, ...]]:
    view = lipp.reviews.review(people.coordinator, reference, as_of=as_of)
    return {d.name: (d.due_on, d.done_on, d.status) for d in view.deadlines}


def test_a_coordinator_walks_a_review_from_notification_to_closure(story: Story, lipp: Lipp, people: People) -> None:
    reference = story.notify()
    assert reference == "NVL-2026-001"
    stages = []
    version = 1
    for name, (on, make) in STEPS.items():
        actor = people.reviewer if name == "report_drafted" else people.coordinator
        receipt = story.step(make(reference, on), actor)
        version += 1
        assert (receipt.reference, receipt.stage, receipt.version) == (reference, name, version)
        stages.append(receipt.stage)
        if name in ASSESSED_AT:  # the coordinator assesses the markers the next gate needs
            assessed_on, markers = ASSESSED_AT[name]
            receipt = story.assess(reference, markers, assessed_on)
            version += len(markers)
            assert (receipt.stage, receipt.version) == (name, version)
    assert stages == [
        "decided",
        "commissioned",
        "reviewer_appointed",
        "in_conduct",
        "report_drafted",
        "signed_off",
        "sent_to_panel",
        "published",
        "closed",
    ]

    view = lipp.reviews.review(people.coordinator, reference)
    # Ten steps and sixteen marker assessments: 1 to 13 before sign-off, 14, 16 and 17 before publication.
    assert (view.stage, view.version, view.board, view.case_reference) == ("closed", 26, "NVL", "Child K")
    markers = lipp.reviews.quality_markers(people.coordinator, reference)
    assessed = [(row.number, row.rating, row.assessor, row.on) for row in markers.markers if row.rating]
    assert assessed == [(n, "met", "nvl.coordinator", SIGN_OFF_MARKERS_ON) for n in range(1, 14)] + [
        (n, "met", "nvl.coordinator", PUBLICATION_MARKERS_ON) for n in (14, 16, 17)
    ]
    assert [gate.open for gate in markers.gates] == [True, True]
    assert (view.aware_on, view.notified_on) == (AWARE_ON, NOTIFIED_ON)
    assert (view.decision, view.kind, view.methodology) == ("local_review", "lcspr", "silp")
    assert view.rationale == "Agencies did not share what they knew"
    assert view.lead_reviewer == "reviewer.a"
    assert (view.scope_from, view.scope_to) == (date(2025, 1, 1), AWARE_ON)
    assert view.key_lines_of_enquiry == ["How did agencies share information about risk?"]
    assert view.agencies == ["police", "health: Northvale Community Trust"]
    assert view.earliest_publication_on == EARLIEST_PUBLICATION
    assert deadlines(lipp, people, reference) == {
        "notification": (date(2026, 3, 5), NOTIFIED_ON, "met"),
        "rapid review": (date(2026, 3, 23), DECIDED_ON, "met"),
        "completion (sign-off)": (date(2026, 9, 20), SIGNED_OFF_ON, "met"),
    }


def test_the_lead_reviewer_sees_the_review_they_were_appointed_to(story: Story, lipp: Lipp, people: People) -> None:
    reference = story.walk_to("reviewer_appointed")
    assert lipp.reviews.review(people.reviewer, reference).lead_reviewer == "reviewer.a"
    assert len(lipp.reviews.timeline(people.reviewer, reference)) == 4


def test_replacing_the_lead_reviewer_hands_the_review_to_the_new_one(story: Story, lipp: Lipp, people: People) -> None:
    reference = story.walk_to("in_conduct")
    receipt = story.step(c.AppointLeadReviewer(reference=reference, on=date(2026, 5, 6), reviewer="reviewer.b"))
    assert (receipt.stage, receipt.version) == ("in_conduct", 6)
    assert lipp.reviews.review(people.other_reviewer, reference).lead_reviewer == "reviewer.b"
    assert lipp.reviews.timeline(people.coordinator, reference)[-1].what == "Replaced the lead reviewer"
    with pytest.raises(UnknownReview):
        lipp.reviews.review(people.reviewer, reference)


@pytest.mark.parametrize("decision", ["no_further_review", "other_learning"])
def test_a_rapid_review_that_decides_against_a_local_review_can_close_it_straight_away(
    story: Story, lipp: Lipp, people: People, decision: str
) -> None:
    reference = story.notify()
    story.step(c.RecordRapidReviewDecision(reference=reference, on=DECIDED_ON, decision=decision, rationale="No more"))
    receipt = story.step(c.CloseReview(reference=reference, on=date(2026, 3, 23)))
    assert (receipt.stage, receipt.version) == ("closed", 3)
    view = lipp.reviews.review(people.coordinator, reference)
    assert view.decision == decision
    assert [d.name for d in view.deadlines] == ["notification", "rapid review"]
    assert lipp.reviews.register(people.coordinator, "NVL")[0].next_deadline is None


def test_publication_deferred_for_a_trial_is_reconsidered_then_published(
    story: Story, lipp: Lipp, people: People
) -> None:
    reference = story.walk_to("sent_to_panel")
    receipt = story.step(
        c.DeferPublication(
            reference=reference,
            on=date(2026, 9, 16),
            reason="The criminal trial starts in November",
            reconsider_on=date(2026, 12, 1),
        )
    )
    assert receipt.stage == "publication_deferred"
    assert deadlines(lipp, people, reference)["reconsider publication"] == (date(2026, 12, 1), None, "on_time")
    row = lipp.reviews.register(people.coordinator, "NVL")[0]
    assert (row.next_deadline, row.next_due_on) == ("reconsider publication", date(2026, 12, 1))

    story.step(
        c.DeferPublication(
            reference=reference, on=date(2026, 12, 1), reason="The trial was adjourned", reconsider_on=date(2027, 2, 1)
        )
    )
    assert deadlines(lipp, people, reference)["reconsider publication"] == (date(2027, 2, 1), None, "on_time")

    receipt = story.step(c.PublishReport(reference=reference, on=date(2027, 2, 1), location="partnership website"))
    assert (receipt.stage, receipt.version) == ("published", 27)  # eight steps, 16 assessments, two deferrals
    assert "reconsider publication" not in deadlines(lipp, people, reference)
    assert story.step(c.CloseReview(reference=reference, on=date(2027, 2, 8))).stage == "closed"
    whats = [entry.what for entry in lipp.reviews.timeline(people.coordinator, reference)]
    assert whats[-4:] == [
        "Publication deferred, to be reconsidered on 2026-12-01",
        "Publication deferred, to be reconsidered on 2027-02-01",
        "Published (partnership website)",
        "Closed",
    ]


def test_a_report_not_published_has_its_improvement_information_published_instead(
    story: Story, lipp: Lipp, people: People
) -> None:
    reference = story.walk_to("sent_to_panel")
    receipt = story.step(
        c.WithholdPublication(
            reference=reference,
            on=date(2026, 9, 17),
            reason="Publication would identify the child's siblings",
            improvement_information="A summary of the findings and the partnership's actions",
        )
    )
    assert receipt.stage == "not_published"
    entry = lipp.reviews.timeline(people.coordinator, reference)[-1]
    assert entry.what == "Not published; improvement information published instead"
    assert entry.why == "Publication would identify the child's siblings"
    assert story.step(c.CloseReview(reference=reference, on=date(2026, 9, 18))).stage == "closed"


def test_a_pause_keeps_the_aim_and_the_delay_is_explained_to_the_panel(
    story: Story, lipp: Lipp, people: People
) -> None:
    reference = story.walk_to("in_conduct")
    story.step(c.PauseReview(reference=reference, on=date(2026, 5, 1), process="inquest", reason="Coroner's inquest"))
    story.on_day(date(2026, 5, 11))
    view = lipp.reviews.review(people.coordinator, reference)
    assert (view.paused_since, view.paused_for, view.days_paused) == (date(2026, 5, 1), "inquest", 10)
    assert deadlines(lipp, people, reference)["completion (sign-off)"] == (date(2026, 9, 20), None, "on_time")
    assert lipp.reviews.register(people.coordinator, "NVL")[0].paused

    receipt = story.step(c.ResumeReview(reference=reference, on=date(2026, 5, 31)))
    assert (receipt.stage, receipt.version) == ("in_conduct", 7)
    story.on_day(date(2026, 9, 25))
    view = lipp.reviews.review(people.coordinator, reference)
    assert (view.paused_since, view.days_paused, view.delay_explained_on) == (None, 30, None)
    # the aim stays: past it, the review is overdue, paused or not
    assert deadlines(lipp, people, reference)["completion (sign-off)"] == (date(2026, 9, 20), None, "overdue")
    assert lipp.reviews.register(people.coordinator, "NVL")[0].next_status == "overdue"

    with pytest.raises(ValidationError):  # someone must have been told
        c.ExplainDelay(reference=reference, on=date(2026, 9, 22), reason="The inquest took a month", recipients=[])
    story.step(c.ExplainDelay(reference=reference, on=date(2026, 9, 22), reason="The inquest took a month"))
    view = lipp.reviews.review(people.coordinator, reference)
    assert (view.delay_explained_on, view.delay_explained_to) == (date(2026, 9, 22), ["panel", "secretary_of_state"])
    assert deadlines(lipp, people, reference)["completion (sign-off)"] == (date(2026, 9, 20), None, "overdue")
    paused, resumed, explained = lipp.reviews.timeline(people.coordinator, reference)[-3:]
    assert (paused.what, paused.why, paused.on) == (
        "Paused for a parallel process (inquest)",
        "Coroner's inquest",
        date(2026, 5, 1),
    )
    assert (resumed.what, resumed.on) == ("Resumed", date(2026, 5, 31))
    assert (explained.what, explained.why) == (
        "Delay explained to the national Panel and the Secretary of State",
        "The inquest took a month",
    )


def test_a_review_signed_off_after_its_aim_is_late_whatever_it_was_paused_for(
    story: Story, lipp: Lipp, people: People
) -> None:
    reference = story.walk_to("in_conduct")
    story.step(c.PauseReview(reference=reference, on=date(2026, 5, 1), process="criminal_trial", reason="Trial"))
    story.step(c.ResumeReview(reference=reference, on=date(2026, 5, 31)))
    story.step(c.RecordReportDrafted(reference=reference, on=date(2026, 9, 25)))
    story.assess(reference, SIGN_OFF_MARKERS, date(2026, 10, 5))
    story.step(c.SignOffReport(reference=reference, on=date(2026, 10, 16), board_response="Accepted"))
    assert deadlines(lipp, people, reference)["completion (sign-off)"] == (
        date(2026, 9, 20),
        date(2026, 10, 16),
        "met_late",
    )


# References people can say.


def test_references_count_per_board_and_year_of_awareness(story: Story, lipp: Lipp, people: People) -> None:
    assert story.notify(case="Child K") == "NVL-2026-001"
    assert story.notify(case="Child L") == "NVL-2026-002"
    assert story.notify(case="Child M", actor=people.other_coordinator, board="EMR") == "EMR-2026-001"
    assert story.notify(case="Child N", aware_on=date(2025, 12, 30), notified_on=NOTIFIED_ON) == "NVL-2025-001"
    assert story.notify(case="Child P") == "NVL-2026-003"
    rows = lipp.reviews.register(people.coordinator, "NVL")
    assert [row.reference for row in rows] == ["NVL-2025-001", "NVL-2026-001", "NVL-2026-002", "NVL-2026-003"]


def test_the_register_orders_references_by_year_then_by_number_beyond_999(
    story: Story, lipp: Lipp, people: People
) -> None:
    earlier_year = story.notify(case="Child N", aware_on=date(2025, 12, 30), notified_on=NOTIFIED_ON)
    lipp.reviews._taken_up_to[("NVL", 2026)] = 998  # as if this process had seen 998 of this year's taken
    assert story.notify(case="Child K") == "NVL-2026-999"
    assert story.notify(case="Child L") == "NVL-2026-1000"
    rows = lipp.reviews.register(people.coordinator, "NVL")
    assert [row.reference for row in rows] == [earlier_year, "NVL-2026-999", "NVL-2026-1000"]


def test_a_review_can_be_found_by_its_reference_in_any_letter_case(story: Story, lipp: Lipp, people: People) -> None:
    reference = story.notify()
    assert lipp.reviews.review(people.coordinator, reference.lower()).reference == "NVL-2026-001"
    receipt = story.step(
        c.RecordRapidReviewDecision(reference="nvl-2026-001", on=DECIDED_ON, decision="local_review", rationale="R")
    )
    assert receipt.reference == "NVL-2026-001"


def test_a_second_notification_of_the_same_case_and_day_is_refused_naming_the_first(
    story: Story, lipp: Lipp, people: People
) -> None:
    story.notify(case="Child K")
    with pytest.raises(DuplicateNotification, match="already notified as NVL-2026-001"):
        story.notify(case="child k", notified_on=date(2026, 3, 3))
    # The refusal took no reference: the next incident gets the next number.
    assert story.notify(case="Child L") == "NVL-2026-002"


def test_the_same_case_may_be_notified_again_for_a_new_incident_or_by_another_board(
    story: Story, people: People
) -> None:
    story.notify(case="Child K")
    assert story.notify(case="Child K", aware_on=date(2026, 2, 27)) == "NVL-2026-002"
    assert story.notify(case="Child K", actor=people.other_coordinator, board="EMR") == "EMR-2026-001"


# What the board knew then.


def test_a_review_as_it_stood_shows_only_what_had_been_recorded_by_the_end_of_that_day(
    story: Story, lipp: Lipp, people: People
) -> None:
    reference = story.notify()  # recorded Monday 2 March
    story.on_day(date(2026, 3, 24))
    # The decision is dated 20 March but recorded, late, on 24 March.
    story.step(
        c.RecordRapidReviewDecision(reference=reference, on=DECIDED_ON, decision="local_review", rationale="R"),
        move_clock=False,
    )
    on_20th = lipp.reviews.review(people.coordinator, reference, as_of=date(2026, 3, 20))
    assert (on_20th.stage, on_20th.version, on_20th.decision, on_20th.as_of) == (
        "notified",
        1,
        None,
        date(2026, 3, 20),
    )
    # As it stood on 20 March, the rapid review (due Monday 23 March) was open and due soon.
    assert deadlines(lipp, people, reference, as_of=date(2026, 3, 20))["rapid review"] == (
        date(2026, 3, 23),
        None,
        "due_soon",
    )
    assert deadlines(lipp, people, reference, as_of=date(2026, 3, 23))["rapid review"][2] == "due_soon"
    on_24th = lipp.reviews.review(people.coordinator, reference, as_of=date(2026, 3, 24))
    assert (on_24th.stage, on_24th.decision, on_24th.version) == ("decided", "local_review", 2)
    # Recorded late, but done on the day it is dated: the deadline was met.
    assert deadlines(lipp, people, reference, as_of=date(2026, 3, 24))["rapid review"] == (
        date(2026, 3, 23),
        DECIDED_ON,
        "met",
    )
    assert len(lipp.reviews.timeline(people.coordinator, reference, as_of=date(2026, 3, 23))) == 1
    assert len(lipp.reviews.timeline(people.coordinator, reference, as_of=date(2026, 3, 24))) == 2
    assert len(lipp.reviews.timeline(people.coordinator, reference)) == 2


def test_a_review_did_not_exist_before_it_was_recorded(story: Story, lipp: Lipp, people: People) -> None:
    reference = story.notify()
    with pytest.raises(UnknownReview):
        lipp.reviews.review(people.coordinator, reference, as_of=date(2026, 3, 1))
    with pytest.raises(UnknownReview):
        lipp.reviews.timeline(people.coordinator, reference, as_of=date(2026, 3, 1))
    assert lipp.reviews.register(people.coordinator, "NVL", as_of=date(2026, 3, 1)) == []
    assert [r.reference for r in lipp.reviews.register(people.coordinator, "NVL", as_of=NOTIFIED_ON)] == [reference]


def test_a_step_recorded_after_midnight_in_summer_belongs_to_the_next_day_in_england(
    story: Story, lipp: Lipp, people: People, clock: SettableClock
) -> None:
    reference = story.walk_to("in_conduct")
    # 23:30 UTC on Thursday 30 April is 00:30 on Friday 1 May in England (British Summer Time).
    clock.set(datetime(2026, 4, 30, 23, 30, tzinfo=UTC))
    story.step(c.PauseReview(reference=reference, on=date(2026, 5, 1), process="inquest", reason="Inquest"))
    assert lipp.reviews.review(people.coordinator, reference, as_of=date(2026, 4, 30)).paused_since is None
    assert lipp.reviews.review(people.coordinator, reference, as_of=date(2026, 5, 1)).paused_since == date(2026, 5, 1)


def test_the_register_as_it_stood_shows_each_review_at_its_stage_then(story: Story, lipp: Lipp, people: People) -> None:
    first = story.walk_to("decided")  # decided on 20 March
    story.on_day(date(2026, 3, 25))
    second = story.notify(case="Child L", aware_on=date(2026, 3, 24), notified_on=None)
    then = lipp.reviews.register(people.coordinator, "NVL", as_of=date(2026, 3, 19))
    assert [(row.reference, row.stage) for row in then] == [(first, "notified")]
    now = lipp.reviews.register(people.coordinator, "NVL")
    assert [(row.reference, row.stage) for row in now] == [(first, "decided"), (second, "notified")]


# The register.


def test_the_register_lists_the_boards_reviews_with_their_next_deadline(
    story: Story, lipp: Lipp, people: People
) -> None:
    decided = story.walk_to("decided", case="Child K")  # completion due 20 September
    story.on_day(date(2026, 3, 23))
    # Aware Friday 20 March, notified Monday 23 March: rapid review due 15 working days later, Wednesday 15 April
    # (24, 25, 26, 27, 30, 31 March, 1, 2 April, then after Easter 7, 8, 9, 10, 13, 14, 15 April).
    fresh = story.notify(case="Child L", aware_on=date(2026, 3, 20), notified_on=None)
    story.notify(case="Child M", actor=people.other_coordinator, board="EMR", notified_on=None)
    story.on_day(date(2026, 4, 7))  # six working days to go
    rows = lipp.reviews.register(people.coordinator, "NVL")
    assert [(r.reference, r.case_reference, r.stage, r.next_deadline, r.next_due_on, r.next_status) for r in rows] == [
        (decided, "Child K", "decided", "completion (sign-off)", date(2026, 9, 20), "on_time"),
        (fresh, "Child L", "notified", "rapid review", date(2026, 4, 15), "on_time"),
    ]
    story.on_day(date(2026, 4, 8))  # five working days to go
    assert (rows := lipp.reviews.register(people.coordinator, "NVL"))[1].next_status == "due_soon"
    assert rows[1].next_rag == "amber"
    story.on_day(date(2026, 4, 15))
    assert lipp.reviews.register(people.coordinator, "NVL")[1].next_status == "due_soon"
    story.on_day(date(2026, 4, 16))
    assert lipp.reviews.register(people.coordinator, "NVL")[1].next_status == "overdue"
    assert lipp.reviews.register(people.coordinator, "NVL")[1].next_rag == "red"
    assert [row.reference for row in lipp.reviews.register(people.other_coordinator, "EMR")] == ["EMR-2026-001"]
    assert [row.reference for row in lipp.reviews.register(people.admin, "NVL")] == [decided, fresh]


# The timeline.


def test_the_timeline_names_who_did_what_when_and_why(story: Story, lipp: Lipp, people: People) -> None:
    reference = story.walk_to("in_conduct")
    story.step(c.RecordReportDrafted(reference=reference, on=DRAFTED_ON), people.reviewer)
    entries = lipp.reviews.timeline(people.coordinator, reference)
    assert [e.version for e in entries] == [1, 2, 3, 4, 5, 6]
    assert [(e.actor, e.on) for e in entries] == [
        ("nvl.coordinator", NOTIFIED_ON),
        ("nvl.coordinator", DECIDED_ON),
        ("nvl.coordinator", COMMISSIONED_ON),
        ("nvl.coordinator", APPOINTED_ON),
        ("nvl.coordinator", TERMS_ON),
        ("reviewer.a", DRAFTED_ON),
    ]
    notified, decision = entries[0], entries[1]
    assert "death" in notified.what
    assert "2026-02-26" in notified.what
    assert notified.recorded_at == datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    assert decision.what == "Rapid review decided: local review"
    assert decision.why == "Agencies did not share what they knew"
    assert decision.recorded_at == datetime(2026, 3, 20, 10, 0, tzinfo=UTC)
    assert entries[2].what == "Commissioned an LCSPR (silp)"
    assert entries[3].what == "Appointed the lead reviewer"
    assert entries[4].what.startswith("Agreed terms of reference")
    assert "2025-01-01 to 2026-02-26" in entries[4].what
    assert entries[4].what.endswith(", 1 key line of enquiry")
    assert entries[5].what == "Report drafted"


def test_a_looked_after_childs_serious_harm_is_named_in_the_timeline(story: Story, lipp: Lipp, people: People) -> None:
    reference = story.notify(incident_kind="serious-harm", looked_after=True)
    view = lipp.reviews.review(people.coordinator, reference)
    assert (view.incident_kind, view.looked_after) == ("serious_harm", True)
    what = lipp.reviews.timeline(people.coordinator, reference)[0].what
    assert "serious harm" in what
    assert "looked after" in what.replace("-", " ")


def test_a_notification_without_a_date_is_dated_today(story: Story, lipp: Lipp, people: People) -> None:
    story.on_day(date(2026, 3, 4))
    reference = story.notify(notified_on=None)
    assert lipp.reviews.review(people.coordinator, reference).notified_on == date(2026, 3, 4)


# Timescales a board sets.


def test_a_shorter_panel_copy_period_lets_the_board_publish_sooner(settings: Settings, clock: SettableClock) -> None:
    custom = settings.model_copy(update={"timescales": TimescaleSettings(panel_copy_working_days=3)})
    with build(custom, clock) as lipp:
        people = People(lipp)
        story = Story(lipp, people, clock)
        reference = story.walk_to("sent_to_panel")
        assert lipp.reviews.review(people.coordinator, reference).earliest_publication_on == date(2026, 9, 18)
        with story.nothing_changes(reference), pytest.raises(PublishedTooSoonAfterPanelCopy):
            story.step(c.PublishReport(reference=reference, on=date(2026, 9, 17)))
        assert story.step(c.PublishReport(reference=reference, on=date(2026, 9, 18))).stage == "published"


def test_two_offices_notifying_in_turn_each_get_the_next_free_reference(
    settings: Settings, clock: SettableClock, lipp: Lipp, people: People
) -> None:
    """Two lipp processes on one store (say the board's two offices) never hand out the same reference."""
    with build(settings, clock) as second_office:
        coordinator = second_office.registry.actor_for("nvl.coordinator")
        here, there = Story(lipp, people, clock), Story(second_office, people, clock)
        references = [
            here.notify(case="Child K"),
            there.notify(case="Child L", actor=coordinator),
            here.notify(case="Child M"),
            here.notify(case="Child N"),
            there.notify(case="Child P", actor=coordinator),
        ]
    assert references == [f"NVL-2026-00{n}" for n in range(1, 6)]
