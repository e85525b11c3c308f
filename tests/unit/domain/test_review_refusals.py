"""Every named refusal of the Review aggregate, on the aggregate alone: no application, no store, no I/O.

Each refusal is a class of faults, so its cases are generated (or, where the class is small, enumerated whole):
every step at every stage it is not for, every date on the wrong side of a rule. Each test also shows that a
refused step records nothing, and where a boundary is sharp, that the first case past it is accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lipp.domain.actors import Actor, Role
from lipp.domain.calendar import add_working_days
from lipp.domain.errors import NotFound, RuleBroken
from lipp.domain.reference.catalogue import ReferenceData
from lipp.domain.reference.markers import MarkerGroup, marker_set
from lipp.domain.reference.themes import UnknownTheme
from lipp.domain.reference.typology import UnknownPatternCategory
from lipp.domain.review.access import (
    ActorIsNotTheAppointedReviewer,
    ActorMayNotAdvanceReview,
    ActorMayNotListBoard,
    ActorMayNotNotify,
    OnlyCoordinatorsAssessMarkers,
    OnlyTheAppointedReviewerWritesFindings,
    require_is_appointed_reviewer,
    require_may_act_as_coordinator_or_appointed_reviewer,
    require_may_advance,
    require_may_assess_markers,
    require_may_list_board,
    require_may_notify,
)
from lipp.domain.review.aggregate import APPOINTABLE, PAUSABLE, Review
from lipp.domain.review.assessment import (
    NO_MITIGATION,
    NOT_ASSESSED,
    PublicationNeedsMarkersAssessed,
    Rating,
    SignOffNeedsMarkersAssessed,
)
from lipp.domain.review.finding import FindingContent
from lipp.domain.review.finding_rules import (
    FindingIsWithdrawn,
    FindingNeedsATheme,
    FindingsAreFrozen,
    RankingMustNameEveryFinding,
    RevisionChangesNothing,
    UnknownFinding,
)
from lipp.domain.review.finding_steps import WRITABLE
from lipp.domain.review.marker_steps import (
    ASSESSABLE_FROM,
    PUBLICATION_MARKERS,
    MarkerNotYetAssessable,
    StepBeforeItsAssessments,
)
from lipp.domain.review.rules import (
    DateBeforeAwareness,
    DateBeforePreviousStep,
    DateInTheFuture,
    DecisionBeforeNotification,
    NoLocalReviewWasDecided,
    PublishedTooSoonAfterPanelCopy,
    ReconsiderDateNotAfterDeferral,
    ReviewIsNotPaused,
    ReviewIsPaused,
    ScopePeriodIsBackwards,
    StepOutOfOrder,
)
from lipp.domain.review.sharing_steps import (
    FindingNotCheckedForSharing,
    HitAlreadyConfirmedFalse,
    UnknownRedactionHit,
)
from lipp.domain.review.vocabulary import (
    Agency,
    AgencySector,
    Decision,
    IncidentKind,
    Methodology,
    ParallelProcess,
    ReviewKind,
    Stage,
)

NOW = datetime(2026, 9, 1, 11, 0, tzinfo=UTC)
TODAY = date(2026, 9, 1)  # NOW in England
AWARE_ON = date(2026, 1, 5)
COORDINATOR = uuid4()
REVIEWER = uuid4()
BOARD = uuid4()
PANEL_COPY_WORKING_DAYS = 7
MARKERS = marker_set()
REFERENCE = ReferenceData.at()
SIGN_OFF_MARKERS = tuple(MARKERS.numbers_in(MarkerGroup.SETTING_UP, MarkerGroup.RUNNING))

# The business date each step of the walk below is recorded on, in the order of the process.
ON = {
    Stage.NOTIFIED: date(2026, 1, 6),
    Stage.DECIDED: date(2026, 1, 12),
    Stage.COMMISSIONED: date(2026, 1, 19),
    Stage.REVIEWER_APPOINTED: date(2026, 1, 26),
    Stage.IN_CONDUCT: date(2026, 2, 2),
    Stage.REPORT_DRAFTED: date(2026, 3, 2),
    Stage.SIGNED_OFF: date(2026, 3, 9),
    Stage.SENT_TO_PANEL: date(2026, 3, 16),
    Stage.PUBLICATION_DEFERRED: date(2026, 3, 23),
    Stage.PUBLISHED: date(2026, 4, 1),
    Stage.NOT_PUBLISHED: date(2026, 4, 1),
    Stage.CLOSED: date(2026, 4, 6),
}

A_FINDING = FindingContent(
    title="Risk was not shared at the strategy meeting",
    issue="Agencies held parts of the picture that were never put together.",
    causes="No agency owned the invitation list for strategy meetings.",
    pattern="multi-agency-crisis",
    themes=("NT04",),
    agencies=(Agency(AgencySector.POLICE),),
    evidence=("The police log of the second call was not passed on.",),
)
A_NAMED_FINDING = FindingContent(  # the redaction check finds a name and a date of birth in its issue
    title="The baby's birth was not followed up",
    issue="Sarah said the baby was born on 3 May 2024.",
    causes="Health visiting and children's social care kept separate records.",
    pattern="family-professional",
    themes=("NT04",),
    agencies=(Agency(AgencySector.HEALTH),),
    evidence=(),
)


def notified() -> Review:
    return Review.notify(
        review_id=uuid4(),
        actor_id=COORDINATOR,
        now=NOW,
        board_id=BOARD,
        reference="NVL-2026-001",
        case_reference="Child K",
        incident_kind=IncidentKind.DEATH,
        looked_after=False,
        agencies=[Agency(AgencySector.POLICE)],
        aware_on=AWARE_ON,
        notified_on=ON[Stage.NOTIFIED],
    )


def assess(review: Review, numbers: tuple[int, ...], on: date, rating: Rating = Rating.MET) -> None:
    for number in numbers:
        review.assess_marker(
            actor_id=COORDINATOR,
            now=NOW,
            on=on,
            number=number,
            rating=rating,
            evidence="Seen in the review's records",
            mitigation="",
            markers=MARKERS,
        )


def drafted(*, assessed: bool = True, findings: int = 0) -> Review:
    """A review with its report drafted; `assessed`: the markers of groups A, B and C rated, as the gates need."""
    review = at(Stage.IN_CONDUCT)
    for _ in range(findings):
        log(review)
    review.record_report_drafted(actor_id=COORDINATOR, now=NOW, on=ON[Stage.REPORT_DRAFTED])
    if assessed:
        assess(review, SIGN_OFF_MARKERS + PUBLICATION_MARKERS, ON[Stage.REPORT_DRAFTED])
    return review


def at(stage: Stage, decision: Decision = Decision.LOCAL_REVIEW) -> Review:
    """A review walked step by step to `stage` (on the dates in ON), the gates' markers assessed on the way."""
    if stage in (Stage.REPORT_DRAFTED, Stage.SIGNED_OFF, Stage.SENT_TO_PANEL) or stage in CLOSING:
        review = drafted()
        for step in (Stage.SIGNED_OFF, Stage.SENT_TO_PANEL, *CLOSING.get(stage, ())):
            if review.stage is stage:
                break
            FORWARD[step](review, ON[step])
        assert review.stage is stage
        return review
    review = notified()
    if stage is not Stage.NOTIFIED:
        review.decide(actor_id=COORDINATOR, now=NOW, on=ON[Stage.DECIDED], decision=decision, rationale="Learning")
    for step in (Stage.COMMISSIONED, Stage.REVIEWER_APPOINTED, Stage.IN_CONDUCT):
        if review.stage is stage:
            break
        FORWARD[step](review, ON[step])
    assert review.stage is stage
    return review


