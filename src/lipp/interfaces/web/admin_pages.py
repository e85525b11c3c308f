"""The admin's pages: users, API tokens, the e-mail outbox, the read models' state, boards, the lead-reviewer
register and the Alliance's national bodies. Each asks what its API route (or, for the outbox, the operator's
command) asks, as the signed-in person."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from lipp.adapters.envelope import EntryState
from lipp.application.registry import require_admin
from lipp.interfaces.web.context import signed_in, web_of
from lipp.interfaces.web.pages import WebRoute, done_message, page
from lipp.projections.status import projection_states

router = APIRouter(prefix="/app/admin", route_class=WebRoute, include_in_schema=False)


@router.get("/users")
def users(request: Request) -> HTMLResponse:
    """Every user by username (GET /users: admins and coordinators)."""
    actor = signed_in(request)
    found = web_of(request).lipp.registry.users(actor)
    return page(request, "admin_users.html", actor, title="Users", users=found, done=done_message(request))


@router.get("/tokens")
def tokens(request: Request) -> HTMLResponse:
    """Every API token in the order issued (admins), newest first; the secret is never shown again."""
    actor = signed_in(request)
    found = web_of(request).lipp.tokens.tokens(actor)
    return page(
        request,
        "admin_tokens.html",
        actor,
        title="API tokens",
        tokens=list(reversed(found)),
        issued=None,
        done=done_message(request),
        errors=[],
        field_errors={},
        values={},
    )


@router.get("/outbox")
def outbox(request: Request) -> HTMLResponse:
    """The outbox's failed e-mails with their reasons, and how many wait (what `lipp outbox list` shows)."""
    actor = signed_in(request)
    require_admin(actor, "see the outbox")
    box = web_of(request).lipp.outbox
    return page(
        request,
        "admin_outbox.html",
        actor,
        title="E-mail outbox",
        failed=box.entries(state=EntryState.FAILED),
        queued=len(box.entries(state=EntryState.QUEUED)),
        done=done_message(request),
    )


@router.get("/read-models")
def read_models(request: Request) -> HTMLResponse:
    """Each read model's position, lag and, when stuck, the event and the reason (GET /projections)."""
    actor = signed_in(request)
    lipp = web_of(request).lipp
    states = projection_states(actor, lipp.runner, lipp.projections)
    return page(request, "admin_read_models.html", actor, title="Read models", states=states)


@router.get("/boards")
def boards(request: Request) -> HTMLResponse:
    """Every board by code (GET /boards)."""
    actor = signed_in(request)
    found = web_of(request).lipp.registry.boards()
    return page(request, "admin_boards.html", actor, title="Boards", boards=found)


@router.get("/reviewers")
def reviewers(request: Request) -> HTMLResponse:
    """The lead-reviewer register (GET /reviewers: admins and coordinators)."""
    actor = signed_in(request)
    found = web_of(request).lipp.reviewers.profiles(actor)
    return page(request, "admin_reviewers.html", actor, title="Lead-reviewer register", reviewers=found)


@router.get("/national-bodies")
def national_bodies(request: Request) -> HTMLResponse:
    """The Alliance's member bodies and their digest subscriptions (GET /alliance/members)."""
    actor = signed_in(request)
    found = web_of(request).lipp.registry.national_bodies()
    return page(request, "admin_national_bodies.html", actor, title="National bodies", bodies=found)
