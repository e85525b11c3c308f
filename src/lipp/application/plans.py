"""The plans context: the partnership's actions answering accepted recommendations, tracked to verified impact."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypedDict
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from lipp.application.base import LippApplication, pause_before_retry
from lipp.application.plan_views import (
    ActionView,
    PlanFactsView,
    TrackerEntry,
    action_view,
    facts_view,
    tracker_entry,
)
from lipp.application.review_store import ATTEMPTS, Directory, ReviewStore
from lipp.application.storage import EventStorage
from lipp.commands import plans as p
from lipp.domain.actors import Actor
from lipp.domain.clock import Clock
from lipp.domain.errors import ConcurrentChange, NotFound
from lipp.domain.identifiers import plan_action_id_for
from lipp.domain.plans import access
from lipp.domain.plans.action import PlanAction
from lipp.domain.plans.rules import RecommendationNotAccepted, RecommendationNotYetAnswered, SupersedingActionElsewhere
from lipp.domain.plans.values import ActionStatus
from lipp.domain.review.recommendation import Recommendation
from lipp.projections.paging import EVERYTHING, Page, Paging
from lipp.projections.plans import queries
from lipp.projections.plans.queries import TrackerFilter
from lipp.projections.plans.view import ActionTracker


class _Step(TypedDict):
    """Who takes a step, when it is recorded and its business date."""

    actor_id: UUID
    now: datetime
    on: date


class UnknownAction(NotFound):
    """No action of a plan has that reference, or the actor may not see it."""


class PlansApplication(LippApplication):
    """Agree actions against accepted recommendations; progress, completion, verification or return, moved due
    dates, supersession and impact checks; the board's tracker and the plan's facts."""

    def __init__(
        self,
        storage: EventStorage,
        clock: Clock,
        reviews: ReviewStore,
        directory: Directory,
        tracker: ActionTracker,
        due_soon_working_days: int,
    ) -> None:
        super().__init__(storage, clock)
        self.reviews = reviews
        self.directory = directory
        self.read_model = tracker
        self.due_soon_working_days = due_soon_working_days

    def agree(self, actor: Actor, command: p.AgreeAction) -> ActionView:
        """Agree an action answering an accepted recommendation of the review (a coordinator of its board)."""
        review = self.reviews.visible(actor, command.reference)
        board_code = review.reference.rsplit("-", 2)[0]
        access.require_may_manage(actor, review.board_id, board_code)
        recommendation = _actionable(review.reference, review.recommendation(command.recommendation))
        assert recommendation.answered_on is not None
        on = command.on or self.today()
        for _ in range(ATTEMPTS):
            action = PlanAction.agree(
                actor_id=actor.user_id,
                now=self.now(),
                on=on,
                reference=f"{review.reference}-A{self._next_number(review.reference)}",
                board_id=review.board_id,
                board_code=board_code,
                review_id=review.id,
                review_reference=review.reference,
                recommendation_number=recommendation.number,
                recommendation_answered_on=recommendation.answered_on,
                sector=command.agency.sector,
                organisation=command.agency.name,
                owner_role=command.owner_role,
                what=command.what,
                measure=command.measure,
                baseline=command.baseline,
                due_on=command.due_on,
            )
            try:
                self.save(action)
            except IntegrityError:
                pause_before_retry()  # another coordinator took the number at the same moment: take the next
                continue
            return self._view(action)
        raise ConcurrentChange(f"many actions were agreed on {review.reference} at once; try again")

    def post_progress(self, actor: Actor, command: p.RecordActionProgress) -> ActionView:
        """Post progress with its evidence."""
        return self._step(
            actor, command, lambda a, on: a.post_progress(**self._by(actor, on), evidence=command.evidence)
        )

    def report_completion(self, actor: Actor, command: p.ReportActionCompletion) -> ActionView:
        """Report the action complete, with its evidence."""
        return self._step(
            actor, command, lambda a, on: a.report_completion(**self._by(actor, on), evidence=command.evidence)
        )

    def verify(self, actor: Actor, command: p.VerifyAction) -> ActionView:
        """Verify the reported completion (a coordinator of the board)."""
        return self._step(actor, command, lambda a, on: a.verify(**self._by(actor, on), note=command.note))

    def return_completion(self, actor: Actor, command: p.ReturnAction) -> ActionView:
        """Return the reported completion with the reason (a coordinator of the board)."""
        return self._step(
            actor, command, lambda a, on: a.return_completion(**self._by(actor, on), reason=command.reason)
        )

    def move_due_date(self, actor: Actor, command: p.MoveActionDueDate) -> ActionView:
        """Move the due date with the reason; the original is kept."""
        return self._step(
            actor,
            command,
            lambda a, on: a.move_due_date(**self._by(actor, on), due_on=command.due_on, reason=command.reason),
        )

    def supersede(self, actor: Actor, command: p.SupersedeAction) -> ActionView:
        """Record that another action of the same board, still in force, replaces this one."""

        def supersede(action: PlanAction, on: date) -> None:
            other: PlanAction | None = self.load(plan_action_id_for(command.by))
            if other is not None and other.reference != action.reference:
                if other.board_id != action.board_id:
                    raise SupersedingActionElsewhere(
                        f"{command.by} is not an action of {action.board_code}: an action is superseded by one of "
                        "its own board"
                    )
                if other.status is ActionStatus.SUPERSEDED:
                    raise SupersedingActionElsewhere(
                        f"{command.by} was itself superseded by {other.superseded_by}: name the action in force"
                    )
            elif other is None:
                raise UnknownAction(f"no action {command.by} is visible to {actor.username}")
            action.supersede(**self._by(actor, on), by=command.by, reason=command.reason)

        return self._step(actor, command, supersede)

    def check_impact(self, actor: Actor, command: p.CheckActionImpact) -> ActionView:
        """Record an audit or dip sample of the verified action's measure."""
        return self._step(
            actor,
            command,
            lambda a, on: a.check_impact(
                **self._by(actor, on),
                method=command.method,
                before=command.before,
                after=command.after,
                sample_size=command.sample_size,
                narrative=command.narrative,
            ),
        )

    # Queries.

    def action(self, actor: Actor, reference: str) -> ActionView:
        """One action with everything recorded about it."""
        return self._view(self._visible(actor, reference))

    def tracker(
        self, actor: Actor, board: str, wanted: TrackerFilter | None = None, paging: Paging = EVERYTHING
    ) -> Page[TrackerEntry]:
        """The board's actions, soonest due first, narrowed by review, agency sector, status, overdue, returned."""
        found = self.directory.board(board)
        access.require_may_see(actor, found.id, found.code)
        today = self.today()
        page = self.read_model.read(
            lambda c: queries.tracker_page(c, found.id, today, wanted or TrackerFilter(), paging)
        )
        return page.map(lambda row: tracker_entry(row, today, self.due_soon_working_days))

    def facts(self, actor: Actor, board: str, review: str | None = None) -> PlanFactsView:
        """The plan's facts for quality markers 15 and 18: agreed, agencies, verified, with measured impact..."""
        found = self.directory.board(board)
        access.require_may_see(actor, found.id, found.code)
        today = self.today()
        wanted = review.strip().upper() if review else None
        counted = self.read_model.read(lambda c: queries.plan_facts(c, found.id, today, wanted))
        return facts_view(counted, found.code, wanted)

    # Internals.

    def _step(self, actor: Actor, command: p.ActionStep, step: Callable[[PlanAction, date], None]) -> ActionView:
        """Load, authorise, apply, save; on a concurrent change, start again from the newer state."""
        for _ in range(ATTEMPTS):
            action = self._visible(actor, command.action)
            access.require_may_manage(actor, action.board_id, action.board_code)
            step(action, command.on or self.today())
            try:
                self.save(action)
            except IntegrityError:
                pause_before_retry()
                continue
            return self._view(action)
        raise ConcurrentChange(f"{command.action} kept changing while this step was saved; try again")

    def _by(self, actor: Actor, on: date) -> _Step:
        return {"actor_id": actor.user_id, "now": self.now(), "on": on}

    def _visible(self, actor: Actor, reference: str) -> PlanAction:
        action: PlanAction | None = self.load(plan_action_id_for(reference))
        if action is None or not access.may_see(actor, action.board_id):
            raise UnknownAction(f"no action {reference.upper()} is visible to {actor.username}")
        return action

    def _view(self, action: PlanAction) -> ActionView:
        return action_view(action, self.today(), self.due_soon_working_days)

    def _next_number(self, review_reference: str) -> int:
        """The smallest free action number of the review: numbers are taken densely, so a galloping search."""

        def taken(number: int) -> bool:
            return self.exists(plan_action_id_for(f"{review_reference}-A{number}"))

        low, step = 0, 1
        high = low + step
        while taken(high):
            low, step = high, step * 2
            high = low + step
        while high - low > 1:
            middle = (low + high) // 2
            if taken(middle):
                low = middle
            else:
                high = middle
        return high


def _actionable(review_reference: str, recommendation: Recommendation) -> Recommendation:
    if recommendation.response is None:
        raise RecommendationNotYetAnswered(
            f"{recommendation.key} of {review_reference} awaits the partnership's response: record it first"
        )
    if not recommendation.response.leads_to_action:
        raise RecommendationNotAccepted(
            f"{recommendation.key} of {review_reference} was not accepted ({recommendation.response_reason}): "
            "actions answer accepted recommendations"
        )
    return recommendation