def commission(review: Review, on: date) -> None:
    review.commission(actor_id=COORDINATOR, now=NOW, on=on, kind=ReviewKind.LCSPR, methodology=Methodology.SILP)


def appoint(review: Review, on: date) -> None:
    review.appoint_lead_reviewer(actor_id=COORDINATOR, now=NOW, on=on, reviewer_id=REVIEWER)


def agree_terms(review: Review, on: date) -> None:
    review.agree_terms_of_reference(
        actor_id=COORDINATOR,
        now=NOW,
        on=on,
        scope_from=date(2025, 1, 1),
        scope_to=AWARE_ON,
        key_lines_of_enquiry=["How was risk shared between agencies?"],
        agencies=[Agency(AgencySector.HEALTH)],
    )


def sign_off(review: Review, on: date) -> None:
    review.sign_off(actor_id=COORDINATOR, now=NOW, on=on, board_response="The board accepts the findings")


def send(review: Review, on: date) -> None:
    review.send_to_panel(actor_id=COORDINATOR, now=NOW, on=on)


def defer(review: Review, on: date) -> None:
    review.defer_publication(actor_id=COORDINATOR, now=NOW, on=on, reason="Trial", reconsider_on=on + timedelta(1))


def publish(review: Review, on: date) -> None:
    review.publish(actor_id=COORDINATOR, now=NOW, on=on, location="", panel_copy_working_days=PANEL_COPY_WORKING_DAYS)


def withhold(review: Review, on: date) -> None:
    review.withhold_publication(
        actor_id=COORDINATOR, now=NOW, on=on, reason="The family asked", improvement_information="Published instead"
    )


def close(review: Review, on: date) -> None:
    review.close(actor_id=COORDINATOR, now=NOW, on=on)


def log(review: Review, content: FindingContent = A_FINDING, on: date | None = None) -> int:
    on = on or review.last_step[1]
    return review.log_finding(actor_id=REVIEWER, now=NOW, on=on, content=content, reference_data=REFERENCE)


