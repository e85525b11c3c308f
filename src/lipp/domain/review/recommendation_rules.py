"""The rules recommendations and the partnership's responses keep, each a named error."""

from __future__ import annotations

from lipp.domain.errors import NotFound, RuleBroken
from lipp.domain.review.rules import StepOutOfOrder


class RecommendationsAreFrozen(StepOutOfOrder):
    """Recommendations are fixed once the report is signed off, as its findings are."""


class UnknownRecommendation(NotFound):
    """The review has no recommendation with that number."""


class RecommendationAnswersNoFinding(RuleBroken):
    """Every recommendation answers at least one of the review's findings."""


class RecommendationAddresseeIncomplete(RuleBroken):
    """A recommendation to an agency names its sector; one to a national body names the body."""


class RecommendationAddresseeMismatch(RuleBroken):
    """A sector is named only for an agency; the partnership is addressed without an organisation."""


class ResponseNeedsAReason(RuleBroken):
    """A recommendation accepted only in part, or not accepted, carries the partnership's reason."""


class RecommendationsAwaitResponse(StepOutOfOrder):
    """The report is signed off only once the partnership has responded to every recommendation."""
