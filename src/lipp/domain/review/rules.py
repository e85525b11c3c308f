"""The rules a review's steps must keep, each a named error raised by one check."""

from __future__ import annotations

from datetime import date

from lipp.domain.errors import RuleBroken
from lipp.domain.review.vocabulary import Decision, Stage


class StepOutOfOrder(RuleBroken):
    """A step was asked for before the steps it depends on."""


class ReviewIsPaused(RuleBroken):
    """Nothing advances a paused review until it is resumed."""


class ReviewIsNotPaused(RuleBroken):
    """Only a paused review can be resumed."""


class DateInTheFuture(RuleBroken):
    """A step's date is after today: lipp records what happened, not what is planned."""


class DateBeforeAwareness(RuleBroken):
    """A step's date is before the board became aware of the incident."""


class DateBeforePreviousStep(RuleBroken):
    """A step's date is before the step recorded before it."""


class DecisionBeforeNotification(DateBeforePreviousStep):
    """The rapid review's decision is dated before the notification."""


class NoLocalReviewWasDecided(RuleBroken):
    """Only a decision to hold a local review leads to commissioning."""


class NoOneToldOfTheDelay(RuleBroken):
    """An explanation of a delay names who was told: the national Panel, the Secretary of State or both."""


class ScopePeriodIsBackwards(RuleBroken):
    """The terms of reference scope ends before it starts."""


class ReconsiderDateNotAfterDeferral(RuleBroken):
    """A deferred publication must be reconsidered on a later date."""


class PublishedTooSoonAfterPanelCopy(RuleBroken):
    """The copy to the national Panel must go a set number of working days before publication."""


class DuplicateNotification(RuleBroken):
    """The board already notified this incident for this case."""


NEXT_STEP = {
    Stage.NOTIFIED: "record the rapid review decision",
    Stage.DECIDED: "commission the review",
    Stage.COMMISSIONED: "appoint a lead reviewer",
    Stage.REVIEWER_APPOINTED: "agree the terms of reference",
    Stage.IN_CONDUCT: "record the report as drafted",
    Stage.REPORT_DRAFTED: "sign off the report",
    Stage.SIGNED_OFF: "send the report to the Panel",
    Stage.SENT_TO_PANEL: "publish the report, defer publication or decide not to publish",
    Stage.PUBLICATION_DEFERRED: "publish the report or decide not to publish",
    Stage.PUBLISHED: "close the review",
    Stage.NOT_PUBLISHED: "close the review",
}
PROCESS_ORDER = list(Stage)


def require_stage(current: Stage, allowed: tuple[Stage, ...], step: str, decision: Decision | None = None) -> None:
    """Refuse `step` unless the review stands at one of `allowed`, naming what must happen first.

    `decision` is the rapid review's: a review decided against a local review is never commissioned, so the
    only step left to it is closure."""
    if current in allowed:
        return
    if current is Stage.CLOSED:
        raise StepOutOfOrder(f"cannot {step}: the review is closed")
    at = f"the review is at '{current.label}'"
    if current is Stage.DECIDED and decision is not None and decision is not Decision.LOCAL_REVIEW:
        decided = decision.value.replace("_", " ")
        raise StepOutOfOrder(
            f"cannot {step}: the rapid review decided '{decided}', not a local review, "
            f"so the review can only be closed ({at})"
        )
    if PROCESS_ORDER.index(current) < max(PROCESS_ORDER.index(stage) for stage in allowed):
        raise StepOutOfOrder(f"cannot {step}: first {NEXT_STEP[current]} ({at})")
    stages = ", ".join(f"'{stage.label}'" for stage in allowed)
    raise StepOutOfOrder(f"cannot {step}: {at}, and that step is only for a review at {stages}")


def require_date_in_order(
    on: date, *, today: date, aware_on: date, previous_on: date, previous_step: str, step: str
) -> None:
    """A step's date is not in the future, not before awareness, and not before the previous step."""
    if on > today:
        raise DateInTheFuture(f"cannot {step} on {on}: that is after today ({today})")
    if on < aware_on:
        raise DateBeforeAwareness(f"cannot {step} on {on}: that is before the board became aware on {aware_on}")
    if on < previous_on:
        raise DateBeforePreviousStep(f"cannot {step} on {on}: that is before {previous_step} on {previous_on}")
