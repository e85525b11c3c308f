"""Random sequences of review commands, actors, dates and clock moves against a reference model of the process.

The model says, before each command, whether lipp must accept it and, if not, which named rule refuses it.
After every step the stored review must equal the model, and nothing refused may have left a trace.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from lipp.application.reviews import AppointeeIsNotALeadReviewer, UnknownReview
from lipp.bootstrap import build
from lipp.commands import reviews as c
from lipp.config import Settings
from lipp.domain.actors import Actor
from lipp.domain.calendar import add_working_days
from lipp.domain.clock import SettableClock
from lipp.domain.errors import LippError, NotAuthorised
from lipp.domain.identifiers import review_id_for
from lipp.domain.review.access import ActorMayNotNotify
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
from lipp.domain.review.vocabulary import Stage
from tests.conftest import People

S = Stage
PUBLISHING = frozenset({S.SENT_TO_PANEL, S.PUBLICATION_DEFERRED})
# Which stages each step may be taken from, and where it leads (None: the stage stays as it is).
TRANSITIONS: dict[str, tuple[frozenset[Stage], Stage | None]] = {
    "decide": (frozenset({S.NOTIFIED}), S.DECIDED),
    "commission": (frozenset({S.DECIDED}), S.COMMISSIONED),
    "appoint": (frozenset({S.COMMISSIONED, S.REVIEWER_APPOINTED, S.IN_CONDUCT}), None),
    "terms": (frozenset({S.REVIEWER_APPOINTED}), S.IN_CONDUCT),
    "pause": (frozenset({S.COMMISSIONED, S.REVIEWER_APPOINTED, S.IN_CONDUCT, S.REPORT_DRAFTED}), None),
    "resume": (frozenset(Stage), None),
    "draft": (frozenset({S.IN_CONDUCT}), S.REPORT_DRAFTED),
    "sign_off": (frozenset({S.REPORT_DRAFTED}), S.SIGNED_OFF),
    "send": (frozenset({S.SIGNED_OFF}), S.SENT_TO_PANEL),
    "defer": (PUBLISHING, S.PUBLICATION_DEFERRED),
    "publish": (PUBLISHING, S.PUBLISHED),
    "withhold": (PUBLISHING, S.NOT_PUBLISHED),
    "close": (frozenset({S.PUBLISHED, S.NOT_PUBLISHED}), S.CLOSED),
}
ACTORS = (
    "coordinator",
    "coordinator",
    "coordinator",
    "other_coordinator",
    "reviewer",
    "other_reviewer",
    "national_body",
    "admin",
)
USERNAMES = {"reviewer": "reviewer.a", "other_reviewer": "reviewer.b"}
APPOINTEES = ("reviewer.a", "reviewer.b", "nvl.coordinator")
START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
PANEL_COPY_WORKING_DAYS = 7

days = st.one_of(st.just(0), st.integers(min_value=-40, max_value=2))


@dataclass
class ReviewModel:
    """What the coordinator would expect the review to be."""

    reference: str | None = None
    case: str = "Child K"
    aware_on: date = date(2026, 1, 1)
    stage: Stage | None = None
    version: int = 0
    step_dates: list[date] = field(default_factory=list)
    decision: str | None = None
    lead_reviewer: str | None = None
    paused_since: date | None = None
    sent_on: date | None = None

    @property
    def last_on(self) -> date:
        return self.step_dates[-1]


class ReviewLifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="lipp-machine-"))
        self.clock = SettableClock(START)
        self.lipp = build(Settings(data_dir=self.folder, database_url=None), self.clock)
        self.people = People(self.lipp)
        self.model = ReviewModel()

    def teardown(self) -> None:
        self.lipp.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # Helpers.

    @property
    def today(self) -> date:
        return self.clock.now().date()  # the clock stays at 10:00 UTC: the same day in England

    def actor(self, who: str) -> Actor:
        actor: Actor = getattr(self.people, who)
        return actor

    def last_event(self) -> int:
        return self.lipp.reviews.recorder.max_notification_id() or 0

    def sees(self, who: str) -> bool:
        if who in ("coordinator", "admin"):
            return True
        return who in USERNAMES and self.model.lead_reviewer == USERNAMES[who]

    def dates_refusal(self, on: date) -> type[LippError] | None:
        if on > self.today:
            return DateInTheFuture
        if on < self.model.aware_on:
            return DateBeforeAwareness
        if on < self.model.last_on:
            return DateBeforePreviousStep
        return None

    def predict(self, step: str, who: str, on: date, **extra: object) -> type[LippError] | None:
        """The refusal lipp must give, in the order its checks run; None when the step must be accepted."""
        model = self.model
        assert model.stage is not None
        if not self.sees(who):
            return UnknownReview
        reviewer_drafts = step == "draft" and who in USERNAMES
        if who != "coordinator" and not reviewer_drafts:
            return NotAuthorised
        if step == "appoint" and extra["reviewer"] not in USERNAMES.values():
            return AppointeeIsNotALeadReviewer
        if step == "resume":
            return ReviewIsNotPaused if model.paused_since is None else self.dates_refusal(on)
        allowed, _ = TRANSITIONS[step]
        if step == "close" and model.decision not in (None, "local_review"):
            allowed = allowed | {S.DECIDED}
        if model.stage not in allowed:
            return StepOutOfOrder
        if step == "decide" and on < model.step_dates[0]:
            return DecisionBeforeNotification
        if model.paused_since is not None:
            return ReviewIsPaused
        refusal = self.dates_refusal(on)
        if refusal is not None:
            return refusal
        if step == "commission" and model.decision != "local_review":
            return NoLocalReviewWasDecided
        reconsider_on = extra.get("reconsider_on")
        if step == "defer" and isinstance(reconsider_on, date) and reconsider_on <= on:
            return ReconsiderDateNotAfterDeferral
        if step == "publish" and model.sent_on and on < add_working_days(model.sent_on, PANEL_COPY_WORKING_DAYS):
            return PublishedTooSoonAfterPanelCopy
        return None

    def accept(self, step: str, on: date, **extra: object) -> None:
        """Move the model as the accepted step moves the review."""
        model = self.model
        assert model.stage is not None
        _, leads_to = TRANSITIONS[step]
        if step == "appoint":
            model.lead_reviewer = str(extra["reviewer"])
            leads_to = S.REVIEWER_APPOINTED if model.stage is S.COMMISSIONED else None
        elif step == "decide":
            model.decision = str(extra["decision"])
        elif step == "pause":
            model.paused_since = on
        elif step == "resume":
            model.paused_since = None
        elif step == "send":
            model.sent_on = on
        model.stage = leads_to or model.stage
        model.version += 1
        model.step_dates.append(on)

    def run(self, step: str, who: str, command: c.ReviewStep, **extra: object) -> None:
        on = command.on or self.today
        expected = self.predict(step, who, on, **extra)
        version_before, last_event_before = self.model.version, self.last_event()
        try:
            receipt = self.lipp.reviews.execute(self.actor(who), command)
        except LippError as error:
            assert expected is not None, f"{step} by {who} on {on} was refused ({error!r}) but should be accepted"
            assert isinstance(error, expected), f"{step} by {who} on {on}: expected {expected.__name__}, got {error!r}"
            assert self.last_event() == last_event_before, "a refused step left an event behind"
            return
        assert expected is None, f"{step} by {who} on {on} was accepted but {expected.__name__} should refuse it"
        self.accept(step, on, **extra)
        event(f"reached {self.model.stage}")
        assert (receipt.stage, receipt.version) == (self.model.stage, version_before + 1)
        assert self.last_event() == last_event_before + 1, "an accepted step records exactly one event"

    def on(self, offset: int | None) -> date | None:
        return None if offset is None else self.today + timedelta(days=offset)

    # Rules.

    @rule(days_later=st.integers(min_value=1, max_value=45))
    def time_passes(self, days_later: int) -> None:
        self.clock.advance(timedelta(days=days_later))

    @precondition(lambda self: self.model.reference is None)
    @rule(who=st.sampled_from(ACTORS), aware=st.integers(-20, 1), notified=st.one_of(st.none(), st.integers(-20, 1)))
    def notify(self, who: str, aware: int, notified: int | None) -> None:
        aware_on = self.today + timedelta(days=aware)
        notified_on = self.on(notified)
        effective = notified_on or self.today
        expected: type[LippError] | None = None
        if who != "coordinator":
            expected = ActorMayNotNotify
        elif aware_on > self.today or effective > self.today:
            expected = DateInTheFuture
        elif effective < aware_on:
            expected = DateBeforeAwareness
        command = c.NotifyIncident(
            board="NVL",
            case_reference=self.model.case,
            incident_kind="death",
            looked_after=False,
            agencies=["police"],
            aware_on=aware_on,
            notified_on=notified_on,
        )
        last_event_before = self.last_event()
        try:
            receipt = self.lipp.reviews.notify_incident(self.actor(who), command)
        except LippError as error:
            assert expected is not None and isinstance(error, expected), f"notify: expected {expected}, got {error!r}"
            assert self.last_event() == last_event_before
            return
        assert expected is None, f"notify by {who} aware {aware_on} on {effective} should be refused by {expected}"
        assert receipt.reference == f"NVL-{aware_on.year}-001"
        assert (receipt.stage, receipt.version) == ("notified", 1)
        # The review's first event, and the claim on the incident that refuses a second notification.
        assert self.last_event() == last_event_before + 2
        self.model.reference = receipt.reference
        self.model.aware_on = aware_on
        self.model.stage = S.NOTIFIED
        self.model.version = 1
        self.model.step_dates = [effective]

    def next_step(self, choice: int) -> tuple[str, str, c.ReviewStep, dict[str, object]]:
        """What a coordinator would do next today (the appointed reviewer drafts)."""
        model = self.model
        assert model.stage is not None and model.reference is not None
        ref = model.reference
        if model.paused_since is not None:
            return "resume", "coordinator", c.ResumeReview(reference=ref), {}
        decision = ("local_review", "local_review", "no_further_review")[choice]
        if model.stage is S.NOTIFIED:
            decide = c.RecordRapidReviewDecision(reference=ref, decision=decision, rationale="Learning")
            return "decide", "coordinator", decide, {"decision": decision}
        if model.stage is S.DECIDED and model.decision == "local_review":
            return "commission", "coordinator", c.CommissionReview(reference=ref, kind="scr", methodology="silp"), {}
        if model.stage is S.COMMISSIONED:
            return (
                "appoint",
                "coordinator",
                c.AppointLeadReviewer(reference=ref, reviewer="reviewer.a"),
                {"reviewer": "reviewer.a"},
            )
        if model.stage is S.REVIEWER_APPOINTED:
            terms = c.AgreeTermsOfReference(
                reference=ref,
                scope_from=date(2025, 1, 1),
                scope_to=date(2025, 6, 30),
                key_lines_of_enquiry=["What did each agency know?"],
                agencies=["education"],
            )
            return "terms", "coordinator", terms, {}
        if model.stage is S.IN_CONDUCT:
            who = "reviewer" if model.lead_reviewer == "reviewer.a" else "coordinator"
            return "draft", who, c.RecordReportDrafted(reference=ref), {}
        if model.stage is S.REPORT_DRAFTED:
            return "sign_off", "coordinator", c.SignOffReport(reference=ref, board_response="Accepted"), {}
        if model.stage is S.SIGNED_OFF:
            return "send", "coordinator", c.SendReportToPanel(reference=ref), {}
        if model.stage in PUBLISHING and choice == 0:
            withhold = c.WithholdPublication(reference=ref, reason="Siblings", improvement_information="Summary")
            return "withhold", "coordinator", withhold, {}
        if model.stage in PUBLISHING:
            return "publish", "coordinator", c.PublishReport(reference=ref), {}
        return "close", "coordinator", c.CloseReview(reference=ref), {}

    @precondition(lambda self: self.model.stage not in (None, S.CLOSED))
    @rule(choices=st.lists(st.integers(0, 2), min_size=1, max_size=4), pace=st.integers(0, 12))
    def the_coordinator_takes_the_next_steps(self, choices: list[int], pace: int) -> None:
        """Random steps rarely get far; a coordinator doing the expected next things moves the story on."""
        for choice in choices:
            if self.model.stage is S.CLOSED:
                return
            self.clock.advance(timedelta(days=pace))
            step, who, command, extra = self.next_step(choice)
            self.run(step, who, command, **extra)

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), notified=st.one_of(st.none(), st.integers(-5, 0)))
    def notify_the_same_incident_again(self, who: str, notified: int | None) -> None:
        command = c.NotifyIncident(
            board="NVL",
            case_reference=self.model.case.upper(),
            incident_kind="serious_harm",
            looked_after=True,
            agencies=["health"],
            aware_on=self.model.aware_on,
            notified_on=self.on(notified),
        )
        expected = DuplicateNotification if who == "coordinator" else ActorMayNotNotify
        last_event_before = self.last_event()
        try:
            self.lipp.reviews.notify_incident(self.actor(who), command)
        except LippError as error:
            assert isinstance(error, expected), f"expected {expected.__name__}, got {error!r}"
            if expected is DuplicateNotification:
                assert str(self.model.reference) in str(error)
            assert self.last_event() == last_event_before
            return
        raise AssertionError("the same incident was notified twice")

    @precondition(lambda self: self.model.reference is not None)
    @rule(
        who=st.sampled_from(ACTORS),
        offset=st.one_of(st.none(), days),
        decision=st.sampled_from(["local_review", "local_review", "other_learning", "no_further_review"]),
    )
    def decide(self, who: str, offset: int | None, decision: str) -> None:
        command = c.RecordRapidReviewDecision(
            reference=str(self.model.reference), on=self.on(offset), decision=decision, rationale="Learning"
        )
        self.run("decide", who, command, decision=decision)

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), offset=st.one_of(st.none(), days))
    def commission(self, who: str, offset: int | None) -> None:
        command = c.CommissionReview(
            reference=str(self.model.reference), on=self.on(offset), kind="lcspr", methodology="learning_together"
        )
        self.run("commission", who, command)

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), offset=st.one_of(st.none(), days), appointee=st.sampled_from(APPOINTEES))
    def appoint(self, who: str, offset: int | None, appointee: str) -> None:
        command = c.AppointLeadReviewer(reference=str(self.model.reference), on=self.on(offset), reviewer=appointee)
        self.run("appoint", who, command, reviewer=appointee)

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), offset=st.one_of(st.none(), days))
    def agree_terms(self, who: str, offset: int | None) -> None:
        command = c.AgreeTermsOfReference(
            reference=str(self.model.reference),
            on=self.on(offset),
            scope_from=date(2025, 1, 1),
            scope_to=date(2025, 12, 31),
            key_lines_of_enquiry=["How was risk shared?"],
            agencies=["police", "health"],
        )
        self.run("terms", who, command)

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), offset=st.one_of(st.none(), days))
    def pause(self, who: str, offset: int | None) -> None:
        command = c.PauseReview(
            reference=str(self.model.reference), on=self.on(offset), process="inquest", reason="Inquest"
        )
        self.run("pause", who, command)

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), offset=st.one_of(st.none(), days))
    def resume(self, who: str, offset: int | None) -> None:
        self.run("resume", who, c.ResumeReview(reference=str(self.model.reference), on=self.on(offset)))

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), offset=st.one_of(st.none(), days))
    def draft(self, who: str, offset: int | None) -> None:
        self.run("draft", who, c.RecordReportDrafted(reference=str(self.model.reference), on=self.on(offset)))

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), offset=st.one_of(st.none(), days))
    def sign_off(self, who: str, offset: int | None) -> None:
        command = c.SignOffReport(reference=str(self.model.reference), on=self.on(offset), board_response="Accepted")
        self.run("sign_off", who, command)

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), offset=st.one_of(st.none(), days))
    def send_to_panel(self, who: str, offset: int | None) -> None:
        self.run("send", who, c.SendReportToPanel(reference=str(self.model.reference), on=self.on(offset)))

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), offset=st.one_of(st.none(), days), later=st.integers(-2, 60))
    def defer_publication(self, who: str, offset: int | None, later: int) -> None:
        on = self.on(offset)
        reconsider_on = (on or self.today) + timedelta(days=later)
        command = c.DeferPublication(
            reference=str(self.model.reference), on=on, reason="Trial", reconsider_on=reconsider_on
        )
        self.run("defer", who, command, reconsider_on=reconsider_on)

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), offset=st.one_of(st.none(), days))
    def publish(self, who: str, offset: int | None) -> None:
        self.run("publish", who, c.PublishReport(reference=str(self.model.reference), on=self.on(offset)))

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), offset=st.one_of(st.none(), days))
    def withhold_publication(self, who: str, offset: int | None) -> None:
        command = c.WithholdPublication(
            reference=str(self.model.reference), on=self.on(offset), reason="Siblings", improvement_information="Info"
        )
        self.run("withhold", who, command)

    @precondition(lambda self: self.model.reference is not None)
    @rule(who=st.sampled_from(ACTORS), offset=st.one_of(st.none(), days))
    def close(self, who: str, offset: int | None) -> None:
        self.run("close", who, c.CloseReview(reference=str(self.model.reference), on=self.on(offset)))

    # Invariants.

    @invariant()
    def the_stored_review_is_the_model(self) -> None:
        model = self.model
        if model.reference is None:
            assert self.lipp.reviews.register(self.people.admin, "NVL") == []
            return
        review = self.lipp.reviews.repository.get(review_id_for(model.reference))
        assert (review.version, review.stage, review.paused_since) == (model.version, model.stage, model.paused_since)
        assert (review.decision.value if review.decision else None) == model.decision
        lead_reviewer = self.lipp.registry.username_of(review.lead_reviewer_id) if review.lead_reviewer_id else None
        assert lead_reviewer == model.lead_reviewer
        assert review.aware_on == model.aware_on

    @invariant()
    def the_timeline_has_one_entry_per_version_with_dates_in_order(self) -> None:
        model = self.model
        if model.reference is None:
            return
        timeline = self.lipp.reviews.timeline(self.people.admin, model.reference)
        assert len(timeline) == model.version
        assert [entry.version for entry in timeline] == list(range(1, model.version + 1))
        dates = [entry.on for entry in timeline]
        assert dates == model.step_dates
        assert dates == sorted(dates), "step dates never go backwards"
        assert all(day >= model.aware_on for day in dates), "no step precedes the board's awareness"
        assert all(day <= self.today for day in dates), "no step is dated after the day it was recorded"


ReviewLifecycle.TestCase.settings = settings(
    max_examples=100,
    stateful_step_count=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestReviewLifecycle = ReviewLifecycle.TestCase
