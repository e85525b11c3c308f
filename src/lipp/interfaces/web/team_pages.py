"""A team's pages: one delivery with its briefing readable in full, and the page the e-mail's link opens, which
names the briefing and the team (or refuses the link) before offering any button."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from lipp.domain.actors import Role
from lipp.domain.errors import LippError
from lipp.interfaces.errors import refusal_for
from lipp.interfaces.web.context import signed_in, web_of
from lipp.interfaces.web.pages import TITLES, WebRoute, done_message, error_page, page, sentence

router = APIRouter(prefix="/app", route_class=WebRoute, include_in_schema=False)


@router.get("/deliveries/{code}")
def delivery_page(request: Request, code: str) -> HTMLResponse:
    """One delivery (GET /deliveries/{code}) with the briefing as the team received it (GET /briefings/{key})."""
    actor = signed_in(request)
    lipp = web_of(request).lipp
    view = lipp.learning.delivery(actor, code)
    briefing = lipp.learning.briefing(actor, view.briefing)
    return page(
        request,
        "delivery.html",
        actor,
        title=f"Briefing: {briefing.title}",
        delivery=view,
        briefing=briefing,
        is_team=actor.role is Role.TEAM_MEMBER,
        is_verifier=actor.role is Role.COORDINATOR,
        done=done_message(request),
    )


def link_page(request: Request, token: str) -> HTMLResponse:
    """What the e-mail's link opens: the briefing and the team it is for, and one button that acknowledges; a
    bad or expired link is refused here, before any button. Opening it changes nothing (mail scanners follow
    links)."""
    lipp = web_of(request).lipp
    try:
        delivery = lipp.learning.linked_delivery(token)
    except LippError as error:
        refusal = refusal_for(error)
        if refusal is None:
            raise
        return error_page(
            request, refusal.http_status, TITLES.get(refusal.http_status, "Error"), sentence(refusal.message)
        )
    briefing = lipp.learning.briefing_by_id(delivery.briefing_id)
    team = lipp.registry.team_by_id(delivery.team_id)
    return page(
        request,
        "acknowledge_link.html",
        title="Acknowledge a briefing",
        briefing_title=briefing.content.title,
        team_name=team.name if team else delivery.team_code,
        delivery=delivery,
        acknowledged_on=delivery.acknowledged_on(),
        token=token,
    )


def link_receipt_page(request: Request, title: str, message: str, briefing: str, team: str) -> HTMLResponse:
    return page(request, "acknowledged.html", title=title, message=sentence(message), briefing=briefing, team=team)
