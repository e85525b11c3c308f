"""Review endpoints: commands as POSTs on a review, queries as GETs returning views."""

# No `from __future__ import annotations`: FastAPI reads the body model classes built below at runtime.

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
from pydantic import create_model

from lipp.application.views import ReviewReceipt, ReviewRow, ReviewView, TimelineEntry
from lipp.commands import reviews as c
from lipp.commands.fields import Command, QueryDate
from lipp.domain.review.vocabulary import Stage
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.interfaces.api.paging import PagerDep
from lipp.projections.paging import page_of
from lipp.projections.register.entries import StageCount

router = APIRouter(tags=["reviews"])

STEPS: dict[str, type[c.ReviewStep]] = {
    "decision": c.RecordRapidReviewDecision,
    "commissioning": c.CommissionReview,
    "lead-reviewer": c.AppointLeadReviewer,
    "terms-of-reference": c.AgreeTermsOfReference,
    "pause": c.PauseReview,
    "resumption": c.ResumeReview,
    "draft-report": c.RecordReportDrafted,
    "sign-off": c.SignOffReport,
    "panel-copy": c.SendReportToPanel,
    "publication-deferral": c.DeferPublication,
    "publication": c.PublishReport,
    "non-publication": c.WithholdPublication,
    "closure": c.CloseReview,
}
AsOf = Annotated[QueryDate | None, Query(description="Show it as it stood at the end of this date")]


def _body_model(command_class: type[c.ReviewStep]) -> type[Command]:
    """The command without its reference, which comes from the path."""
    fields: dict[str, Any] = {
        name: (field.annotation, field) for name, field in command_class.model_fields.items() if name != "reference"
    }
    return create_model(f"{command_class.__name__}Body", __base__=Command, __doc__=command_class.__doc__, **fields)


def _add_step(path: str, command_class: type[c.ReviewStep]) -> None:
    body_model = _body_model(command_class)

    def step(reference: str, body: body_model, actor: ActorDep, lipp: LippDep) -> ReviewReceipt:  # type: ignore[valid-type]
        command = command_class.model_validate({**body.model_dump(), "reference": reference})  # type: ignore[attr-defined]
        return lipp.reviews.execute(actor, command)

    router.add_api_route(
        f"/reviews/{{reference}}/{path}",
        step,
        methods=["POST"],
        response_model=ReviewReceipt,
        summary=(command_class.__doc__ or path).strip().splitlines()[0],
        operation_id=command_class.__name__,
    )


for _path, _command in STEPS.items():
    _add_step(_path, _command)


@router.post("/reviews", status_code=status.HTTP_201_CREATED, operation_id="NotifyIncident")
def notify(command: c.NotifyIncident, actor: ActorDep, lipp: LippDep, response: Response) -> ReviewReceipt:
    """Notify a serious incident; the new review's reference is in the body and the Location header."""
    receipt = lipp.reviews.execute(actor, command)
    response.headers["Location"] = f"/reviews/{receipt.reference}"
    return receipt


@router.get("/reviews/{reference}", operation_id="ShowReview")
def show(reference: str, actor: ActorDep, lipp: LippDep, as_of: AsOf = None) -> ReviewView:
    """A review's state and every due date with its RAG status."""
    return lipp.reviews.review(actor, reference, as_of)


@router.get("/reviews/{reference}/timeline", operation_id="ReviewTimeline")
def timeline(reference: str, actor: ActorDep, lipp: LippDep, as_of: AsOf = None) -> list[TimelineEntry]:
    """Who did what, when, and why."""
    return lipp.reviews.timeline(actor, reference, as_of)


@router.get("/boards/{code}/reviews", operation_id="BoardRegister")
def register(
    code: str,
    actor: ActorDep,
    lipp: LippDep,
    pager: PagerDep,
    as_of: AsOf = None,
    overdue: bool = False,
    stage: Annotated[Stage | None, Query(description="Only reviews at this stage")] = None,
) -> list[ReviewRow]:
    """The board's reviews with their stage and next deadline (read model; replayed events for `as_of`),
    oldest reference first; a page at a time."""
    if as_of is not None:  # what the board knew then cannot come from a current-state table
        rows = lipp.reviews.register(actor, code, as_of)
        rows = [row for row in rows if row.next_status == "overdue"] if overdue else rows
        rows = [row for row in rows if row.stage == stage.value] if stage else rows
        return pager.page(page_of(rows, pager.paging))
    board = lipp.registry.board(code)
    entries = lipp.register.entries(
        actor, board.id, board.code, lipp.reviews.today(), overdue_only=overdue, stage=stage
    )
    rows = [ReviewRow.model_validate(entry, from_attributes=True) for entry in entries]
    return pager.page(page_of(rows, pager.paging))


@router.get("/boards/{code}/reviews/counts", operation_id="BoardStageCounts")
def stage_counts(code: str, actor: ActorDep, lipp: LippDep) -> list[StageCount]:
    """How many of the board's reviews stand at each stage (in process order), and how many of those are paused."""
    board = lipp.registry.board(code)
    return lipp.register.counts(actor, board.id, board.code)