FORWARD: dict[Stage, Callable[[Review, date], None]] = {
    Stage.COMMISSIONED: commission,
    Stage.REVIEWER_APPOINTED: appoint,
    Stage.IN_CONDUCT: agree_terms,
    Stage.SIGNED_OFF: sign_off,
    Stage.SENT_TO_PANEL: send,
    Stage.PUBLICATION_DEFERRED: defer,
    Stage.PUBLISHED: publish,
    Stage.NOT_PUBLISHED: withhold,
    Stage.CLOSED: close,
}
CLOSING = {
    Stage.PUBLICATION_DEFERRED: (Stage.PUBLICATION_DEFERRED,),
    Stage.PUBLISHED: (Stage.PUBLISHED,),
    Stage.NOT_PUBLISHED: (Stage.NOT_PUBLISHED,),
    Stage.CLOSED: (Stage.PUBLISHED, Stage.CLOSED),
}
ALL_STAGES = tuple(Stage)


def decide(review: Review, on: date) -> None:
    review.decide(actor_id=COORDINATOR, now=NOW, on=on, decision=Decision.LOCAL_REVIEW, rationale="Learning")


def pause(review: Review, on: date) -> None:
    review.pause(actor_id=COORDINATOR, now=NOW, on=on, process=ParallelProcess.CRIMINAL_TRIAL, reason="Trial")


def draft(review: Review, on: date) -> None:
    review.record_report_drafted(actor_id=COORDINATOR, now=NOW, on=on)


def log_a_finding(review: Review, on: date) -> None:
    log(review, on=on)


# Each step, and the stages it is for (findings are written while the review is conducted, before sign-off).
STEPS: dict[str, tuple[Callable[[Review, date], None], tuple[Stage, ...]]] = {
    "decide": (decide, (Stage.NOTIFIED,)),
    "commission": (commission, (Stage.DECIDED,)),
    "appoint": (appoint, APPOINTABLE),
    "agree terms": (agree_terms, (Stage.REVIEWER_APPOINTED,)),
    "pause": (pause, PAUSABLE),
    "draft": (draft, (Stage.IN_CONDUCT,)),
    "sign off": (sign_off, (Stage.REPORT_DRAFTED,)),
    "send to panel": (send, (Stage.SIGNED_OFF,)),
    "defer": (defer, (Stage.SENT_TO_PANEL, Stage.PUBLICATION_DEFERRED)),
    "publish": (publish, (Stage.SENT_TO_PANEL, Stage.PUBLICATION_DEFERRED)),
    "withhold": (withhold, (Stage.SENT_TO_PANEL, Stage.PUBLICATION_DEFERRED)),
    "close": (close, (Stage.PUBLISHED, Stage.NOT_PUBLISHED)),
    "log a finding": (log_a_finding, WRITABLE),
}
# The date steps are taken on below: today, after every step of the walk and the Panel copy's wait.
STEP_ON = TODAY


def refused(review: Review, error: type[Exception], act: Callable[[Review], object]) -> Exception:
    """Run `act` on the review, which must refuse with `error` and record nothing."""
    version, pending = review.version, len(review.pending_events)
    with pytest.raises(error) as raised:
        act(review)
    assert (review.version, len(review.pending_events)) == (version, pending), "a refused step recorded an event"
    assert str(raised.value), "a refusal says why in a sentence"
    return raised.value


# Steps out of order: the whole class, every step at every stage it is not for.

OUT_OF_ORDER = [
    pytest.param(stage, name, id=f"{name} at {stage.label}")
    for stage in ALL_STAGES
    for name, (_, allowed) in STEPS.items()
    if stage not in allowed
]


@pytest.mark.parametrize(("stage", "step"), OUT_OF_ORDER)
def test_a_step_at_a_stage_it_is_not_for_is_refused_as_out_of_order(stage: Stage, step: str) -> None:
    act, _ = STEPS[step]
    error = refused(at(stage), StepOutOfOrder, lambda review: act(review, STEP_ON))
    if step == "log a finding" and stage in (Stage.SIGNED_OFF, Stage.SENT_TO_PANEL, *CLOSING):
        assert isinstance(error, FindingsAreFrozen)
    elif stage is Stage.CLOSED:
        assert "the review is closed" in str(error)
    else:
        assert f"the review is at '{stage.label}'" in str(error)


@pytest.mark.parametrize(
    ("stage", "step"),
    [
        pytest.param(stage, name, id=f"{name} at {stage.label}")
        for stage in ALL_STAGES
        for name, (_, allowed) in STEPS.items()
        if stage in allowed
    ],
)
def test_each_step_is_accepted_at_the_stages_it_is_for(stage: Stage, step: str) -> None:
    """The other half of the table above: the refusals are exactly the steps out of order."""
    review = at(stage)
    version = review.version
    STEPS[step][0](review, STEP_ON)
    assert review.version == version + 1


