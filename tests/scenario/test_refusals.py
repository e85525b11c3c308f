"""Every rule refuses with its named error and loses nothing; every actor is held to their role.

"Loses nothing": after a refusal the review's version, stage, pause and timeline are as before, and no event
was written anywhere in the store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from lipp.application.registry import OnlyAdminsManageTheRegistry, RegistryAlreadySetUp, UnknownBoard, UnknownUser
from lipp.application.reviews import AppointeeIsNotALeadReviewer, UnknownReview
from lipp.bootstrap import Lipp
from lipp.commands import reviews as c
from lipp.commands.fields import Command
from lipp.commands.registry import DeactivateUser, RegisterBoard, RegisterUser
from lipp.domain.actors import Actor
from lipp.domain.errors import NotAuthorised, RuleBroken
from lipp.domain.registry.user import UserIsDeactivated
from lipp.domain.review.access import ActorMayNotAdvanceReview, ActorMayNotNotify
from lipp.domain.review.marker_steps import StepBeforeItsAssessments
from lipp.domain.review.rules import (
    DateBeforeAwareness,
    DateBeforePreviousStep,
    DateInTheFuture,
    DecisionBeforeNotification,
    DuplicateNotification,
    NoLocalReviewWasDecided,
    PublishedTooSoonAfterPanelCopy,
    ReconsiderDateNotAfterDeferral,
    ReviewIsNotPaused,
    ReviewIsPaused,
    StepOutOfOrder,
)
from tests.conftest import People
from tests.scenario.story import (
    AWARE_ON,
    DECIDED_ON,
    EARLIEST_PUBLICATION,
    NOTIFIED_ON,
    PUBLICATION_MARKERS,
    SENT_ON,
    SIGN_OFF_MARKERS_ON,
    STEPS,
    TERMS_ON,
    Story,
)

TOMORROW = date(2026, 3, 3)  # the clock stands on Monday 2 March 2026 until a story moves it


def decide(ref: str, on: date, decision: str = "local_review") -> c.RecordRapidReviewDecision:
    return c.RecordRapidReviewDecision(reference=ref, on=on, decision=decision, rationale="Learning about risk")


def pause(ref: str, on: date) -> c.PauseReview:
    return c.PauseReview(reference=ref, on=on, process="criminal_trial", reason="The police asked us to wait")


def step(name: str) -> Callable[[str, date], Command]:
    return STEPS[name][1]


# Steps out of order.


@pytest.mark.parametrize(
    ("stage", "attempt", "must_first"),
    [
        ("notified", step("commissioned"), "first record the rapid review decision"),
        ("notified", step("report_drafted"), "first record the rapid review decision"),
        ("notified", step("closed"), "first record the rapid review decision"),
        ("decided", step("reviewer_appointed"), "first commission the review"),
        ("decided", step("closed"), "first commission the review"),
        ("commissioned", step("in_conduct"), "first appoint a lead reviewer"),
        ("reviewer_appointed", step("report_drafted"), "first agree the terms of reference"),
        ("in_conduct", step("signed_off"), "first record the report as drafted"),
        ("in_conduct", step("closed"), "first record the report as drafted"),
        ("report_drafted", step("sent_to_panel"), "first sign off the report"),
        ("signed_off", step("published"), "first send the report to the Panel"),
        ("sent_to_panel", step("closed"), "first publish the report, defer publication or decide not to publish"),
    ],
)
def test_a_step_asked_for_too_early_is_refused_naming_what_must_happen_first(
    story: Story, stage: str, attempt: Callable[[str, date], Command], must_first: str
) -> None:
    reference = story.walk_to(stage)
    with story.nothing_changes(reference), pytest.raises(StepOutOfOrder, match=must_first):
        story.step(attempt(reference, date(2026, 10, 1)))


@pytest.mark.parametrize(
    ("stage", "attempt"),
    [
        ("decided", step("decided")),
        ("in_conduct", step("in_conduct")),
        ("signed_off", step("report_drafted")),
        ("published", step("sent_to_panel")),
    ],
)
def test_a_step_already_taken_is_refused(story: Story, stage: str, attempt: Callable[[str, date], Command]) -> None:
    reference = story.walk_to(stage)
    with story.nothing_changes(reference), pytest.raises(StepOutOfOrder, match="only for a review at"):
        story.step(attempt(reference, date(2026, 10, 1)))


def test_nothing_can_be_done_to_a_closed_review(story: Story) -> None:
    reference = story.walk_to("closed")
    for attempt in (pause(reference, date(2026, 10, 2)), c.CloseReview(reference=reference, on=date(2026, 10, 2))):
        with story.nothing_changes(reference), pytest.raises(StepOutOfOrder, match="the review is closed"):
            story.step(attempt)


@pytest.mark.parametrize("decision", ["other_learning", "no_further_review"])
def test_a_review_decided_against_a_local_review_cannot_be_paused_and_can_only_be_closed(
    story: Story, decision: str
) -> None:
    reference = story.notify()
    story.step(decide(reference, DECIDED_ON, decision))
    with story.nothing_changes(reference), pytest.raises(StepOutOfOrder) as refused:
        story.step(pause(reference, date(2026, 3, 23)))
    assert str(refused.value) == (
        f"cannot pause the review: the rapid review decided '{decision.replace('_', ' ')}', not a local review, "
        "so the review can only be closed (the review is at 'decided')"
    )


# Pauses.


@pytest.mark.parametrize(
    "attempt",
    [
        step("report_drafted"),
        lambda ref, on: c.AppointLeadReviewer(reference=ref, on=on, reviewer="reviewer.b"),
        pause,
    ],
)
def test_a_paused_review_does_not_advance_until_it_is_resumed(
    story: Story, attempt: Callable[[str, date], Command]
) -> None:
    reference = story.walk_to("in_conduct")
    story.step(pause(reference, date(2026, 5, 1)))
    with story.nothing_changes(reference), pytest.raises(ReviewIsPaused, match="resume it first"):
        story.step(attempt(reference, date(2026, 5, 4)))
    story.step(c.ResumeReview(reference=reference, on=date(2026, 5, 5)))
    assert story.step(attempt(reference, date(2026, 5, 6))).version == 8


def test_a_review_that_is_not_paused_cannot_be_resumed(story: Story) -> None:
    reference = story.walk_to("in_conduct")
    with story.nothing_changes(reference), pytest.raises(ReviewIsNotPaused):
        story.step(c.ResumeReview(reference=reference, on=date(2026, 5, 1)))


def test_a_review_cannot_resume_before_it_was_paused(story: Story) -> None:
    reference = story.walk_to("in_conduct")
    story.step(pause(reference, date(2026, 5, 1)))
    with story.nothing_changes(reference), pytest.raises(DateBeforePreviousStep, match="2026-05-01"):
        story.step(c.ResumeReview(reference=reference, on=date(2026, 4, 30)))


# Dates.


def test_a_step_dated_tomorrow_is_refused(story: Story) -> None:
    reference = story.notify()
    with story.nothing_changes(reference), pytest.raises(DateInTheFuture, match="2026-03-03"):
        story.step(decide(reference, TOMORROW), move_clock=False)


def test_a_notification_dated_tomorrow_is_refused(story: Story, lipp: Lipp) -> None:
    with pytest.raises(DateInTheFuture):
        story.notify(notified_on=TOMORROW, move_clock=False)
    assert lipp.reviews.register(story.people.coordinator, "NVL") == []


def test_a_board_cannot_have_become_aware_tomorrow(story: Story, lipp: Lipp) -> None:
    with pytest.raises(DateInTheFuture):
        story.notify(aware_on=TOMORROW, notified_on=None)
    assert lipp.reviews.register(story.people.coordinator, "NVL") == []


def test_a_notification_dated_before_the_board_became_aware_is_refused(story: Story, lipp: Lipp) -> None:
    with pytest.raises(DateBeforeAwareness, match="2026-02-26"):
        story.notify(aware_on=AWARE_ON, notified_on=date(2026, 2, 25))
    assert lipp.reviews.register(story.people.coordinator, "NVL") == []


def test_a_step_dated_before_the_board_became_aware_is_refused(story: Story) -> None:
    reference = story.walk_to("decided")
    with story.nothing_changes(reference), pytest.raises((DateBeforeAwareness, DateBeforePreviousStep)):
        story.step(step("commissioned")(reference, date(2026, 2, 20)))


def test_a_decision_dated_before_the_notification_is_refused(story: Story) -> None:
    reference = story.notify(aware_on=AWARE_ON, notified_on=NOTIFIED_ON)
    with story.nothing_changes(reference), pytest.raises(DecisionBeforeNotification, match="2026-03-02"):
        story.step(decide(reference, date(2026, 2, 27)))


def test_a_step_dated_before_the_step_before_it_is_refused(story: Story) -> None:
    reference = story.walk_to("decided")  # decided on 20 March
    with story.nothing_changes(reference), pytest.raises(DateBeforePreviousStep, match="2026-03-20"):
        story.step(step("commissioned")(reference, date(2026, 3, 19)))


def test_a_step_on_the_same_day_as_the_one_before_is_accepted(story: Story) -> None:
    reference = story.walk_to("decided")
    assert story.step(step("commissioned")(reference, DECIDED_ON)).stage == "commissioned"


# Commissioning and publication.


@pytest.mark.parametrize("decision", ["other_learning", "no_further_review"])
def test_a_review_is_commissioned_only_when_the_rapid_review_decided_on_one(story: Story, decision: str) -> None:
    reference = story.notify()
    story.step(decide(reference, DECIDED_ON, decision))
    with story.nothing_changes(reference), pytest.raises(NoLocalReviewWasDecided, match=decision.replace("_", " ")):
        story.step(step("commissioned")(reference, date(2026, 3, 27)))


@pytest.mark.parametrize("reconsider_on", [date(2026, 9, 16), date(2026, 9, 1)])
def test_a_deferral_must_be_reconsidered_on_a_later_day(story: Story, reconsider_on: date) -> None:
    reference = story.walk_to("sent_to_panel")
    command = c.DeferPublication(reference=reference, on=date(2026, 9, 16), reason="Trial", reconsider_on=reconsider_on)
    with story.nothing_changes(reference), pytest.raises(ReconsiderDateNotAfterDeferral):
        story.step(command)


def test_publication_within_seven_working_days_of_the_copy_to_the_panel_is_refused(story: Story) -> None:
    reference = story.walk_to("sent_to_panel")  # sent Tuesday 15 September: earliest Thursday 24 September
    with story.nothing_changes(reference), pytest.raises(PublishedTooSoonAfterPanelCopy, match="2026-09-24"):
        story.step(c.PublishReport(reference=reference, on=date(2026, 9, 23)))
    assert story.step(c.PublishReport(reference=reference, on=EARLIEST_PUBLICATION)).stage == "published"


def test_deferring_publication_does_not_shorten_the_panels_seven_working_days(story: Story) -> None:
    reference = story.walk_to("sent_to_panel")
    story.step(c.DeferPublication(reference=reference, on=SENT_ON, reason="Trial", reconsider_on=date(2026, 9, 18)))
    with story.nothing_changes(reference), pytest.raises(PublishedTooSoonAfterPanelCopy):
        story.step(c.PublishReport(reference=reference, on=date(2026, 9, 18)))


def test_a_second_notification_of_the_same_incident_is_refused_naming_the_first(story: Story, lipp: Lipp) -> None:
    reference = story.notify()
    with story.nothing_changes(reference), pytest.raises(DuplicateNotification, match=reference):
        story.notify(notified_on=NOTIFIED_ON)
    assert [r.reference for r in lipp.reviews.register(story.people.coordinator, "NVL")] == [reference]


def test_a_second_notification_with_wrong_dates_too_is_named_as_the_duplicate(story: Story, lipp: Lipp) -> None:
    reference = story.notify()
    with story.nothing_changes(reference), pytest.raises(DuplicateNotification, match=reference):
        story.notify(notified_on=AWARE_ON - timedelta(days=3), move_clock=False)  # notified before aware
    assert [r.reference for r in lipp.reviews.register(story.people.coordinator, "NVL")] == [reference]


# Appointments.


@pytest.mark.parametrize("appointee", ["nvl.coordinator", "national.body", "admin"])
def test_only_a_lead_reviewer_can_be_appointed(story: Story, appointee: str) -> None:
    reference = story.walk_to("commissioned")
    with story.nothing_changes(reference), pytest.raises(AppointeeIsNotALeadReviewer, match=appointee):
        story.step(c.AppointLeadReviewer(reference=reference, on=date(2026, 4, 1), reviewer=appointee))


def test_a_deactivated_lead_reviewer_cannot_be_appointed(story: Story, lipp: Lipp, people: People) -> None:
    reference = story.walk_to("commissioned")
    lipp.registry.deactivate_user(people.admin, DeactivateUser(username="reviewer.b", reason="Retired"))
    with story.nothing_changes(reference), pytest.raises(AppointeeIsNotALeadReviewer):
        story.step(c.AppointLeadReviewer(reference=reference, on=date(2026, 4, 1), reviewer="reviewer.b"))


def test_an_unknown_appointee_is_refused(story: Story) -> None:
    reference = story.walk_to("commissioned")
    with story.nothing_changes(reference), pytest.raises(UnknownUser):
        story.step(c.AppointLeadReviewer(reference=reference, on=date(2026, 4, 1), reviewer="nobody.here"))


# Who may advance a review: each command at the stage where the board's coordinator may take it.

DURING_CONDUCT = date(2026, 5, 1)
EVERY_STEP: dict[str, tuple[str, bool, Callable[[str], Command]]] = {
    # name: (stage first reached, paused first, the command)
    "decide": ("notified", False, lambda ref: decide(ref, DECIDED_ON)),
    "commission": ("decided", False, lambda ref: step("commissioned")(ref, date(2026, 3, 27))),
    "appoint": ("commissioned", False, lambda ref: step("reviewer_appointed")(ref, date(2026, 4, 1))),
    "terms": ("reviewer_appointed", False, lambda ref: step("in_conduct")(ref, TERMS_ON)),
    "pause": ("in_conduct", False, lambda ref: pause(ref, DURING_CONDUCT)),
    "resume": ("in_conduct", True, lambda ref: c.ResumeReview(reference=ref, on=date(2026, 5, 29))),
    "replace reviewer": (
        "in_conduct",
        False,
        lambda ref: c.AppointLeadReviewer(reference=ref, on=DURING_CONDUCT, reviewer="reviewer.b"),
    ),
    "draft": ("in_conduct", False, lambda ref: step("report_drafted")(ref, date(2026, 9, 1))),
    "sign off": ("report_drafted", False, lambda ref: step("signed_off")(ref, date(2026, 9, 14))),
    "send to panel": ("signed_off", False, lambda ref: step("sent_to_panel")(ref, SENT_ON)),
    "defer": (
        "sent_to_panel",
        False,
        lambda ref: c.DeferPublication(reference=ref, on=SENT_ON, reason="Trial", reconsider_on=date(2027, 1, 4)),
    ),
    "publish": ("sent_to_panel", False, lambda ref: step("published")(ref, EARLIEST_PUBLICATION)),
    "withhold": (
        "sent_to_panel",
        False,
        lambda ref: c.WithholdPublication(reference=ref, on=SENT_ON, reason="Siblings", improvement_information="A"),
    ),
    "close": ("published", False, lambda ref: step("closed")(ref, date(2026, 10, 1))),
}
APPOINTED_FROM = ("reviewer_appointed", "in_conduct", "report_drafted", "signed_off", "sent_to_panel", "published")


def expected_refusal(who: str, stage: str, command: str) -> type[Exception] | None:
    """What each actor meets: those who may not see the review are told it does not exist."""
    if who in ("other_coordinator", "national_body", "other_reviewer"):
        return UnknownReview
    if who == "reviewer":
        if stage not in APPOINTED_FROM:
            return UnknownReview
        return None if command == "draft" else ActorMayNotAdvanceReview
    return ActorMayNotAdvanceReview  # admin


@pytest.mark.parametrize("command", list(EVERY_STEP))
def test_only_the_boards_coordinator_advances_a_review_and_the_appointed_reviewer_only_drafts(
    story: Story, people: People, command: str
) -> None:
    stage, paused_first, make = EVERY_STEP[command]
    reference = story.walk_to(stage)
    if paused_first:
        story.step(pause(reference, DURING_CONDUCT))
    story.on_day(date(2027, 1, 4))
    actors: dict[str, Actor] = {
        "other_coordinator": people.other_coordinator,
        "national_body": people.national_body,
        "other_reviewer": people.other_reviewer,
        "admin": people.admin,
        "reviewer": people.reviewer,
    }
    for who, actor in actors.items():
        refusal = expected_refusal(who, stage, command)
        if refusal is None:
            continue
        with story.nothing_changes(reference), pytest.raises(refusal):
            story.step(make(reference), actor, move_clock=False)
    allowed = people.reviewer if command == "draft" else people.coordinator
    before = story.standing(reference)[0]
    assert story.step(make(reference), allowed, move_clock=False).version == before + 1


def test_another_boards_coordinator_learns_nothing_not_even_that_a_step_is_out_of_order(
    story: Story, lipp: Lipp, people: People
) -> None:
    reference = story.notify()
    with pytest.raises(UnknownReview) as hidden:
        story.step(c.CloseReview(reference=reference, on=TOMORROW), people.other_coordinator, move_clock=False)
    with pytest.raises(UnknownReview) as missing:
        story.step(c.CloseReview(reference="NVL-2026-099", on=TOMORROW), people.other_coordinator, move_clock=False)
    assert str(hidden.value).replace(reference, "NVL-2026-099") == str(missing.value)


@pytest.mark.parametrize("appointee", ["reviewer.b", "nvl.coordinator", "nobody.here"])
@pytest.mark.parametrize("who", ["other_coordinator", "national_body", "other_reviewer"])
def test_those_who_may_not_see_a_review_learn_nothing_from_appointing_to_it(
    story: Story, who: str, appointee: str
) -> None:
    """Not about the review, and not about who is, or is not, a lead reviewer."""
    reference = story.walk_to("commissioned")
    command = c.AppointLeadReviewer(reference=reference, on=date(2026, 4, 1), reviewer=appointee)
    with story.nothing_changes(reference), pytest.raises(UnknownReview):
        story.step(command, getattr(story.people, who))


def test_a_replaced_lead_reviewer_can_no_longer_draft(story: Story, people: People) -> None:
    reference = story.walk_to("in_conduct")
    story.step(c.AppointLeadReviewer(reference=reference, on=DURING_CONDUCT, reviewer="reviewer.b"))
    with story.nothing_changes(reference), pytest.raises(UnknownReview):
        story.step(c.RecordReportDrafted(reference=reference, on=date(2026, 9, 1)), people.reviewer)
    assert story.step(c.RecordReportDrafted(reference=reference, on=date(2026, 9, 1)), people.other_reviewer).version


# Who may notify.


@pytest.mark.parametrize("who", ["other_coordinator", "reviewer", "national_body", "admin"])
def test_only_a_coordinator_of_the_board_notifies_its_incidents(story: Story, lipp: Lipp, who: str) -> None:
    actor: Actor = getattr(story.people, who)
    with pytest.raises(ActorMayNotNotify):
        story.notify(actor=actor, board="NVL")
    assert lipp.reviews.register(story.people.coordinator, "NVL") == []


def test_an_incident_for_an_unknown_board_is_refused(story: Story) -> None:
    with pytest.raises(UnknownBoard, match="XYZ"):
        story.notify(board="XYZ")


# Who may see.


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("coordinator", True),
        ("admin", True),
        ("reviewer", True),
        ("other_coordinator", False),
        ("other_reviewer", False),
        ("national_body", False),
    ],
)
def test_a_review_and_its_timeline_are_seen_only_by_those_it_concerns(
    story: Story, lipp: Lipp, who: str, sees: bool
) -> None:
    reference = story.walk_to("in_conduct")
    actor: Actor = getattr(story.people, who)
    queries: list[Callable[[], Any]] = [
        lambda: lipp.reviews.review(actor, reference),
        lambda: lipp.reviews.review(actor, reference, as_of=TERMS_ON),
        lambda: lipp.reviews.timeline(actor, reference),
        lambda: lipp.reviews.timeline(actor, reference, as_of=TERMS_ON),
    ]
    for query in queries:
        if sees:
            assert query()
        else:
            with pytest.raises(UnknownReview):
                query()


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("coordinator", True),
        ("admin", True),
        ("other_coordinator", False),
        ("reviewer", False),
        ("national_body", False),
    ],
)
def test_a_boards_register_is_listed_only_for_its_coordinators_and_admins(
    story: Story, lipp: Lipp, who: str, sees: bool
) -> None:
    story.notify()
    actor: Actor = getattr(story.people, who)
    if sees:
        assert len(lipp.reviews.register(actor, "NVL")) == 1
    else:
        with pytest.raises(NotAuthorised):
            lipp.reviews.register(actor, "NVL")


# The registry.


@pytest.mark.parametrize("who", ["coordinator", "reviewer", "national_body"])
def test_only_admins_register_boards_and_users(lipp: Lipp, people: People, who: str) -> None:
    actor: Actor = getattr(people, who)
    with pytest.raises(OnlyAdminsManageTheRegistry):
        lipp.registry.register_board(actor, RegisterBoard(code="WBV", name="Westbrook Vale", area="Westbrook"))
    with pytest.raises(OnlyAdminsManageTheRegistry):
        lipp.registry.register_user(actor, RegisterUser(username="reviewer.c", role="lead_reviewer"))
    with pytest.raises(OnlyAdminsManageTheRegistry):
        lipp.registry.deactivate_user(actor, DeactivateUser(username="reviewer.a", reason="No"))
    assert [b.code for b in lipp.registry.boards()] == ["EMR", "NVL"]
    with pytest.raises(UnknownUser):
        lipp.registry.user("reviewer.c")
    assert lipp.registry.user("reviewer.a").active


def test_the_first_admin_is_set_up_only_once(lipp: Lipp, people: People) -> None:
    with pytest.raises(RegistryAlreadySetUp):
        lipp.registry.set_up_first_admin("intruder")


def test_a_deactivated_user_can_no_longer_act(lipp: Lipp, people: People) -> None:
    lipp.registry.deactivate_user(people.admin, DeactivateUser(username="nvl.coordinator", reason="Left the post"))
    with pytest.raises(UserIsDeactivated):
        lipp.registry.actor_for("nvl.coordinator")


def test_a_board_code_already_registered_is_refused(lipp: Lipp, people: People) -> None:
    with pytest.raises(RuleBroken, match="NVL"):
        lipp.registry.register_board(people.admin, RegisterBoard(code="nvl", name="Another", area="Elsewhere"))


# Commands validate what people type before anything else sees it.

REF = "NVL-2026-001"
NOTIFY = {
    "board": "NVL",
    "case_reference": "Child K",
    "incident_kind": "death",
    "looked_after": False,
    "agencies": ["police"],
    "aware_on": "2026-02-26",
}
DECIDE = {"reference": REF, "decision": "local_review", "rationale": "Learning about risk"}


@pytest.mark.parametrize(
    ("command", "fields"),
    [
        (
            c.RecordRapidReviewDecision,
            {"reference": REF, "on": "2026-02-30", "decision": "local_review", "rationale": "R"},
        ),
        (
            c.RecordRapidReviewDecision,
            {"reference": REF, "on": "yesterday", "decision": "local_review", "rationale": "R"},
        ),
        (c.RecordRapidReviewDecision, {"reference": REF, "decision": "maybe_later", "rationale": "Because"}),
        (c.RecordRapidReviewDecision, {"reference": REF, "decision": "local_review", "rationale": "   "}),
        (c.RecordRapidReviewDecision, {"reference": REF, "decision": "local_review", "rationale": ""}),
        (c.RecordRapidReviewDecision, {"reference": "NVL-26-1", "decision": "local_review", "rationale": "R"}),
        (c.RecordRapidReviewDecision, {"reference": REF, "decision": "local_review"}),
        (c.CloseReview, {"reference": REF, "surprise": "extra field"}),
        (c.NotifyIncident, {**NOTIFY, "case_reference": "Child 123456"}),
        (c.NotifyIncident, {**NOTIFY, "case_reference": "4857773456"}),
        (c.NotifyIncident, {**NOTIFY, "case_reference": "K 01012015"}),
        (c.NotifyIncident, {**NOTIFY, "case_reference": "Jane <Smith>"}),
        (c.NotifyIncident, {**NOTIFY, "case_reference": ""}),
        (c.NotifyIncident, {**NOTIFY, "incident_kind": "injury"}),
        (c.NotifyIncident, {**NOTIFY, "agencies": []}),
        (c.NotifyIncident, {**NOTIFY, "agencies": ["fire_brigade"]}),
        (c.NotifyIncident, {**NOTIFY, "aware_on": "2026-13-01"}),
        (c.NotifyIncident, {**NOTIFY, "board": "N0RTH"}),
        (c.CommissionReview, {"reference": REF, "kind": "inquiry", "methodology": "silp"}),
        (c.CommissionReview, {"reference": REF, "kind": "lcspr", "methodology": "guesswork"}),
        (c.PauseReview, {"reference": REF, "process": "holiday", "reason": "Summer"}),
        (c.PauseReview, {"reference": REF, "process": "inquest", "reason": ""}),
        (c.SignOffReport, {"reference": REF, "board_response": " "}),
        (c.DeferPublication, {"reference": REF, "reason": "Trial", "reconsider_on": "31/12/2026"}),
        (c.WithholdPublication, {"reference": REF, "reason": "Siblings", "improvement_information": ""}),
        (c.AppointLeadReviewer, {"reference": REF, "reviewer": "9lives"}),
        (
            c.AgreeTermsOfReference,
            {
                "reference": REF,
                "scope_from": "2026-02-01",
                "scope_to": "2025-02-01",
                "key_lines_of_enquiry": ["Why?"],
                "agencies": ["police"],
            },
        ),
        (
            c.AgreeTermsOfReference,
            {
                "reference": REF,
                "scope_from": "2025-02-01",
                "scope_to": "2026-02-01",
                "key_lines_of_enquiry": [],
                "agencies": ["police"],
            },
        ),
        (RegisterUser, {"username": "new.person", "role": "coordinator"}),
        (RegisterUser, {"username": "new.person", "role": "lead_reviewer", "board": "NVL"}),
        (RegisterUser, {"username": "new.person", "role": "system"}),
        (RegisterUser, {"username": "new.person", "role": "superuser"}),
        (RegisterBoard, {"code": "N", "name": "Too short", "area": "Somewhere"}),
    ],
)
def test_bad_input_is_refused_before_any_rule_is_asked(command: type[Command], fields: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        command.model_validate(fields)


@pytest.mark.parametrize(
    ("command", "fields", "normalised"),
    [
        # Five digits in a row can be a pseudonym; six could be part of an NHS number or a date of birth.
        (c.NotifyIncident, {**NOTIFY, "case_reference": "Child 12345"}, {"case_reference": "Child 12345"}),
        (c.NotifyIncident, {**NOTIFY, "incident_kind": "Serious harm"}, {"incident_kind": "serious_harm"}),
        (
            c.RecordRapidReviewDecision,
            {"reference": " nvl-2026-001 ", "decision": "No further review", "rationale": "R"},
            {"reference": "NVL-2026-001", "decision": "no_further_review"},
        ),
        (
            c.CommissionReview,
            {"reference": REF, "kind": "LCSPR", "methodology": "learning-together"},
            {"kind": "lcspr", "methodology": "learning_together"},
        ),
        (RegisterBoard, {"code": "wbv", "name": "Westbrook Vale", "area": "Westbrook"}, {"code": "WBV"}),
        (RegisterUser, {"username": "Reviewer.C", "role": "lead reviewer"}, {"username": "reviewer.c"}),
    ],
)
def test_input_as_people_type_it_is_accepted_and_normalised(
    command: type[Command], fields: dict[str, Any], normalised: dict[str, str]
) -> None:
    validated = command.model_validate(fields).model_dump(mode="json")
    assert {name: validated[name] for name in normalised} == normalised


def test_a_sign_off_cannot_be_dated_before_the_assessments_that_opened_its_gate(story: Story) -> None:
    reference = story.walk_to("report_drafted")  # markers 1 to 13 assessed on Monday 7 September
    with story.nothing_changes(reference), pytest.raises(StepBeforeItsAssessments, match="assessed on 2026-09-07"):
        story.step(c.SignOffReport(reference=reference, on=date(2026, 9, 4), board_response="Accepted"))
    assert story.step(c.SignOffReport(reference=reference, on=SIGN_OFF_MARKERS_ON, board_response="Accepted"))


def test_a_publication_cannot_be_dated_before_the_assessments_that_opened_its_gate(story: Story) -> None:
    reference = story.walk_to("sent_to_panel")
    story.assess(reference, PUBLICATION_MARKERS, date(2026, 9, 28))
    with story.nothing_changes(reference), pytest.raises(StepBeforeItsAssessments, match="assessed on 2026-09-28"):
        story.step(c.PublishReport(reference=reference, on=EARLIEST_PUBLICATION, location=""))
