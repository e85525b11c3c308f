"""Read-model endpoints: searching findings across reviews, marker results across boards, and (for admins)
where each read model stands. Each caller sees what the CLI would show them."""

# No `from __future__ import annotations`: FastAPI reads the parameter annotations at runtime.

from typing import Annotated

from fastapi import APIRouter, Query

from lipp.commands.fields import QueryDate
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.projections.findings.entries import FoundFinding
from lipp.projections.markers.entries import MarkerResult
from lipp.projections.status import ProjectionState, projection_states

router = APIRouter(tags=["read models"])

Board = Annotated[str | None, Query(max_length=16, description="A board code, e.g. NVL")]
From = Annotated[QueryDate | None, Query(alias="from", description="On or after this date (YYYY-MM-DD)")]
To = Annotated[QueryDate | None, Query(alias="to", description="On or before this date (YYYY-MM-DD)")]


@router.get("/findings", operation_id="SearchFindings")
def search_findings(
    actor: ActorDep,
    lipp: LippDep,
    q: Annotated[str | None, Query(max_length=500, description="Words to find (stemmed), all of them")] = None,
    theme: Annotated[str | None, Query(max_length=200, description="A national theme: id or any name")] = None,
    pattern: Annotated[str | None, Query(max_length=48, description="A pattern category: 1 to 6 or its id")] = None,
    agency: Annotated[str | None, Query(max_length=200, description="An agency sector, e.g. police")] = None,
    board: Board = None,
    from_date: From = None,
    to_date: To = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many")] = 50,
) -> list[FoundFinding]:
    """Findings in force across reviews, best match first when words are given, else the most recent first.
    Outside their own board or review a caller sees only findings cleared as shareable, without case
    references (national bodies: shareable findings only, reviews named by board and year)."""
    return lipp.library.search_findings(actor, q, theme, pattern, agency, board, from_date, to_date, limit)


@router.get("/quality-markers/results", operation_id="QualityMarkerResults")
def marker_results(
    actor: ActorDep, lipp: LippDep, board: Board = None, from_date: From = None, to_date: To = None
) -> list[MarkerResult]:
    """Per marker, how many reviews' latest ratings are met, partly met, not met or not applicable, rated in the
    period (national bodies and admins: any board or all; coordinators: their own board)."""
    return lipp.marker_results.marker_results(actor, board, from_date, to_date)


@router.get("/projections", operation_id="ProjectionStates")
def projections(actor: ActorDep, lipp: LippDep) -> list[ProjectionState]:
    """Each read model's position in the event log and its lag (admins)."""
    return projection_states(actor, lipp.runner, lipp.projections)
