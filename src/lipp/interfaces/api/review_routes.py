"""Review endpoints: the steps as POSTs (made from the catalogue), queries as GETs returning views."""

# No `from __future__ import annotations`: FastAPI reads the body model classes built below at runtime.

from typing import Annotated

from fastapi import APIRouter, Query

from lipp.application.views import ReviewRow, ReviewView, TimelineEntry
from lipp.commands.fields import QueryDate
from lipp.domain.review.vocabulary import Stage
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.interfaces.api.paging import PagerDep
from lipp.interfaces.catalogue import reviews as review_catalogue
from lipp.interfaces.catalogue.api import add_routes
from lipp.projections.paging import page_of
from lipp.projections.register.entries import StageCount

router = APIRouter(tags=["reviews"])

AsOf = Annotated[QueryDate | None, Query(description="Show it as it stood at the end of this date")]


add_routes(router, review_catalogue.ENTRIES)  # the steps, declared in the catalogue


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
