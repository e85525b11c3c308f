"""The rules findings keep, each a named error."""

from __future__ import annotations

from lipp.domain.errors import NotFound, RuleBroken
from lipp.domain.review.rules import StepOutOfOrder


class FindingsAreFrozen(StepOutOfOrder):
    """Findings are fixed once the report is signed off: the board owns what it signed."""


class UnknownFinding(NotFound):
    """The review has no finding with that number."""


class FindingIsWithdrawn(RuleBroken):
    """A withdrawn finding can no longer be revised, ranked or shared."""


class RankingMustNameEveryFinding(RuleBroken):
    """A new priority order names every finding in force exactly once."""


class RevisionChangesNothing(RuleBroken):
    """A revision must change something about the finding."""


class FindingNeedsATheme(RuleBroken):
    """Every finding carries at least one national theme."""