@pytest.mark.parametrize("decision", [Decision.OTHER_LEARNING, Decision.NO_FURTHER_REVIEW])
def test_a_decision_against_a_local_review_leaves_only_closure(decision: Decision) -> None:
    review = at(Stage.DECIDED, decision)
    refused(review, NoLocalReviewWasDecided, lambda r: commission(r, STEP_ON))
    refused(review, StepOutOfOrder, lambda r: decide(r, STEP_ON))  # the decision was taken
    for name, (act, _) in STEPS.items():
        if name not in ("decide", "commission", "close"):
            error = refused(review, StepOutOfOrder, lambda r, act=act: act(r, STEP_ON))  # type: ignore[misc]
            assert "so the review can only be closed" in str(error)
    close(review, STEP_ON)
    assert review.stage is Stage.CLOSED


# Dates: a step's date is never after today, before the board became aware, or before the step before it.

STAGES_WITH_A_NEXT_STEP = {
    Stage.NOTIFIED: decide,
    Stage.DECIDED: commission,
    Stage.COMMISSIONED: appoint,
    Stage.REVIEWER_APPOINTED: agree_terms,
    Stage.IN_CONDUCT: draft,
    Stage.REPORT_DRAFTED: sign_off,
    Stage.SIGNED_OFF: send,
    Stage.SENT_TO_PANEL: withhold,
    Stage.PUBLICATION_DEFERRED: withhold,
    Stage.PUBLISHED: close,
    Stage.NOT_PUBLISHED: close,
}
next_steps = st.sampled_from(sorted(STAGES_WITH_A_NEXT_STEP))


@given(stage=next_steps, days_ahead=st.integers(min_value=1, max_value=3650))
def test_a_step_dated_after_today_is_refused(stage: Stage, days_ahead: int) -> None:
    error = refused(
        at(stage), DateInTheFuture, lambda r: STAGES_WITH_A_NEXT_STEP[stage](r, TODAY + timedelta(days_ahead))
    )
    assert f"that is after today ({TODAY})" in str(error)


@given(stage=next_steps, days_before=st.integers(min_value=1, max_value=3650))
def test_a_step_dated_before_the_board_became_aware_is_refused(stage: Stage, days_before: int) -> None:
    on = AWARE_ON - timedelta(days_before)
    expected = DecisionBeforeNotification if stage is Stage.NOTIFIED else DateBeforeAwareness
    refused(at(stage), expected, lambda r: STAGES_WITH_A_NEXT_STEP[stage](r, on))


@given(data=st.data(), stage=next_steps.filter(lambda stage: stage is not Stage.NOTIFIED))
def test_a_step_dated_before_the_step_before_it_is_refused(data: st.DataObject, stage: Stage) -> None:
    review = at(stage)
    previous_step, previous_on = review.last_step
    on = data.draw(st.dates(min_value=AWARE_ON, max_value=previous_on - timedelta(1)))
    error = refused(review, DateBeforePreviousStep, lambda r: STAGES_WITH_A_NEXT_STEP[stage](r, on))
    assert f"before {previous_step} on {previous_on}" in str(error)
    STAGES_WITH_A_NEXT_STEP[stage](review, previous_on)  # the same day as the step before is fine


@given(on=st.dates(min_value=AWARE_ON - timedelta(3650), max_value=ON[Stage.NOTIFIED] - timedelta(1)))
def test_a_decision_dated_before_the_notification_is_refused_as_such(on: date) -> None:
    error = refused(at(Stage.NOTIFIED), DecisionBeforeNotification, lambda r: decide(r, on))
    assert f"before the notification on {ON[Stage.NOTIFIED]}" in str(error)


@given(
    aware_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)),
    notified_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)),
)
def test_a_notification_is_refused_for_a_future_or_reversed_pair_of_dates(aware_on: date, notified_on: date) -> None:
    def notify() -> Review:
        return Review.notify(
            review_id=uuid4(),
            actor_id=COORDINATOR,
            now=NOW,
            board_id=BOARD,
            reference="NVL-2026-002",
            case_reference="Child L",
            incident_kind=IncidentKind.SERIOUS_HARM,
            looked_after=True,
            agencies=[],
            aware_on=aware_on,
            notified_on=notified_on,
        )

    if aware_on > TODAY or notified_on > TODAY:
        with pytest.raises(DateInTheFuture):
            notify()
    elif notified_on < aware_on:
        with pytest.raises(DateBeforeAwareness):
            notify()
    else:
        assert notify().stage is Stage.NOTIFIED


# Pauses.


@given(stage=st.sampled_from(PAUSABLE), data=st.data())
def test_a_paused_review_refuses_every_step_it_would_otherwise_take(stage: Stage, data: st.DataObject) -> None:
    review = at(stage)
    pause(review, review.last_step[1])
    name = data.draw(st.sampled_from(sorted(name for name, (_, allowed) in STEPS.items() if stage in allowed)))
    error = refused(review, ReviewIsPaused, lambda r: STEPS[name][0](r, STEP_ON))
    assert "resume it first" in str(error)
    review.resume(actor_id=COORDINATOR, now=NOW, on=STEP_ON)
    STEPS[name][0](review, STEP_ON)  # resumed, the same step goes ahead


