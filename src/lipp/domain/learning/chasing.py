"""Chasing a missed deadline: a reminder to the team, then its manager, then the board, then the delivery lapses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from lipp.domain.calendar import add_working_days
from lipp.domain.learning.states import Stage
from lipp.domain.learning.timescales import LearningTimescales


class ChaseStep(StrEnum):
    """The ladder, in order. Each step comes one grace period after the one before."""

    REMIND_TEAM = "remind_team"
    ESCALATE_TO_MANAGER = "escalate_to_manager"
    ESCALATE_TO_BOARD = "escalate_to_board"
    LAPSE = "lapse"


LADDER = tuple(ChaseStep)
VERIFY_LADDER = (ChaseStep.ESCALATE_TO_BOARD,)
"""Verification is the board's own step: it is chased once, at the board, and never lapses the team's work."""


@dataclass(frozen=True)
class Chase:
    """The next step due for a stage: which, and the deadline it chases."""

    step: ChaseStep
    stage: Stage
    due_on: date
    step_due_on: date


def ladder_for(stage: Stage) -> tuple[ChaseStep, ...]:
    return VERIFY_LADDER if stage is Stage.VERIFY else LADDER


def due_on(stage: Stage, since: date, timescales: LearningTimescales) -> date:
    """The stage's deadline: its working days after the business date it became owed."""
    return add_working_days(since, timescales.for_stage(stage))


def next_chase(
    stage: Stage, since: date, steps_taken: int, today: date, timescales: LearningTimescales
) -> Chase | None:
    """The one step due today, if any. Steps are taken one per run, in order, so a chase that did not run
    for a while catches up a step a day rather than sending the whole ladder at once."""
    ladder = ladder_for(stage)
    if steps_taken >= len(ladder):
        return None
    deadline = due_on(stage, since, timescales)
    step_due = add_working_days(deadline, steps_taken * timescales.chase_grace_working_days)
    if today <= step_due:
        return None
    return Chase(step=ladder[steps_taken], stage=stage, due_on=deadline, step_due_on=step_due)
