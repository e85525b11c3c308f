"""The reviews context: command methods that advance reviews, and queries that show them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from lipp.application.base import pause_before_retry
from lipp.application.review_appointments import ReviewAppointments
from lipp.application.review_findings import ReviewFindings
from lipp.application.review_markers import ReviewMarkers
from lipp.application.review_next_steps import ReviewNextSteps
from lipp.application.review_sharing import ReviewSharing
from lipp.application.review_store import ATTEMPTS, Directory, UnknownReview, receipt_of
from lipp.application.review_views import review_row, review_view, timeline_entries
from lipp.application.views import ReviewReceipt, ReviewRow, ReviewView, TimelineEntry
from lipp.commands import findings as f
from lipp.commands import reviews as c
from lipp.commands.fields import AgencyInput, Command
from lipp.commands.markers import AssessQualityMarker
from lipp.domain.actors import Actor, Role
from lipp.domain.errors import ConcurrentChange, RuleBroken
from lipp.domain.identifiers import case_incident_id_for, review_id_for
from lipp.domain.register.conflicts import refuse_if_conflicted
from lipp.domain.review import access
from lipp.domain.review.aggregate import Review
from lipp.domain.review.incident import CaseIncident
from lipp.domain.review.rules import DuplicateNotification
from lipp.domain.review.vocabulary import Agency
from lipp.projections.directory import work_queries as work

__all__ = ["Directory", "ReviewsApplication", "UnknownReview"]


class AppointeeIsNotALeadReviewer(RuleBroken):
    """Only a registered, active lead reviewer can be appointed."""


class ReviewsApplication(ReviewFindings, ReviewSharing, ReviewMarkers, ReviewAppointments, ReviewNextSteps):
    """Notifies incidents and advances reviews; every method checks the actor first.

    Findings, their sharing, quality markers and finding a lead reviewer are parts in their own modules."""

    def notify_incident(self, actor: Actor, command: c.NotifyIncident) -> ReviewReceipt:
        """Record a notification, giving the review the next reference of its board and year."""
        board = self.directory.board(command.board)
        access.require_may_notify(actor, board.id)
        aware_iso = command.aware_on.isoformat()
        # No read before the save: the incident's claim has an id derived from board, case and date, so the
        # store refuses a second claim, and only then is the existing one read to name its review. A duplicate
        # whose dates are also wrong is named as a duplicate all the same.
        for _ in range(ATTEMPTS):
            year = command.aware_on.year
            sequence = self._next_sequence(board.code, year)
            reference = _reference(board.code, year, sequence)
            try:
                review = Review.notify(
                    review_id=review_id_for(reference),
                    actor_id=actor.user_id,
                    now=self.now(),
                    board_id=board.id,
                    reference=reference,
                    case_reference=command.case_reference,
                    incident_kind=command.incident_kind,
                    looked_after=command.looked_after,
                    agencies=_agencies(command.agencies),
                    aware_on=command.aware_on,
                    notified_on=command.notified_on or self.today(),
                )
            except RuleBroken:
                self._refuse_duplicate(board.id, command.case_reference, aware_iso)
                raise
            claim = CaseIncident.claim(
                board_id=board.id,
                case_reference=command.case_reference,
                aware_on_iso=aware_iso,
                review_id=review.id,
                reference=reference,
                now=self.now(),
            )
            try:
                self.save(review, claim)
            except IntegrityError:
                self._refuse_duplicate(board.id, command.case_reference, aware_iso)
                self._taken_up_to.pop((board.code, year), None)  # another process moved on: search afresh
                pause_before_retry()  # another coordinator took this reference first: take the next
                continue
            self._taken_up_to[(board.code, year)] = sequence
            return receipt_of(review)
        raise ConcurrentChange("could not allocate a review reference: too many notifications at once; try again")

    def decide(self, actor: Actor, command: c.RecordRapidReviewDecision) -> ReviewReceipt:
        return self._advance(
            actor,
            command,
            lambda r, on: r.decide(
                actor_id=actor.user_id, now=self.now(), on=on, decision=command.decision, rationale=command.rationale
            ),
        )

    def commission(self, actor: Actor, command: c.CommissionReview) -> ReviewReceipt:
        return self._advance(
            actor,
            command,
            lambda r, on: r.commission(
                actor_id=actor.user_id, now=self.now(), on=on, kind=command.kind, methodology=command.methodology
            ),
        )

    def appoint_lead_reviewer(self, actor: Actor, command: c.AppointLeadReviewer) -> ReviewReceipt:
        def appoint(review: Review, on: date) -> None:
            # Only once the actor may advance the review: others must not learn who is a lead reviewer.
            reviewer = self.directory.user(command.reviewer)
            if reviewer.role != Role.LEAD_REVIEWER.value or not reviewer.active:
                raise AppointeeIsNotALeadReviewer(f"{reviewer.username} is not an active lead reviewer")
            conflicts = self.reviewer_register.conflicts_with(reviewer.username, review.agencies)
            refuse_if_conflicted(reviewer.username, review.reference, conflicts)
            review.appoint_lead_reviewer(actor_id=actor.user_id, now=self.now(), on=on, reviewer_id=reviewer.id)

        return self._advance(actor, command, appoint)

    def agree_terms_of_reference(self, actor: Actor, command: c.AgreeTermsOfReference) -> ReviewReceipt:
        agencies = _agencies(command.agencies)

        def agree(review: Review, on: date) -> None:
            if review.lead_reviewer_id is not None:  # the terms may name agencies the reviewer is tied to
                username = self.directory.username_of(review.lead_reviewer_id)
                conflicts = self.reviewer_register.conflicts_with(username, agencies)
                refuse_if_conflicted(username, review.reference, conflicts)
            review.agree_terms_of_reference(
                actor_id=actor.user_id,
                now=self.now(),
                on=on,
                scope_from=command.scope_from,
                scope_to=command.scope_to,
                key_lines_of_enquiry=list(command.key_lines_of_enquiry),
                agencies=agencies,
            )

        return self._advance(actor, command, agree)

    def pause(self, actor: Actor, command: c.PauseReview) -> ReviewReceipt:
        return self._advance(
            actor,
            command,
            lambda r, on: r.pause(
                actor_id=actor.user_id, now=self.now(), on=on, process=command.process, reason=command.reason
            ),
        )

    def resume(self, actor: Actor, command: c.ResumeReview) -> ReviewReceipt:
        return self._advance(actor, command, lambda r, on: r.resume(actor_id=actor.user_id, now=self.now(), on=on))

    def record_report_drafted(self, actor: Actor, command: c.RecordReportDrafted) -> ReviewReceipt:
        return self._advance(
            actor,
            command,
            lambda r, on: r.record_report_drafted(actor_id=actor.user_id, now=self.now(), on=on),
            authorise=access.require_may_act_as_coordinator_or_appointed_reviewer,
        )

    def sign_off(self, actor: Actor, command: c.SignOffReport) -> ReviewReceipt:
        return self._advance(
            actor,
            command,
            lambda r, on: r.sign_off(
                actor_id=actor.user_id,
                now=self.now(),
                on=on,
                board_response=command.board_response,
                markers=self.reference_data.markers,
            ),
        )

    def send_to_panel(self, actor: Actor, command: c.SendReportToPanel) -> ReviewReceipt:
        return self._advance(
            actor, command, lambda r, on: r.send_to_panel(actor_id=actor.user_id, now=self.now(), on=on)
        )

    def defer_publication(self, actor: Actor, command: c.DeferPublication) -> ReviewReceipt:
        return self._advance(
            actor,
            command,
            lambda r, on: r.defer_publication(
                actor_id=actor.user_id,
                now=self.now(),
                on=on,
                reason=command.reason,
                reconsider_on=command.reconsider_on,
            ),
        )

    def publish(self, actor: Actor, command: c.PublishReport) -> ReviewReceipt:
        return self._advance(
            actor,
            command,
            lambda r, on: r.publish(
                actor_id=actor.user_id,
                now=self.now(),
                on=on,
                location=command.location,
                panel_copy_working_days=self.timescales.panel_copy_working_days,
                markers=self.reference_data.markers,
            ),
        )

    def withhold_publication(self, actor: Actor, command: c.WithholdPublication) -> ReviewReceipt:
        return self._advance(
            actor,
            command,
            lambda r, on: r.withhold_publication(
                actor_id=actor.user_id,
                now=self.now(),
                on=on,
                reason=command.reason,
                improvement_information=command.improvement_information,
            ),
        )

    def close_review(self, actor: Actor, command: c.CloseReview) -> ReviewReceipt:
        return self._advance(actor, command, lambda r, on: r.close(actor_id=actor.user_id, now=self.now(), on=on))

    def execute(self, actor: Actor, command: Command) -> ReviewReceipt:
        """Run any review command: the single entry the CLI, the API and scripts share."""
        handlers: dict[type[Command], Callable[[Actor, Any], ReviewReceipt]] = {
            c.NotifyIncident: self.notify_incident,
            c.RecordRapidReviewDecision: self.decide,
            c.CommissionReview: self.commission,
            c.AppointLeadReviewer: self.appoint_lead_reviewer,
            c.AgreeTermsOfReference: self.agree_terms_of_reference,
            c.PauseReview: self.pause,
            c.ResumeReview: self.resume,
            c.RecordReportDrafted: self.record_report_drafted,
            c.SignOffReport: self.sign_off,
            c.SendReportToPanel: self.send_to_panel,
            c.DeferPublication: self.defer_publication,
            c.PublishReport: self.publish,
            c.WithholdPublication: self.withhold_publication,
            c.CloseReview: self.close_review,
            f.LogFinding: self.log_finding,
            f.ReviseFinding: self.revise_finding,
            f.ReRankFindings: self.rerank_findings,
            f.WithdrawFinding: self.withdraw_finding,
            f.ShareFinding: self.share_finding,
            f.ConfirmFalsePositive: self.confirm_false_positive,
            AssessQualityMarker: self.assess_marker,
        }
        return handlers[type(command)](actor, command)

    # Queries.

    def review(self, actor: Actor, reference: str, as_of: date | None = None) -> ReviewView:
        """The review with its due dates and RAG status, now or as it stood at the end of `as_of`."""
        review = self._visible(actor, reference, as_of)
        return review_view(review, self.directory, self.timescales, as_of or self.today())

    def timeline(self, actor: Actor, reference: str, as_of: date | None = None) -> list[TimelineEntry]:
        """Every step: who did what, when, and why."""
        review = self._visible(actor, reference, as_of)
        return timeline_entries(self.history(review.id, as_of), self.directory)

    def register(self, actor: Actor, board_code: str, as_of: date | None = None) -> list[ReviewRow]:
        """The board's reviews with their stage and next deadline, oldest reference first."""
        board = self.directory.board(board_code)
        access.require_may_list_board(actor, board.id, board.code)
        today = as_of or self.today()
        rows = []
        for review_id in self._review_ids_of(board.id):
            review = self.replay(review_id, as_of)
            if review is not None:
                rows.append(review_row(review, self.timescales, today))
        return sorted(rows, key=lambda row: _reference_order(row.reference))

    # Internals.

    def _refuse_duplicate(self, board_id: UUID, case_reference: str, aware_iso: str) -> None:
        incident_id = case_incident_id_for(board_id, case_reference, aware_iso)
        existing: CaseIncident | None = self.load(incident_id)
        if existing is not None:
            raise DuplicateNotification(
                f"this incident (case {case_reference}, board aware {aware_iso}) was already notified "
                f"as {existing.reference}"
            )

    def _next_sequence(self, board_code: str, year: int) -> int:
        """The smallest free sequence number; numbers are taken densely, so a galloping search finds it.

        A process that has taken a number of this board and year proposes the next one without reading (the
        save refuses it if another process took it, and the search runs then); a new process needs about
        2 log2(n) reads."""

        def taken(sequence: int) -> bool:
            return self.exists(review_id_for(_reference(board_code, year, sequence)))

        low = self._taken_up_to.get((board_code, year), 0)  # taken (or 0)
        if low:
            # This process took `low` last: the next is usually free, and the save refuses it if not.
            return low + 1
        step = 1
        high = low + step
        while taken(high):
            low, step = high, step * 2
            high = low + step
        while high - low > 1:  # low is taken, high is free
            middle = (low + high) // 2
            if taken(middle):
                low = middle
            else:
                high = middle
        return high

    def _review_ids_of(self, board_id: UUID) -> list[UUID]:
        """The board's reviews, from the register read model (a review never changes board)."""
        return self.lists.read_register(lambda c: work.review_ids_of_board(c, board_id))


def _reference(board_code: str, year: int, sequence: int) -> str:
    return f"{board_code}-{year}-{sequence:03d}"


def _reference_order(reference: str) -> tuple[int, int]:
    """Year, then sequence number, as numbers: NVL-2026-999 comes before NVL-2026-1000."""
    _, year, sequence = reference.rsplit("-", 2)
    return int(year), int(sequence)


def _agencies(inputs: Sequence[AgencyInput]) -> list[Agency]:
    return [Agency(sector=a.sector, name=a.name) for a in inputs]