@given(stage=st.sampled_from(ALL_STAGES))
def test_a_review_that_is_not_paused_cannot_be_resumed(stage: Stage) -> None:
    refused(at(stage), ReviewIsNotPaused, lambda r: r.resume(actor_id=COORDINATOR, now=NOW, on=STEP_ON))


# The rules of single steps.


@given(scope_from=st.dates(min_value=date(2000, 1, 1), max_value=TODAY), days=st.integers(1, 5000))
def test_a_scope_period_that_ends_before_it_starts_is_refused(scope_from: date, days: int) -> None:
    scope_to = scope_from - timedelta(days)

    def agree(review: Review) -> None:
        review.agree_terms_of_reference(
            actor_id=COORDINATOR,
            now=NOW,
            on=STEP_ON,
            scope_from=scope_from,
            scope_to=scope_to,
            key_lines_of_enquiry=[],
            agencies=[],
        )

    refused(at(Stage.REVIEWER_APPOINTED), ScopePeriodIsBackwards, agree)


@given(
    stage=st.sampled_from((Stage.SENT_TO_PANEL, Stage.PUBLICATION_DEFERRED)),
    days_before=st.integers(min_value=0, max_value=5000),
)
def test_publication_is_reconsidered_only_after_the_deferral(stage: Stage, days_before: int) -> None:
    on = STEP_ON
    reconsider_on = on - timedelta(days_before)

    def defer_to(review: Review) -> None:
        review.defer_publication(actor_id=COORDINATOR, now=NOW, on=on, reason="Trial", reconsider_on=reconsider_on)

    refused(at(stage), ReconsiderDateNotAfterDeferral, defer_to)


@given(data=st.data(), working_days=st.integers(min_value=1, max_value=30))
def test_publication_sooner_than_the_set_working_days_after_the_panel_copy_is_refused(
    data: st.DataObject, working_days: int
) -> None:
    review = at(Stage.SENT_TO_PANEL)
    sent_on = ON[Stage.SENT_TO_PANEL]
    earliest = add_working_days(sent_on, working_days)
    on = data.draw(st.dates(min_value=sent_on, max_value=earliest - timedelta(1)))

    def publish_on(day: date) -> Callable[[Review], None]:
        return lambda r: r.publish(
            actor_id=COORDINATOR, now=NOW, on=day, location="", panel_copy_working_days=working_days
        )

    error = refused(review, PublishedTooSoonAfterPanelCopy, publish_on(on))
    assert f"no earlier than {earliest}" in str(error)
    publish_on(earliest)(review)
    assert review.stage is Stage.PUBLISHED


# The quality-marker gates.

gate_gaps = st.dictionaries(
    st.sampled_from(SIGN_OFF_MARKERS), st.sampled_from(["unassessed", "not met, unexplained"]), min_size=1
)


@given(gaps=gate_gaps)
def test_sign_off_is_refused_naming_every_marker_of_groups_a_and_b_that_stands_in_the_way(
    gaps: dict[int, str],
) -> None:
    review = drafted(assessed=False)
    on = ON[Stage.REPORT_DRAFTED]
    assess(review, tuple(n for n in SIGN_OFF_MARKERS if n not in gaps), on)
    assess(review, tuple(n for n, gap in gaps.items() if gap != "unassessed"), on, Rating.NOT_MET)
    error = refused(review, SignOffNeedsMarkersAssessed, lambda r: sign_off(r, STEP_ON))
    assert isinstance(error, SignOffNeedsMarkersAssessed)
    expected = [(n, NOT_ASSESSED if gaps[n] == "unassessed" else NO_MITIGATION) for n in sorted(gaps)]
    assert [(gap.marker, gap.problem) for gap in error.gaps] == expected


@given(gaps=st.dictionaries(st.sampled_from(PUBLICATION_MARKERS), st.just("unassessed"), min_size=1))
def test_publication_is_refused_naming_each_of_markers_14_16_and_17_not_assessed(gaps: dict[int, str]) -> None:
    review = drafted(assessed=False)
    on = ON[Stage.REPORT_DRAFTED]
    assess(review, SIGN_OFF_MARKERS + tuple(n for n in PUBLICATION_MARKERS if n not in gaps), on)
    for step in (Stage.SIGNED_OFF, Stage.SENT_TO_PANEL):
        FORWARD[step](review, ON[step])
    error = refused(review, PublicationNeedsMarkersAssessed, lambda r: publish(r, STEP_ON))
    assert isinstance(error, PublicationNeedsMarkersAssessed)
    assert [gap.marker for gap in error.gaps] == sorted(gaps)


@given(data=st.data())
def test_sign_off_cannot_be_dated_before_the_assessments_it_relies_on(data: st.DataObject) -> None:
    review = drafted(assessed=False)
    drafted_on = ON[Stage.REPORT_DRAFTED]
    assessed_on = data.draw(st.dates(min_value=drafted_on + timedelta(1), max_value=TODAY))
    assess(review, SIGN_OFF_MARKERS, assessed_on)
    on = data.draw(st.dates(min_value=drafted_on, max_value=assessed_on - timedelta(1)))
    error = refused(review, StepBeforeItsAssessments, lambda r: sign_off(r, on))
    assert f"assessed on {assessed_on}" in str(error)
    sign_off(review, assessed_on)


