"""The read-only pages: each one asks the same application services and read models as its API route, as the
signed-in person, so a page shows exactly what that person's API token would."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lipp.domain.actors import Role
from lipp.domain.review.vocabulary import Stage
from lipp.interfaces.web.as_of import as_of_from
from lipp.interfaces.web.context import PageNotFound, require_role, signed_in, web_of
from lipp.interfaces.web.pages import WebRoute, page
from lipp.interfaces.web.paging import Pages
from lipp.interfaces.web.review_steps import notify_href, review_actions
from lipp.projections.register.entries import RegisterEntry
from lipp.projections.register.led_by import reviews_led_by

router = APIRouter(prefix="/app", route_class=WebRoute, include_in_schema=False)
top = APIRouter(route_class=WebRoute, include_in_schema=False)

REGISTER_PAGE = 50
"""Reviews on one page of a board's register (the API pages the same list with ?limit and ?offset)."""

HOME_OF = {
    Role.LEAD_REVIEWER: "/app/my-reviews",
    Role.TEAM_MEMBER: "/app/deliveries",
    Role.NATIONAL_BODY: "/app/library",
}


@top.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/app/", status_code=303)


def overdue_first(entries: list[RegisterEntry]) -> list[RegisterEntry]:
    """Overdue reviews first, then the rest by their next due date (none last), each group by reference."""
    return sorted(entries, key=lambda e: (not e.is_overdue, e.next_due_on or date.max, e.reference))


@router.get("/")
def home(request: Request) -> Response:
    actor = signed_in(request)
    lipp = web_of(request).lipp
    if actor.role is Role.COORDINATOR and actor.board_id is not None:
        return RedirectResponse(f"/app/boards/{lipp.registry.board_by_id(actor.board_id).code}", status_code=303)
    if actor.role in HOME_OF:
        return RedirectResponse(HOME_OF[actor.role], status_code=303)
    boards = lipp.registry.boards() if actor.role is Role.ADMIN else []
    return page(request, "home.html", actor, title="Home", boards=boards)


@router.get("/boards/{code}")
def board_register(
    request: Request, code: str, stage: str = "", page_number: Annotated[str, Query(alias="page")] = "1"
) -> HTMLResponse:
    """The board's register (GET /boards/{code}/reviews and /counts), overdue first, filtered by stage, a page of
    `REGISTER_PAGE` reviews at a time."""
    actor = signed_in(request)
    lipp = web_of(request).lipp
    board = lipp.registry.board(code)
    chosen = Stage(stage) if stage in {s.value for s in Stage} else None
    today = lipp.reviews.today()
    entries = overdue_first(lipp.register.entries(actor, board.id, board.code, today, stage=chosen))
    counts = lipp.register.counts(actor, board.id, board.code)
    stages = [{"value": "", "text": "All stages", "selected": chosen is None}] + [
        {"value": s.value, "text": s.label.capitalize(), "selected": s is chosen} for s in Stage
    ]
    query = {"stage": chosen.value} if chosen else {}
    shown = Pages.of(len(entries), page_number, REGISTER_PAGE, f"/app/boards/{board.code}", query)
    return page(
        request,
        "register.html",
        actor,
        title=f"{board.name}: reviews" + (f" (page {shown.number} of {shown.count})" if shown.count > 1 else ""),
        board=board,
        entries=entries[shown.first : shown.first + REGISTER_PAGE],
        listed=len(entries),
        pages=shown,
        counts=counts,
        total=sum(c.reviews for c in counts),
        overdue=sum(1 for e in entries if e.is_overdue),
        stages=stages,
        chosen=chosen,
        today=today,
        notify_href=notify_href(actor, board.id),
    )


@router.get("/reviews/{reference}")
def review_page(request: Request, reference: str) -> HTMLResponse:
    """A review as it stands, or as it stood at the end of the date given (GET /reviews/{reference}?as_of=);
    as it stands, with what the person may do next."""
    actor = signed_in(request)
    lipp = web_of(request).lipp
    as_of, typed, errors = as_of_from(request.query_params, lipp.reviews.today())
    view = lipp.reviews.review(actor, reference, as_of)
    timeline = lipp.reviews.timeline(actor, reference, as_of)
    board_link = f"/app/boards/{view.board}" if actor.role in (Role.ADMIN, Role.COORDINATOR) else None
    actions = review_actions(lipp, actor, view.reference, request.query_params.get("done")) if as_of is None else {}
    return page(
        request,
        "review.html",
        actor,
        title=f"Review {view.reference}",
        review=view,
        timeline=list(reversed(timeline)),
        as_of=as_of,
        typed=typed,
        errors=errors,
        board_link=board_link,
        **actions,
    )


@router.get("/my-reviews")
def my_reviews(request: Request) -> HTMLResponse:
    """A lead reviewer's reviews, on any board (each one they may open, as GET /reviews/{reference} allows)."""
    actor = signed_in(request)
    require_role(actor, Role.LEAD_REVIEWER)
    lipp = web_of(request).lipp
    lipp.runner.catch_up(lipp.register.projection)
    today = lipp.reviews.today()
    with lipp.read_models.connect() as connection:
        entries = reviews_led_by(connection, actor.user_id, today, lipp.register.timescales)
    return page(request, "my_reviews.html", actor, title="My reviews", entries=overdue_first(entries), today=today)


@router.get("/deliveries")
def my_deliveries(request: Request) -> HTMLResponse:
    """The deliveries the person may see, as GET /deliveries: a team member their team's, a coordinator their
    board's teams'."""
    actor = signed_in(request)
    lipp = web_of(request).lipp
    rows = lipp.deliveries.deliveries(actor)
    team = lipp.registry.team_by_id(actor.team_id) if actor.team_id else None
    title = "My team's deliveries" if team else "Deliveries"
    return page(request, "my_deliveries.html", actor, title=title, rows=rows, team=team)


@router.get("/{rest:path}")
def not_found(request: Request, rest: str) -> Any:
    raise PageNotFound(f"there is no page at /app/{rest}: check the address, or go to your home page")
