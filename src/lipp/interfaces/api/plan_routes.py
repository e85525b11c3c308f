"""Recommendation and action-plan endpoints: the steps as POSTs (made from the catalogue), queries as GETs."""

# No `from __future__ import annotations`: FastAPI reads the parameter types at runtime.

from typing import Annotated

from fastapi import APIRouter, Query

from lipp.application.plan_filters import tracker_filter
from lipp.application.plan_views import ActionView, PlanFactsView, RecommendationView, TrackerEntry
from lipp.commands.fields import QueryDate
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.interfaces.api.paging import PagerDep
from lipp.interfaces.catalogue import plans as plan_catalogue
from lipp.interfaces.catalogue.api import add_routes

router = APIRouter(tags=["recommendations and action plans"])

AsOf = Annotated[QueryDate | None, Query(description="Show them as they stood at the end of this date")]
Filter = Annotated[str | None, Query(max_length=64)]

add_routes(router, plan_catalogue.ENTRIES)  # recommendations, their responses, actions and their steps


@router.get("/reviews/{reference}/recommendations", operation_id="Recommendations")
def recommendations(reference: str, actor: ActorDep, lipp: LippDep, as_of: AsOf = None) -> list[RecommendationView]:
    """The review's recommendations with the findings they answer and the partnership's responses."""
    return lipp.reviews.recommendations(actor, reference, as_of)


@router.get("/actions/{action}", operation_id="PlanAction")
def action(action: str, actor: ActorDep, lipp: LippDep) -> ActionView:
    """An action with its progress, returns, moved due dates, verification and impact checks."""
    return lipp.plans.action(actor, action)


@router.get("/boards/{code}/actions", operation_id="ActionTracker")
def tracker(
    code: str,
    actor: ActorDep,
    lipp: LippDep,
    pager: PagerDep,
    review: Filter = None,
    agency: Filter = None,
    status: Filter = None,
    overdue: bool = False,
    returned: bool = False,
    due_by: Annotated[QueryDate | None, Query(description="Only actions due on or before this date")] = None,
) -> list[TrackerEntry]:
    """The board's actions, soonest due first, with status and RAG; narrowed by review, agency sector, status,
    overdue, ever returned or due by a date; a page at a time (its coordinators and admins)."""
    wanted = tracker_filter(
        review=review, agency=agency, status=status, overdue=overdue, returned=returned, due_by=due_by
    )
    return pager.page(lipp.plans.tracker(actor, code, wanted, pager.paging))


@router.get("/boards/{code}/actions/facts", operation_id="PlanFacts")
def facts(code: str, actor: ActorDep, lipp: LippDep, review: Filter = None) -> PlanFactsView:
    """The plan's facts for quality markers 15 and 18: actions agreed, agencies, verified, with measured impact."""
    return lipp.plans.facts(actor, code, review)