def opens_later(number: int, stage: Stage) -> bool:
    """Whether marker `number` opens at a stage after `stage` (group A after the decision, B in conduct...)."""
    return ALL_STAGES.index(ASSESSABLE_FROM[MARKERS.marker(number).group]) > ALL_STAGES.index(stage)


@pytest.mark.parametrize(
    ("stage", "marker"),
    [
        pytest.param(stage, number, id=f"marker {number} at {stage.label}")
        for stage in ALL_STAGES
        if stage is not Stage.CLOSED
        for number in range(1, 19)
        if opens_later(number, stage)
    ],
)
def test_a_marker_is_not_assessed_before_the_review_reaches_its_stage(stage: Stage, marker: int) -> None:
    error = refused(at(stage), MarkerNotYetAssessable, lambda r: assess(r, (marker,), STEP_ON))
    assert f"once the review is {ASSESSABLE_FROM[MARKERS.marker(marker).group].label}" in str(error)


@given(marker=st.integers(min_value=1, max_value=18))
def test_no_marker_is_assessed_on_a_closed_review(marker: int) -> None:
    error = refused(at(Stage.CLOSED), StepOutOfOrder, lambda r: assess(r, (marker,), STEP_ON))
    assert "the review is closed" in str(error)


# Findings.


@pytest.mark.parametrize("stage", [Stage.SIGNED_OFF, Stage.SENT_TO_PANEL, *CLOSING])
def test_findings_are_frozen_from_sign_off(stage: Stage) -> None:
    review = drafted(findings=2)
    for step in (Stage.SIGNED_OFF, Stage.SENT_TO_PANEL, *CLOSING.get(stage, ())):
        if review.stage is not stage:
            FORWARD[step](review, ON[step])
    changes: list[Callable[[Review], object]] = [
        lambda r: log(r, on=STEP_ON),
        lambda r: r.revise_finding(
            actor_id=REVIEWER,
            now=NOW,
            on=STEP_ON,
            number=1,
            content=A_NAMED_FINDING,
            reason="Clearer",
            reference_data=REFERENCE,
        ),
        lambda r: r.rerank_findings(actor_id=REVIEWER, now=NOW, on=STEP_ON, order=[2, 1], reason="Priority"),
        lambda r: r.withdraw_finding(actor_id=REVIEWER, now=NOW, on=STEP_ON, number=1, reason="Duplicate"),
    ]
    for change in changes:
        error = refused(review, FindingsAreFrozen, change)
        assert f"signed off on {ON[Stage.SIGNED_OFF]}" in str(error)


def finding_changes(number: int) -> dict[str, Callable[[Review], object]]:
    """Every step that names a finding in force, aimed at finding `number`."""
    return {
        "revise": lambda r: r.revise_finding(
            actor_id=REVIEWER,
            now=NOW,
            on=STEP_ON,
            number=number,
            content=A_NAMED_FINDING,
            reason="Clearer",
            reference_data=REFERENCE,
        ),
        "withdraw": lambda r: r.withdraw_finding(
            actor_id=REVIEWER, now=NOW, on=STEP_ON, number=number, reason="Duplicate"
        ),
        "check for sharing": lambda r: r.check_finding_for_sharing(
            actor_id=COORDINATOR, now=NOW, on=STEP_ON, number=number
        ),
        "confirm a false positive": lambda r: r.confirm_false_positive(
            actor_id=COORDINATOR, now=NOW, on=STEP_ON, number=number, hit_number=1, reason="A place"
        ),
    }


@given(logged=st.integers(min_value=0, max_value=4), number=st.integers(min_value=1, max_value=999), data=st.data())
def test_a_finding_the_review_does_not_have_is_not_found(logged: int, number: int, data: st.DataObject) -> None:
    review = at(Stage.IN_CONDUCT)
    for _ in range(logged):
        log(review)
    number = number + logged  # past the last finding logged
    change = data.draw(st.sampled_from(sorted(finding_changes(number).items())))[1]
    error = refused(review, UnknownFinding, change)
    assert isinstance(error, NotFound)
    assert f"has no finding F{number}" in str(error)


@given(data=st.data())
def test_a_withdrawn_finding_can_no_longer_be_changed_or_shared(data: st.DataObject) -> None:
    review = at(Stage.IN_CONDUCT)
    log(review)
    log(review)
    review.withdraw_finding(actor_id=REVIEWER, now=NOW, on=STEP_ON, number=1, reason="Duplicate")
    name, change = data.draw(st.sampled_from(sorted(finding_changes(1).items())))
    error = refused(review, FindingIsWithdrawn, change)
    assert "F1 of NVL-2026-001 was withdrawn" in str(error), name


