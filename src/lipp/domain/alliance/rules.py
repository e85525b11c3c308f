"""The rules an Alliance action keeps."""

from __future__ import annotations

from datetime import date

from lipp.domain.errors import InvalidInput, RuleBroken
from lipp.domain.redaction.refusal import require_nothing_identifying


class ActionIsClosed(RuleBroken):
    """A completed or withdrawn action takes no more progress, completion or withdrawal."""


class DueDateBeforeCommitment(RuleBroken):
    """An action is due on or after the day it is committed."""


class StepDatedBeforeCommitment(RuleBroken):
    """Progress, completion and withdrawal are dated on or after the action's commitment."""


class StepDatedInTheFuture(InvalidInput):
    """A step is dated today or earlier: lipp records what has happened."""


class ActionTextMayIdentifySomeone(RuleBroken):
    """Action text travels nationally, so it must pass the redaction check: no names, addresses or numbers."""


def check_shareable_text(field: str, text: str) -> str:
    """The text, if the redaction check finds nothing in it that may identify a person."""
    advice = "Alliance actions are shared nationally, rephrase it"
    return require_nothing_identifying(field, text, ActionTextMayIdentifySomeone, advice)


def check_step_date(on: date, committed_on: date, today: date, step: str) -> None:
    if on > today:
        raise StepDatedInTheFuture(f"{step} cannot be dated {on}: that is after today ({today})")
    if on < committed_on:
        raise StepDatedBeforeCommitment(f"{step} cannot be dated {on}, before the commitment on {committed_on}")
