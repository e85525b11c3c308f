"""Which steps a review's state allows today, and why each of the others must wait: the answer comes from the
review's own checks (`Review.check_step`, the findings' and markers' rules), never from a second copy of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lipp.domain.clock import ENGLAND
from lipp.domain.errors import RuleBroken
from lipp.domain.reference.markers import MarkerSet
from lipp.domain.review.aggregate import STEPS, Review
from lipp.domain.review.rules import PROCESS_ORDER
from lipp.domain.review.vocabulary import Stage


@dataclass(frozen=True)
class NextStep:
    """One step: allowed today, or the rule that refuses it in its own words; `behind` when the review has
    gone past every stage the step is taken from (nobody needs telling it is not available)."""

    step: str  # the Review method that takes it, a key of STEPS
    name: str  # "record the rapid review decision"
    allowed: bool
    why_not: str = ""
    behind: bool = False


def next_steps(review: Review, *, now: datetime, markers: MarkerSet, panel_copy_working_days: int) -> list[NextStep]:
    """Every step after notification, in the order of the process, as it stands for `review` today."""
    today = now.astimezone(ENGLAND).date()
    found = []
    for step, (stages, name) in STEPS.items():
        try:
            review.check_step(step, on=today, now=now, markers=markers, panel_copy_working_days=panel_copy_working_days)
        except RuleBroken as refused:
            found.append(NextStep(step, name, False, str(refused), _behind(review, step, stages)))
        else:
            found.append(NextStep(step, name, True))
    return found


def findings_writable(review: Review, now: datetime) -> NextStep:
    """Whether findings may be logged, revised, re-ranked or withdrawn today."""
    name = "log or change a finding"
    try:
        review._check_writable(name, now.astimezone(ENGLAND).date(), now)
    except RuleBroken as refused:
        return NextStep("log_finding", name, False, str(refused), Stage.SIGNED_OFF in review.step_dates)
    return NextStep("log_finding", name, True)


def assessable_markers(review: Review, markers: MarkerSet) -> set[int]:
    """The markers the review's stage lets be rated now."""
    numbers = set()
    for marker in markers.markers:
        try:
            review.require_assessable(marker.number, markers)
        except RuleBroken:
            continue
        numbers.add(marker.number)
    return numbers


def _behind(review: Review, step: str, stages: tuple[Stage, ...]) -> bool:
    if step == "resume":
        return not review.is_paused
    if review.stage is Stage.CLOSED:
        return True
    taken_from = review._closable() if step == "close" else stages
    here = PROCESS_ORDER.index(review.stage)
    return all(PROCESS_ORDER.index(stage) < here for stage in taken_from)