@given(logged=st.integers(min_value=1, max_value=5), data=st.data())
def test_a_new_order_must_name_every_finding_in_force_exactly_once(logged: int, data: st.DataObject) -> None:
    review = at(Stage.IN_CONDUCT)
    for _ in range(logged):
        log(review)
    in_force = list(range(1, logged + 1))
    order = data.draw(
        st.lists(st.integers(min_value=0, max_value=logged + 2), max_size=logged + 2).filter(
            lambda order: sorted(order) != in_force
        )
    )
    refused(
        review,
        RankingMustNameEveryFinding,
        lambda r: r.rerank_findings(actor_id=REVIEWER, now=NOW, on=STEP_ON, order=order, reason="Priority"),
    )
    shuffled = data.draw(st.permutations(in_force))
    review.rerank_findings(actor_id=REVIEWER, now=NOW, on=STEP_ON, order=list(shuffled), reason="Priority")
    assert review.finding_order == list(shuffled)


@given(themes=st.lists(st.sampled_from(["NT04", "nt04", " NT04 "]), min_size=1, max_size=4))
def test_a_revision_that_changes_nothing_is_refused(themes: list[str]) -> None:
    """The same content, its theme named again in any of the ways it may be named, is no revision."""
    review = at(Stage.IN_CONDUCT)
    log(review)
    same = FindingContent(**{**A_FINDING.__dict__, "themes": tuple(themes)})

    def revise(r: Review) -> None:
        r.revise_finding(
            actor_id=REVIEWER, now=NOW, on=STEP_ON, number=1, content=same, reason="Again", reference_data=REFERENCE
        )

    refused(review, RevisionChangesNothing, revise)


def test_a_finding_needs_a_national_theme() -> None:
    review = at(Stage.IN_CONDUCT)
    no_theme = FindingContent(**{**A_FINDING.__dict__, "themes": ()})
    refused(review, FindingNeedsATheme, lambda r: log(r, no_theme))


# What the theme list and the typology answer to: a theme's id or exact name, a category's id or number.
THEME_KEYS = {key.casefold() for theme in REFERENCE.themes.themes for key in (theme.id, theme.name)}
PATTERN_KEYS = {key for category in REFERENCE.typology.categories for key in (category.id, str(category.number))}


@given(theme=st.text(min_size=1, max_size=12).filter(lambda text: text.strip().casefold() not in THEME_KEYS))
def test_a_finding_with_a_theme_the_list_does_not_hold_is_refused(theme: str) -> None:
    review = at(Stage.IN_CONDUCT)
    unknown = FindingContent(**{**A_FINDING.__dict__, "themes": ("NT04", theme)})
    refused(review, UnknownTheme, lambda r: log(r, unknown))


@given(pattern=st.text(min_size=1, max_size=30).filter(lambda text: text.strip().lower() not in PATTERN_KEYS))
def test_a_finding_with_a_pattern_the_typology_does_not_hold_is_refused(pattern: str) -> None:
    review = at(Stage.IN_CONDUCT)
    unknown = FindingContent(**{**A_FINDING.__dict__, "pattern": pattern})
    refused(review, UnknownPatternCategory, lambda r: log(r, unknown))


# Sharing a finding beyond the board.


def confirm(number: int, hit: int) -> Callable[[Review], object]:
    return lambda r: r.confirm_false_positive(
        actor_id=COORDINATOR, now=NOW, on=STEP_ON, number=number, hit_number=hit, reason="Not a person"
    )


def check(review: Review, number: int) -> None:
    review.check_finding_for_sharing(actor_id=COORDINATOR, now=NOW, on=STEP_ON, number=number)


def test_a_hit_is_confirmed_false_only_on_a_finding_checked_since_its_last_revision() -> None:
    review = at(Stage.IN_CONDUCT)
    log(review, A_NAMED_FINDING)
    refused(review, FindingNotCheckedForSharing, confirm(1, 1))  # never checked
    check(review, 1)
    review.revise_finding(
        actor_id=REVIEWER,
        now=NOW,
        on=STEP_ON,
        number=1,
        content=FindingContent(**{**A_NAMED_FINDING.__dict__, "causes": "Records were kept apart."}),
        reason="Clearer",
        reference_data=REFERENCE,
    )
    error = refused(review, FindingNotCheckedForSharing, confirm(1, 1))  # checked, then revised
    assert "ask to share it first" in str(error)


@given(hit=st.integers(min_value=-5, max_value=50))
def test_only_a_hit_the_last_check_found_can_be_confirmed_false(hit: int) -> None:
    review = at(Stage.IN_CONDUCT)
    log(review, A_NAMED_FINDING)
    check(review, 1)
    found = [h.number for h in review.finding(1).sharing.hits]
    assert found == [1, 2]  # the name and the date of birth
    if hit in found:
        confirm(1, hit)(review)
    else:
        error = refused(review, UnknownRedactionHit, confirm(1, hit))
        assert isinstance(error, NotFound)


