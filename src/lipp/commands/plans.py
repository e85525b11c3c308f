"""Commands of recommendations and action plans: the report's recommendations, the partnership's responses, and
the SMART actions answering them, tracked from agreement to verified completion and a check of their impact."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints

from lipp.commands.fields import (
    ONE_LINE,
    AgencyText,
    BusinessDate,
    Choice,
    Command,
    DateAhead,
    FreeText,
    OptionalLine,
    OptionalText,
    ShortText,
    _case_folded,
)
from lipp.commands.findings import FindingNumber
from lipp.commands.reviews import ReviewStep
from lipp.domain.errors import InvalidInput
from lipp.domain.plans.values import ImpactMethod
from lipp.domain.review.recommendation import Addressee, Response, recommendation_number
from lipp.domain.review.vocabulary import AgencySector


def _recommendation_number(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return recommendation_number(value)
        except InvalidInput as error:
            raise ValueError(str(error)) from None
    return value


RecommendationNumber = Annotated[
    int,
    BeforeValidator(_recommendation_number),
    Field(ge=1, description="A recommendation of the review: R1, R2 ... (or 1, 2 ...)"),
]
ActionReference = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Z]{2,6}-\d{4}-\d{3,}-A\d+$"),
    _case_folded(str.upper),
    ONE_LINE,
    Field(description="An action of a plan: its review's reference and its number (e.g. NVL-2026-001-A3)"),
]
StepDate = Annotated[BusinessDate | None, Field(description="Business date of the step; today if omitted")]


class MakeRecommendation(ReviewStep):
    """Record one of the report's recommendations: what it asks, who it is addressed to, the findings it answers.

    The lead reviewer appointed to the review or a coordinator of its board, while the review is conducted."""

    text: FreeText
    addressed_to: Annotated[Addressee, Choice] = Field(description="partnership, agency or national_body")
    sector: Annotated[AgencySector | None, Choice] = Field(
        default=None, description="For a recommendation to an agency: its sector"
    )
    organisation: OptionalLine = Field(
        default="", description="The agency's organisation (optional), or the national body addressed"
    )
    findings: Annotated[list[FindingNumber], Field(min_length=1, max_length=30, description="Findings it answers")]


class AnswerRecommendation(ReviewStep):
    """Record the partnership's response to a recommendation: accepted, accepted in part, or not accepted (why).

    A coordinator of the review's board, once the report is drafted and before it is signed off."""

    recommendation: RecommendationNumber
    response: Annotated[Response, Choice] = Field(description="accepted, accepted_in_part or not_accepted")
    reason: OptionalText = Field(default="", description="Why: needed unless the recommendation is accepted")


class AgreeAction(ReviewStep):
    """Agree an action of the plan answering an accepted recommendation: the agency, the owner's role (never a
    person's name), what will be done, how success is measured and its baseline, and the due date."""

    recommendation: RecommendationNumber
    agency: AgencyText = Field(description="The agency that acts: 'sector' or 'sector:Organisation name'")
    owner_role: ShortText = Field(description="The owner's role, e.g. 'Named Nurse for Safeguarding'; never a name")
    what: FreeText = Field(description="What will be done")
    measure: FreeText = Field(description="How success will be measured")
    baseline: ShortText = Field(description="The measure's value now, e.g. '40% in the January audit'")
    due_on: DateAhead


class ActionStep(Command):
    """A step on an action of a plan."""

    action: ActionReference
    on: StepDate = None


class RecordActionProgress(ActionStep):
    """Post progress on an action, with its evidence."""

    evidence: FreeText


class ReportActionCompletion(ActionStep):
    """Report an action complete, with its evidence; a coordinator of the board then verifies or returns it."""

    evidence: FreeText


class VerifyAction(ActionStep):
    """Verify an action's reported completion (a coordinator of its board)."""

    note: OptionalText = ""


class ReturnAction(ActionStep):
    """Return an action's reported completion with the reason (a coordinator of its board): in progress again."""

    reason: FreeText


class MoveActionDueDate(ActionStep):
    """Move an action's due date, with the reason; the original due date is kept."""

    due_on: DateAhead
    reason: FreeText


class SupersedeAction(ActionStep):
    """Record that another action of the board replaces this one, with the reason."""

    by: ActionReference
    reason: FreeText


class CheckActionImpact(ActionStep):
    """Record an audit or dip sample of a verified action's measure: the numbers before and after, and what they
    show."""

    method: Annotated[ImpactMethod, Choice] = Field(description="audit or dip_sample")
    before: Annotated[float, Field(ge=0, le=1_000_000, description="The measure before the action")]
    after: Annotated[float, Field(ge=0, le=1_000_000, description="The measure at the check")]
    sample_size: Annotated[int | None, Field(ge=1, le=1_000_000, description="Cases sampled, if a sample")] = None
    narrative: FreeText


PLAN_COMMANDS: tuple[type[Command], ...] = (
    MakeRecommendation,
    AnswerRecommendation,
    AgreeAction,
    RecordActionProgress,
    ReportActionCompletion,
    VerifyAction,
    ReturnAction,
    MoveActionDueDate,
    SupersedeAction,
    CheckActionImpact,
)
