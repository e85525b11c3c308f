"""The recommendations part of the Review aggregate: the report's recommendations and the partnership's responses.

Recommendations are made while the review is conducted (by its lead reviewer or the board's coordinator) and are
frozen at sign-off, like findings. The partnership responds to each once the report is drafted; sign-off waits
until every recommendation has its response (docs/adr/0025).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from lipp.domain.business_dates import StepDatedBeforePreviousStep
from lipp.domain.review.event import ReviewEvent, ReviewPart
from lipp.domain.review.recommendation import Addressee, Recommendation, Response
from lipp.domain.review.recommendation_rules import (
    RecommendationAddresseeIncomplete,
    RecommendationAddresseeMismatch,
    RecommendationAnswersNoFinding,
    RecommendationsAreFrozen,
    RecommendationsAwaitResponse,
    ResponseNeedsAReason,
    UnknownRecommendation,
)
from lipp.domain.review.vocabulary import AgencySector, Stage

if TYPE_CHECKING:
    from lipp.domain.review.finding import Finding

WRITABLE = (Stage.IN_CONDUCT, Stage.REPORT_DRAFTED)
ANSWERABLE = (Stage.REPORT_DRAFTED,)


class RecommendationSteps(ReviewPart):
    """The report's recommendations by number, each linked to the findings it answers."""

    class RecommendationMade(ReviewEvent):
        """A recommendation of the report was recorded: its text, who it is addressed to, the findings it answers."""

        recommendation_number: int
        text: str
        addressed_to: str
        sector: str | None
        organisation: str
        findings: list[int]

        def apply(self, aggregate: Any) -> None:
            review: RecommendationSteps = aggregate
            review.recommendations[self.recommendation_number] = Recommendation(
                number=self.recommendation_number,
                text=self.text,
                addressed_to=Addressee(self.addressed_to),
                sector=AgencySector(self.sector) if self.sector else None,
                organisation=self.organisation,
                findings=tuple(self.findings),
                made_on=self.on,
            )

        def summary(self) -> str:
            answers = ", ".join(f"F{n}" for n in self.findings)
            return f"Made recommendation R{self.recommendation_number} (answering {answers})"

    class RecommendationAnswered(ReviewEvent):
        """The partnership responded to a recommendation: accepted, accepted in part or not accepted (why)."""

        recommendation_number: int
        response: str
        reason: str

        def apply(self, aggregate: Any) -> None:
            review: RecommendationSteps = aggregate
            before = review.recommendations[self.recommendation_number]
            review.recommendations[self.recommendation_number] = replace(
                before, response=Response(self.response), response_reason=self.reason, answered_on=self.on
            )

        def summary(self) -> str:
            return f"Responded to R{self.recommendation_number}: {self.response.replace('_', ' ')}"

        def why(self) -> str:
            return self.reason

    recommendations: dict[int, Recommendation]

    if TYPE_CHECKING:

        def finding_in_force(self, number: int) -> Finding: ...

    def make_recommendation(
        self,
        *,
        actor_id: UUID,
        now: datetime,
        on: date,
        text: str,
        addressed_to: Addressee,
        sector: AgencySector | None,
        organisation: str,
        findings: list[int],
    ) -> int:
        """Record a recommendation of the report, answering findings in force; returns its number."""
        self._check_recommendations_writable("make a recommendation", on, now)
        _check_addressee(addressed_to, sector, organisation)
        answered = list(dict.fromkeys(findings))
        if not answered:
            raise RecommendationAnswersNoFinding("a recommendation answers at least one finding (F1, F2 ...)")
        for number in answered:
            self.finding_in_force(number)
        number = len(self.recommendations) + 1
        self._record(
            self.RecommendationMade,
            actor_id,
            now,
            on,
            recommendation_number=number,
            text=text,
            addressed_to=addressed_to.value,
            sector=sector.value if sector else None,
            organisation=organisation,
            findings=answered,
        )
        return number

    def answer_recommendation(
        self, *, actor_id: UUID, now: datetime, on: date, number: int, response: Response, reason: str
    ) -> None:
        """Record the partnership's response to a recommendation (a later response replaces an earlier one)."""
        self._check_recommendations_writable("respond to a recommendation", on, now, ANSWERABLE)
        recommendation = self.recommendation(number)
        if response is not Response.ACCEPTED and not reason.strip():
            said = response.value.replace("_", " ")
            raise ResponseNeedsAReason(f"a recommendation {said} needs the partnership's reason (R{number})")
        if recommendation.made_on > on:
            raise StepDatedBeforePreviousStep(
                f"cannot respond to R{number} on {on}: it was made on {recommendation.made_on}"
            )
        self._record(
            self.RecommendationAnswered,
            actor_id,
            now,
            on,
            recommendation_number=number,
            response=response.value,
            reason=reason,
        )

    def recommendation(self, number: int) -> Recommendation:
        try:
            return self.recommendations[number]
        except KeyError:
            raise UnknownRecommendation(f"{self.reference} has no recommendation R{number}") from None

    def unanswered_recommendations(self) -> list[Recommendation]:
        return [r for r in self.recommendations.values() if r.response is None]

    def _require_responses_before_sign_off(self, on: date) -> None:
        waiting = self.unanswered_recommendations()
        if waiting:
            keys = ", ".join(r.key for r in waiting)
            raise RecommendationsAwaitResponse(
                f"cannot sign off the report: the partnership has not yet responded to {keys}"
            )
        latest = max((r.answered_on for r in self.recommendations.values() if r.answered_on), default=None)
        if latest is not None and on < latest:
            raise StepDatedBeforePreviousStep(
                f"cannot sign off the report on {on}: that is before the response to a recommendation on {latest}"
            )

    def _check_recommendations_writable(
        self, step: str, on: date, now: datetime, allowed: tuple[Stage, ...] = WRITABLE
    ) -> None:
        signed_off_on = self.step_dates.get(Stage.SIGNED_OFF)
        if signed_off_on is not None:
            raise RecommendationsAreFrozen(
                f"cannot {step}: recommendations were frozen when the report was signed off on {signed_off_on}"
            )
        self._check_step(allowed, step, on, now)


def _check_addressee(addressed_to: Addressee, sector: AgencySector | None, organisation: str) -> None:
    if addressed_to is Addressee.AGENCY and sector is None:
        raise RecommendationAddresseeIncomplete("a recommendation to an agency names its sector (e.g. police)")
    if addressed_to is Addressee.NATIONAL_BODY and not organisation.strip():
        raise RecommendationAddresseeIncomplete("a recommendation to a national body names the body (organisation)")
    if addressed_to is not Addressee.AGENCY and sector is not None:
        to = addressed_to.value.replace("_", " ")
        raise RecommendationAddresseeMismatch(f"only a recommendation to an agency names a sector, not one to the {to}")
    if addressed_to is Addressee.PARTNERSHIP and organisation.strip():
        raise RecommendationAddresseeMismatch("a recommendation to the partnership names no other organisation")
