"""The rules an action of a plan keeps, each a named error."""

from __future__ import annotations

from lipp.domain.errors import RuleBroken
from lipp.domain.redaction.refusal import require_nothing_identifying


class ActionIsClosed(RuleBroken):
    """A verified or superseded action takes no more progress, completion, return, new due date or supersession."""


class ActionAwaitsVerification(RuleBroken):
    """Once completion is reported, the board's coordinator verifies it or returns it before anything else."""


class CompletionNotReported(RuleBroken):
    """Only an action whose completion has been reported can be verified or returned."""


class ImpactCheckBeforeVerification(RuleBroken):
    """Impact is checked only once completion has been verified: done is not yet a difference made."""


class DueDateBeforeStep(RuleBroken):
    """An action's due date falls on or after the day it is agreed or its due date is moved."""


class DueDateUnchanged(RuleBroken):
    """Moving a due date names a different date."""


class ActionCannotSupersedeItself(RuleBroken):
    """An action is superseded by another action, never by itself."""


class SupersedingActionElsewhere(RuleBroken):
    """An action is superseded by another action of the same board that is still in force."""


class RecommendationNotAccepted(RuleBroken):
    """Actions answer recommendations the partnership accepted, in whole or in part."""


class RecommendationNotYetAnswered(RuleBroken):
    """An action is agreed once the partnership has responded to the recommendation it answers."""


class ActionTextMayIdentifySomeone(RuleBroken):
    """An action names the owner's role, never a person; its text passes the redaction check."""


def check_plain_text(field: str, text: str) -> str:
    """The text, if the redaction check finds nothing in it that may identify a person."""
    advice = "name roles and services, never people"
    return require_nothing_identifying(field, text, ActionTextMayIdentifySomeone, advice)