@given(hit=st.sampled_from([1, 2]))
def test_a_hit_is_confirmed_false_once(hit: int) -> None:
    review = at(Stage.IN_CONDUCT)
    log(review, A_NAMED_FINDING)
    check(review, 1)
    confirm(1, hit)(review)
    error = refused(review, HitAlreadyConfirmedFalse, confirm(1, hit))
    assert f"hit {hit} of F1 was already confirmed" in str(error)


# Who may act: the refusals of access.py, decided on the actor and the review alone.

OTHER_BOARD = uuid4()


def actors() -> st.SearchStrategy[Actor]:
    return st.builds(
        Actor,
        user_id=st.sampled_from([REVIEWER, COORDINATOR, uuid4()]),
        username=st.just("someone"),
        role=st.sampled_from(Role),
        board_id=st.sampled_from([BOARD, OTHER_BOARD, None]),
    )


def is_board_coordinator(actor: Actor) -> bool:
    return actor.role is Role.COORDINATOR and actor.board_id == BOARD


def is_appointed_reviewer(actor: Actor) -> bool:
    return actor.role is Role.LEAD_REVIEWER and actor.user_id == REVIEWER


APPOINTED = at(Stage.REVIEWER_APPOINTED)  # read only below: access checks record nothing


def allowed_or_refused(allowed: bool, error: type[Exception], check: Callable[[], None]) -> None:
    if allowed:
        check()
    else:
        with pytest.raises(error):
            check()


@given(actor=actors())
def test_only_a_coordinator_of_the_board_advances_notifies_or_assesses(actor: Actor) -> None:
    allowed = is_board_coordinator(actor)
    allowed_or_refused(allowed, ActorMayNotAdvanceReview, lambda: require_may_advance(actor, APPOINTED))
    allowed_or_refused(allowed, ActorMayNotNotify, lambda: require_may_notify(actor, BOARD))
    allowed_or_refused(allowed, OnlyCoordinatorsAssessMarkers, lambda: require_may_assess_markers(actor, APPOINTED))


@given(actor=actors())
def test_only_an_admin_or_a_coordinator_of_the_board_lists_its_reviews(actor: Actor) -> None:
    allowed = actor.role is Role.ADMIN or is_board_coordinator(actor)
    allowed_or_refused(allowed, ActorMayNotListBoard, lambda: require_may_list_board(actor, BOARD, "NVL"))


@given(actor=actors())
def test_among_reviewers_only_the_appointed_one_acts_and_writes_findings(actor: Actor) -> None:
    allowed_or_refused(
        is_appointed_reviewer(actor),
        OnlyTheAppointedReviewerWritesFindings,
        lambda: require_is_appointed_reviewer(actor, APPOINTED),
    )
    if actor.role is Role.LEAD_REVIEWER:
        expected: type[Exception] = ActorIsNotTheAppointedReviewer
        allowed = is_appointed_reviewer(actor)
    else:
        expected, allowed = ActorMayNotAdvanceReview, is_board_coordinator(actor)
    allowed_or_refused(
        allowed, expected, lambda: require_may_act_as_coordinator_or_appointed_reviewer(actor, APPOINTED)
    )


def test_every_refusal_here_is_a_rule_broken_a_not_found_or_a_not_authorised() -> None:
    """The interfaces map these families to one message and one status each (errors.py)."""
    from lipp.domain.errors import InvalidInput, NotAuthorised

    refusals: list[type[Exception]] = [
        StepOutOfOrder,
        ReviewIsPaused,
        ReviewIsNotPaused,
        DateInTheFuture,
        DateBeforeAwareness,
        DateBeforePreviousStep,
        DecisionBeforeNotification,
        NoLocalReviewWasDecided,
        ScopePeriodIsBackwards,
        ReconsiderDateNotAfterDeferral,
        PublishedTooSoonAfterPanelCopy,
        SignOffNeedsMarkersAssessed,
        PublicationNeedsMarkersAssessed,
        StepBeforeItsAssessments,
        MarkerNotYetAssessable,
        FindingsAreFrozen,
        FindingIsWithdrawn,
        RankingMustNameEveryFinding,
        RevisionChangesNothing,
        FindingNeedsATheme,
        FindingNotCheckedForSharing,
        HitAlreadyConfirmedFalse,
    ]
    assert all(issubclass(error, RuleBroken) for error in refusals)
    assert all(issubclass(error, NotFound) for error in (UnknownFinding, UnknownRedactionHit))
    assert all(issubclass(error, InvalidInput) for error in (UnknownTheme, UnknownPatternCategory))
    assert all(
        issubclass(error, NotAuthorised)
        for error in (
            ActorMayNotAdvanceReview,
            ActorIsNotTheAppointedReviewer,
            ActorMayNotListBoard,
            ActorMayNotNotify,
            OnlyTheAppointedReviewerWritesFindings,
            OnlyCoordinatorsAssessMarkers,
        )
    )
