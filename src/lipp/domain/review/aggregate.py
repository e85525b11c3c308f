"""The Review aggregate: its events, state and the rules its steps keep."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from lipp.domain.calendar import add_working_days
from lipp.domain.clock import ENGLAND
from lipp.domain.reference.markers import MarkerSet, marker_set
from lipp.domain.review.dates import ReviewDates
from lipp.domain.review.event import ReviewEvent
from lipp.domain.review.finding_steps import FindingSteps
from lipp.domain.review.marker_steps import MarkerSteps
from lipp.domain.review.recommendation_steps import RecommendationSteps
from lipp.domain.review.rules import (
    DateInTheFuture,
    DecisionBeforeNotification,
    NoLocalReviewWasDecided,
    NoOneToldOfTheDelay,
    PublishedTooSoonAfterPanelCopy,
    ReconsiderDateNotAfterDeferral,
    ReviewIsNotPaused,
    ReviewIsPaused,
    ScopePeriodIsBackwards,
    require_date_in_order,
    require_stage,
)
from lipp.domain.review.sharing_steps import SharingSteps
from lipp.domain.review.vocabulary import (
    Agency,
    Decision,
    DelayRecipient,
    IncidentKind,
    Methodology,
    ParallelProcess,
    ReviewKind,
    Stage,
)

PAUSABLE = (Stage.COMMISSIONED, Stage.REVIEWER_APPOINTED, Stage.IN_CONDUCT, Stage.REPORT_DRAFTED)
APPOINTABLE = (Stage.COMMISSIONED, Stage.REVIEWER_APPOINTED, Stage.IN_CONDUCT)
EXPLAINABLE = tuple(Stage)[tuple(Stage).index(Stage.DECIDED) : tuple(Stage).index(Stage.PUBLISHED)]
"""From the decision to hold a local review until publication (or the decision not to publish), the review or
its publication can be delayed."""
PUBLISHING = (Stage.SENT_TO_PANEL, Stage.PUBLICATION_DEFERRED)
STEPS: dict[str, tuple[tuple[Stage, ...], str]] = {
    # each step after notification (by its method's name): the stages it is taken from, and how it is named
    "decide": ((Stage.NOTIFIED,), "record the rapid review decision"),
    "commission": ((Stage.DECIDED,), "commission the review"),
    "appoint_lead_reviewer": (APPOINTABLE, "appoint a lead reviewer"),
    "agree_terms_of_reference": ((Stage.REVIEWER_APPOINTED,), "agree the terms of reference"),
    "pause": (PAUSABLE, "pause the review"),
    "resume": ((), "resume the review"),
    "explain_delay": (EXPLAINABLE, "explain a delay to the Panel"),
    "record_report_drafted": ((Stage.IN_CONDUCT,), "record the report as drafted"),
    "sign_off": ((Stage.REPORT_DRAFTED,), "sign off the report"),
    "send_to_panel": ((Stage.SIGNED_OFF,), "send the report to the Panel"),
    "defer_publication": (PUBLISHING, "defer publication"),
    "publish": (PUBLISHING, "publish the report"),
    "withhold_publication": (PUBLISHING, "decide not to publish"),
    "close": ((Stage.PUBLISHED, Stage.NOT_PUBLISHED), "close the review"),
}


class Review(SharingSteps, FindingSteps, RecommendationSteps, MarkerSteps, Aggregate):
    """One notified serious incident and the review that may follow it, from notification to closure.

    Findings, their sharing beyond the board, the report's recommendations and quality-marker assessments are
    parts kept in their own modules (`finding_steps`, `sharing_steps`, `recommendation_steps`, `marker_steps`);
    their events are Review events like the rest.
    (`FindingSteps` is named although `SharingSteps` extends it: eventsourcing redefines on the aggregate only
    the events of its direct bases.)

    Business dates (`on`) are what the coordinator says happened; each event's `timestamp` is when lipp
    recorded it. Deadlines run from business dates; "as it stood" views cut by timestamp.
    """

    class Event(ReviewEvent):
        """Every review event records who acted and the business date of the step."""

    class Notified(Event, Aggregate.Created):
        """The board notified the national Panel of a serious incident."""

        board_id: UUID
        reference: str
        case_reference: str
        incident_kind: str
        looked_after: bool
        agencies: list[dict[str, str]]
        aware_on: date

        def apply(self, aggregate: Any) -> None:
            review: Review = aggregate
            review.board_id = self.board_id
            review.reference = self.reference
            review.case_reference = self.case_reference
            review.incident_kind = IncidentKind(self.incident_kind)
            review.looked_after = self.looked_after
            review.agencies = [Agency.from_dict(a) for a in self.agencies]
            review.aware_on = self.aware_on
            review.notified_on = self.on
            review.stage = Stage.NOTIFIED
            review.step_dates = {Stage.NOTIFIED: self.on}
            review.last_step = ("the notification", self.on)
            review.decision = None
            review.decided_on = None
            review.rationale = ""
            review.kind = None
            review.methodology = None
            review.lead_reviewer_id = None
            review.scope = None
            review.key_lines_of_enquiry = []
            review.paused_since = None
            review.paused_for = None
            review.pauses = []
            review.delay_explanations = []
            review.publication_reconsider_on = None
            review.findings = {}
            review.finding_order = []
            review.findings_withheld = False
            review.assessments = {}
            review.recommendations = {}

        def summary(self) -> str:
            what = "a child's death" if self.incident_kind == IncidentKind.DEATH else "serious harm to a child"
            looked_after = "looked after; " if self.looked_after else ""
            return f"Notified the Panel of {what} ({looked_after}board aware {self.aware_on})"

    class RapidReviewDecided(Event):
        """The rapid review was held and decided whether to commission a local review."""

        decision: str
        rationale: str

        def apply(self, aggregate: Any) -> None:
            review: Review = aggregate
            review.decision = Decision(self.decision)
            review.decided_on = self.on
            review.rationale = self.rationale
            review.advance(Stage.DECIDED, "the rapid review decision", self.on)

        def summary(self) -> str:
            return f"Rapid review decided: {self.decision.replace('_', ' ')}"

        def why(self) -> str:
            return self.rationale

    class Commissioned(Event):
        """The board commissioned the review, choosing its kind and method."""

        kind: str
        methodology: str

        def apply(self, aggregate: Any) -> None:
            review: Review = aggregate
            review.kind = ReviewKind(self.kind)
            review.methodology = Methodology(self.methodology)
            review.advance(Stage.COMMISSIONED, "commissioning", self.on)

        def summary(self) -> str:
            return f"Commissioned an {self.kind.upper()} ({self.methodology.replace('_', ' ')})"

    class LeadReviewerAppointed(Event):
        """An independent lead reviewer was appointed (or replaced the one before)."""

        reviewer_id: UUID
        replaces_id: UUID | None

        def apply(self, aggregate: Any) -> None:
            review: Review = aggregate
            review.lead_reviewer_id = self.reviewer_id
            if review.stage is Stage.COMMISSIONED:
                review.advance(Stage.REVIEWER_APPOINTED, "the lead reviewer's appointment", self.on)
            else:  # a replacement keeps the stage and the dates of the steps already taken
                review.last_step = ("the lead reviewer's replacement", self.on)

        def summary(self) -> str:
            return "Replaced the lead reviewer" if self.replaces_id else "Appointed the lead reviewer"

    class TermsOfReferenceAgreed(Event):
        """Scope period, key lines of enquiry and agencies were agreed; conduct begins."""

        scope_from: date
        scope_to: date
        key_lines_of_enquiry: list[str]
        agencies: list[dict[str, str]]

        def apply(self, aggregate: Any) -> None:
            review: Review = aggregate
            review.scope = (self.scope_from, self.scope_to)
            review.key_lines_of_enquiry = list(self.key_lines_of_enquiry)
            review.agencies = [Agency.from_dict(a) for a in self.agencies]
            review.advance(Stage.IN_CONDUCT, "the terms of reference", self.on)

        def summary(self) -> str:
            lines = len(self.key_lines_of_enquiry)
            return (
                f"Agreed terms of reference: scope {self.scope_from} to {self.scope_to}, "
                f"{lines} key {'line' if lines == 1 else 'lines'} of enquiry"
            )

    class Paused(Event):
        """The review was paused for a parallel process."""

        process: str
        reason: str

        def apply(self, aggregate: Any) -> None:
            review: Review = aggregate
            review.paused_since = self.on
            review.paused_for = ParallelProcess(self.process)
            review.last_step = ("the pause", self.on)
            if review.paused_for is ParallelProcess.CRIMINAL_TRIAL:  # until a coordinator releases them
                review.findings_withheld = True

        def summary(self) -> str:
            return f"Paused for a parallel process ({self.process.replace('_', ' ')})"

        def why(self) -> str:
            return self.reason

    class Resumed(Event):
        """The review resumed after a pause."""

        def apply(self, aggregate: Any) -> None:
            review: Review = aggregate
            assert review.paused_since is not None
            review.pauses.append((review.paused_since, self.on))
            review.paused_since = None
            review.paused_for = None
            review.last_step = ("the resumption", self.on)

        def summary(self) -> str:
            return "Resumed"

    class DelayExplained(Event):
        """The partners told the national Panel (and the Secretary of State) why the review or its publication
        is delayed beyond the aim."""

        recipients: list[str]
        reason: str

        def apply(self, aggregate: Any) -> None:
            review: Review = aggregate
            review.delay_explanations.append((self.on, tuple(DelayRecipient(r) for r in self.recipients)))
            review.last_step = ("the explanation of the delay", self.on)

        def summary(self) -> str:
            told = " and ".join(DelayRecipient(r).label for r in self.recipients)
            return f"Delay explained to {told}"

        def why(self) -> str:
            return self.reason

    class ReportDrafted(Event):
        """The lead reviewer delivered the draft report."""

        def apply(self, aggregate: Any) -> None:
            aggregate.advance(Stage.REPORT_DRAFTED, "the draft report", self.on)

        def summary(self) -> str:
            return "Report drafted"

    class SignedOff(Event):
        """The board signed off the report with its written response."""

        board_response: str

        def apply(self, aggregate: Any) -> None:
            aggregate.board_response = self.board_response
            aggregate.advance(Stage.SIGNED_OFF, "sign-off", self.on)

        def summary(self) -> str:
            return "Report signed off with the board's written response"

    class SentToPanel(Event):
        """The final report went to the national Panel (and the Secretary of State)."""

        def apply(self, aggregate: Any) -> None:
            aggregate.advance(Stage.SENT_TO_PANEL, "the copy to the Panel", self.on)

        def summary(self) -> str:
            return "Copy of the report sent to the national Panel"

    class PublicationDeferred(Event):
        """Publication was deferred, typically for criminal proceedings, to be reconsidered on a date."""

        reason: str
        reconsider_on: date

        def apply(self, aggregate: Any) -> None:
            aggregate.publication_reconsider_on = self.reconsider_on
            aggregate.advance(Stage.PUBLICATION_DEFERRED, "the deferral", self.on)

        def summary(self) -> str:
            return f"Publication deferred, to be reconsidered on {self.reconsider_on}"

        def why(self) -> str:
            return self.reason

    class Published(Event):
        """The report was published."""

        location: str

        def apply(self, aggregate: Any) -> None:
            aggregate.publication_reconsider_on = None
            aggregate.advance(Stage.PUBLISHED, "publication", self.on)

        def summary(self) -> str:
            return f"Published ({self.location})" if self.location else "Published"

    class NotPublished(Event):
        """The board decided not to publish; the improvement information is published instead."""

        reason: str
        improvement_information: str

        def apply(self, aggregate: Any) -> None:
            aggregate.publication_reconsider_on = None
            aggregate.advance(Stage.NOT_PUBLISHED, "the decision not to publish", self.on)

        def summary(self) -> str:
            return "Not published; improvement information published instead"

        def why(self) -> str:
            return self.reason

    class Closed(Event):
        """The review was closed."""

        def apply(self, aggregate: Any) -> None:
            aggregate.advance(Stage.CLOSED, "closure", self.on)

        def summary(self) -> str:
            return "Closed"

    # State, set by the events above. Declared for readers and type checkers.
    board_id: UUID
    reference: str
    case_reference: str
    incident_kind: IncidentKind
    looked_after: bool
    agencies: list[Agency]
    aware_on: date
    notified_on: date
    stage: Stage
    step_dates: dict[Stage, date]
    last_step: tuple[str, date]
    decision: Decision | None
    decided_on: date | None
    rationale: str
    kind: ReviewKind | None
    methodology: Methodology | None
    lead_reviewer_id: UUID | None
    scope: tuple[date, date] | None
    key_lines_of_enquiry: list[str]
    board_response: str
    paused_since: date | None
    paused_for: ParallelProcess | None
    pauses: list[tuple[date, date]]
    delay_explanations: list[tuple[date, tuple[DelayRecipient, ...]]]
    publication_reconsider_on: date | None

    def __init__(self) -> None:
        """State is set by `Notified.apply`; reviews begin with `Review.notify`."""

    @classmethod
    def notify(
        cls,
        *,
        review_id: UUID,
        actor_id: UUID,
        now: datetime,
        board_id: UUID,
        reference: str,
        case_reference: str,
        incident_kind: IncidentKind,
        looked_after: bool,
        agencies: list[Agency],
        aware_on: date,
        notified_on: date,
    ) -> Review:
        """Record a serious incident notification: the first event of every review."""
        if aware_on > _today(now):
            raise DateInTheFuture(f"the board cannot have become aware on {aware_on}: that is after today")
        require_date_in_order(
            notified_on,
            today=_today(now),
            aware_on=aware_on,
            previous_on=aware_on,
            previous_step="the board became aware",
            step="notify",
        )
        return cls._create(
            cls.Notified,
            id=review_id,
            timestamp=now,
            actor_id=actor_id,
            on=notified_on,
            board_id=board_id,
            reference=reference,
            case_reference=case_reference,
            incident_kind=incident_kind.value,
            looked_after=looked_after,
            agencies=[a.as_dict() for a in agencies],
            aware_on=aware_on,
        )

    # Steps. Each checks its rules, then records one event.

    def decide(self, *, actor_id: UUID, now: datetime, on: date, decision: Decision, rationale: str) -> None:
        """Record the rapid review and its decision, with the rationale."""
        stages, step = STEPS["decide"]
        require_stage(self.stage, stages, step)
        if on < self.notified_on:  # checked before the general date rules, which would name it less precisely
            raise DecisionBeforeNotification(
                f"cannot record the decision on {on}: that is before the notification on {self.notified_on}"
            )
        self._check_step(stages, step, on, now)
        self._record(self.RapidReviewDecided, actor_id, now, on, decision=decision.value, rationale=rationale)

    def commission(
        self, *, actor_id: UUID, now: datetime, on: date, kind: ReviewKind, methodology: Methodology
    ) -> None:
        """Commission the review: its kind and methodology."""
        self._check_step(*STEPS["commission"], on, now)
        self._require_local_review()
        self._record(self.Commissioned, actor_id, now, on, kind=kind.value, methodology=methodology.value)

    def appoint_lead_reviewer(self, *, actor_id: UUID, now: datetime, on: date, reviewer_id: UUID) -> None:
        """Appoint the independent lead reviewer, or replace the one appointed."""
        self._check_step(*STEPS["appoint_lead_reviewer"], on, now)
        self._record(
            self.LeadReviewerAppointed,
            actor_id,
            now,
            on,
            reviewer_id=reviewer_id,
            replaces_id=self.lead_reviewer_id,
        )

    def agree_terms_of_reference(
        self,
        *,
        actor_id: UUID,
        now: datetime,
        on: date,
        scope_from: date,
        scope_to: date,
        key_lines_of_enquiry: list[str],
        agencies: list[Agency],
    ) -> None:
        """Agree the terms of reference; the review is then being conducted."""
        self._check_step(*STEPS["agree_terms_of_reference"], on, now)
        if scope_to < scope_from:
            raise ScopePeriodIsBackwards(f"the scope period ends on {scope_to}, before it starts on {scope_from}")
        self._record(
            self.TermsOfReferenceAgreed,
            actor_id,
            now,
            on,
            scope_from=scope_from,
            scope_to=scope_to,
            key_lines_of_enquiry=list(key_lines_of_enquiry),
            agencies=[a.as_dict() for a in agencies],
        )

    def pause(self, *, actor_id: UUID, now: datetime, on: date, process: ParallelProcess, reason: str) -> None:
        """Pause the review for a parallel process such as a criminal trial or an inquest."""
        self._check_step(*STEPS["pause"], on, now)
        self._record(self.Paused, actor_id, now, on, process=process.value, reason=reason)

    def resume(self, *, actor_id: UUID, now: datetime, on: date) -> None:
        """Resume a paused review."""
        self._require_paused()
        self._check_dates(on, now, STEPS["resume"][1])
        self._record(self.Resumed, actor_id, now, on)

    def explain_delay(
        self, *, actor_id: UUID, now: datetime, on: date, reason: str, recipients: tuple[DelayRecipient, ...]
    ) -> None:
        """Record that the Panel (and the Secretary of State) were told why the review or its publication is
        delayed; allowed while paused, from the decision to hold a local review until publication."""
        self._check_explainable(on, now)
        if not recipients:
            raise NoOneToldOfTheDelay("name who was told of the delay: the national Panel, the Secretary of State")
        told = [r.value for r in DelayRecipient if r in recipients]
        self._record(self.DelayExplained, actor_id, now, on, recipients=told, reason=reason)

    def record_report_drafted(self, *, actor_id: UUID, now: datetime, on: date) -> None:
        """Record that the lead reviewer delivered the draft report."""
        self._check_step(*STEPS["record_report_drafted"], on, now)
        self._record(self.ReportDrafted, actor_id, now, on)

    def sign_off(
        self, *, actor_id: UUID, now: datetime, on: date, board_response: str, markers: MarkerSet | None = None
    ) -> None:
        """Sign off the report with the board's written response, once quality markers 1 to 13 are assessed and
        the partnership has responded to every recommendation."""
        self._check_step(*STEPS["sign_off"], on, now)
        self._require_sign_off_gate(markers or marker_set(), on)
        self._require_responses_before_sign_off(on)
        self._record(self.SignedOff, actor_id, now, on, board_response=board_response)

    def send_to_panel(self, *, actor_id: UUID, now: datetime, on: date) -> None:
        """Record the copy of the final report sent to the national Panel."""
        self._check_step(*STEPS["send_to_panel"], on, now)
        self._record(self.SentToPanel, actor_id, now, on)

    def defer_publication(self, *, actor_id: UUID, now: datetime, on: date, reason: str, reconsider_on: date) -> None:
        """Defer publication with a reason and a date to reconsider."""
        self._check_step(*STEPS["defer_publication"], on, now)
        if reconsider_on <= on:
            raise ReconsiderDateNotAfterDeferral(
                f"the date to reconsider publication ({reconsider_on}) must be after the deferral ({on})"
            )
        self._record(self.PublicationDeferred, actor_id, now, on, reason=reason, reconsider_on=reconsider_on)

    def publish(
        self,
        *,
        actor_id: UUID,
        now: datetime,
        on: date,
        location: str,
        panel_copy_working_days: int,
        markers: MarkerSet | None = None,
    ) -> None:
        """Publish the report, no sooner than the set working days after the copy to the Panel,
        once quality markers 14, 16 and 17 are assessed."""
        self._check_step(*STEPS["publish"], on, now)
        self._require_publication_gate(markers or marker_set(), on)
        self._require_panel_copy_long_enough_before(on, panel_copy_working_days)
        self._record(self.Published, actor_id, now, on, location=location)

    def withhold_publication(
        self, *, actor_id: UUID, now: datetime, on: date, reason: str, improvement_information: str
    ) -> None:
        """Decide not to publish; the improvement information is published instead."""
        self._check_step(*STEPS["withhold_publication"], on, now)
        self._record(
            self.NotPublished, actor_id, now, on, reason=reason, improvement_information=improvement_information
        )

    def close(self, *, actor_id: UUID, now: datetime, on: date) -> None:
        """Close the review: after publication (or not), or after a decision not to hold one."""
        self._check_step(self._closable(), STEPS["close"][1], on, now)
        self._record(self.Closed, actor_id, now, on)

    # Derived facts.

    @property
    def is_paused(self) -> bool:
        return self.paused_since is not None

    def earliest_publication_on(self, panel_copy_working_days: int) -> date | None:
        """The first day the report may be published, once the copy has gone to the Panel."""
        sent_on = self.step_dates.get(Stage.SENT_TO_PANEL)
        return add_working_days(sent_on, panel_copy_working_days) if sent_on else None

    @property
    def dates(self) -> ReviewDates:
        """The business dates its deadlines run from."""
        return ReviewDates(
            aware_on=self.aware_on,
            notified_on=self.notified_on,
            decision=self.decision,
            decided_on=self.decided_on,
            signed_off_on=self.step_dates.get(Stage.SIGNED_OFF),
            publication_reconsider_on=self.publication_reconsider_on,
            closed_pause_days=sum((end - start).days for start, end in self.pauses),
            paused_since=self.paused_since,
        )

    def days_paused(self, today: date) -> int:
        """Calendar days spent paused, counting a pause still running up to `today`."""
        return self.dates.days_paused(today)

    def check_step(
        self, step: str, *, on: date, now: datetime, markers: MarkerSet, panel_copy_working_days: int
    ) -> None:
        """Raise the rule's error that refuses `step` (a key of STEPS) on `on`, if any: the checks the step
        itself makes before anything it is given (lipp.domain.review.next_steps asks this)."""
        stages, name = STEPS[step]
        if step == "resume":
            self._require_paused()
            self._check_dates(on, now, name)
            return
        if step == "explain_delay":
            self._check_explainable(on, now)
            return
        self._check_step(self._closable() if step == "close" else stages, name, on, now)
        if step == "commission":
            self._require_local_review()
        elif step == "sign_off":
            self._require_sign_off_gate(markers, on)
            self._require_responses_before_sign_off(on)
        elif step == "publish":
            self._require_publication_gate(markers, on)
            self._require_panel_copy_long_enough_before(on, panel_copy_working_days)

    # Internals.

    def _check_explainable(self, on: date, now: datetime) -> None:
        """A delay is explained from the decision to hold a local review until publication, paused or not."""
        stages, name = STEPS["explain_delay"]
        require_stage(self.stage, stages, name, self.decision)
        if self.decision is not Decision.LOCAL_REVIEW:
            raise NoLocalReviewWasDecided(f"cannot {name}: no local review was decided")
        self._check_dates(on, now, name)

    def _require_local_review(self) -> None:
        if self.decision is not Decision.LOCAL_REVIEW:
            decided = self.decision.value.replace("_", " ") if self.decision else "nothing"
            raise NoLocalReviewWasDecided(
                f"cannot commission a review: the rapid review decided '{decided}', not a local review"
            )

    def _require_paused(self) -> None:
        if self.paused_since is None:
            raise ReviewIsNotPaused("cannot resume the review: it is not paused")

    def _require_panel_copy_long_enough_before(self, on: date, panel_copy_working_days: int) -> None:
        earliest = self.earliest_publication_on(panel_copy_working_days)
        if earliest is not None and on < earliest:
            raise PublishedTooSoonAfterPanelCopy(
                f"cannot publish on {on}: the copy went to the Panel on {self.step_dates[Stage.SENT_TO_PANEL]}, "
                f"so publication can be no earlier than {earliest} ({panel_copy_working_days} working days)"
            )

    def _closable(self) -> tuple[Stage, ...]:
        """A review closes after publication (or not), or after a decision not to hold one."""
        closable = STEPS["close"][0]
        if self.decision is not None and self.decision is not Decision.LOCAL_REVIEW:
            closable += (Stage.DECIDED,)
        return closable

    def advance(self, stage: Stage, step: str, on: date) -> None:
        """Move to `stage` (called by events only)."""
        self.stage = stage
        self.step_dates[stage] = on
        self.last_step = (step, on)

    def _check_step(self, allowed: tuple[Stage, ...], step: str, on: date, now: datetime) -> None:
        require_stage(self.stage, allowed, step, self.decision)
        if self.is_paused:
            raise ReviewIsPaused(
                f"cannot {step}: the review is paused since {self.paused_since} "
                f"({self.paused_for.value.replace('_', ' ') if self.paused_for else 'parallel process'}); "
                "resume it first"
            )
        self._check_dates(on, now, step)

    def _check_dates(self, on: date, now: datetime, step: str) -> None:
        previous_step, previous_on = self.last_step
        require_date_in_order(
            on,
            today=_today(now),
            aware_on=self.aware_on,
            previous_on=previous_on,
            previous_step=previous_step,
            step=step,
        )

    def _record(self, event_class: type[ReviewEvent], actor_id: UUID, now: datetime, on: date, **fields: Any) -> None:
        self.trigger_event(event_class, timestamp=now, actor_id=actor_id, on=on, **fields)


def _today(now: datetime) -> date:
    return now.astimezone(ENGLAND).date()
