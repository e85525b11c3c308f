"""Rendering a page for a request: its navigation for the signed-in role, the form token, the error pages."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import quote

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from lipp.domain.actors import Actor, Role
from lipp.domain.errors import LippError
from lipp.interfaces.errors import refusal_for
from lipp.interfaces.web.context import SignInNeeded, session_of
from lipp.interfaces.web.templates import render

NAVIGATION: dict[Role, list[tuple[str, str]]] = {
    Role.COORDINATOR: [
        ("/app/", "Register"),
        ("/app/deliveries", "Deliveries"),
        ("/app/library", "Findings library"),
        ("/app/marker-results", "Quality markers"),
    ],
    Role.LEAD_REVIEWER: [("/app/my-reviews", "My reviews"), ("/app/library", "Findings library")],
    Role.TEAM_MEMBER: [("/app/deliveries", "My deliveries"), ("/app/library", "Findings library")],
    Role.ADMIN: [
        ("/app/admin/boards", "Boards"),
        ("/app/admin/users", "Users"),
        ("/app/admin/tokens", "API tokens"),
        ("/app/admin/outbox", "Outbox"),
        ("/app/admin/read-models", "Read models"),
        ("/app/admin/reviewers", "Reviewers"),
        ("/app/admin/national-bodies", "National bodies"),
        ("/app/deliveries", "Deliveries"),
    ],
    Role.NATIONAL_BODY: [
        ("/app/library", "Findings library"),
        ("/app/digests", "Digests"),
        ("/app/marker-results", "Quality markers"),
        ("/app/alliance/actions", "Alliance actions"),
    ],
}


def page(
    request: Request, name: str, actor: Actor | None = None, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """Template `name` with what every page shows: the menu for the actor's role, sign out, the form token."""
    session = session_of(request)
    navigation = []
    if actor is not None:
        here = request.url.path
        navigation = [
            {"href": href, "text": text, "active": here == href or (href != "/app/" and here.startswith(href))}
            for href, text in NAVIGATION.get(actor.role, [])
        ]
    return render(
        name,
        status_code=status_code,
        actor=actor,
        navigation=navigation,
        csrf_token=session.csrf_token if session else "",
        **context,
    )


def error_page(request: Request, status_code: int, title: str, detail: str) -> HTMLResponse:
    return page(request, "error.html", status_code=status_code, title=title, detail=detail)


TITLES = {401: "Sign in to continue", 403: "You cannot see this page", 404: "Page not found", 409: "Not done"}


class WebRoute(APIRoute):
    """Every page's route: a refusal becomes a GOV.UK error page (never problem+json, never a traceback), and a
    page that needs a person signed in sends the browser to sign in first."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except SignInNeeded:
                back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse(f"/app/sign-in?next={quote(back, safe='')}", status_code=303)
            except (LippError, ValidationError, RequestValidationError) as error:
                refusal = refusal_for(error) if not isinstance(error, RequestValidationError) else None
                if refusal is None:
                    return error_page(request, 400, "There is a problem", "the address has a value lipp cannot read")
                status = refusal.http_status
                return error_page(request, status, TITLES.get(status, "There is a problem"), sentence(refusal.message))
            except HTTPException as error:
                return error_page(request, error.status_code, TITLES.get(error.status_code, "Error"), str(error.detail))

        return handle


def sentence(message: str) -> str:
    """A refusal's message as a sentence on a page."""
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


DONE = {
    "acknowledged": "Your team's acknowledgement is recorded.",
    "discussed": "Your team's discussion is recorded.",
    "changed": "Your team's change in practice is reported. The board's coordinator will verify it.",
    "verified": "The change in practice is verified.",
    "committed": "The action is committed.",
    "progressed": "The progress is recorded.",
    "completed": "The action is completed.",
    "withdrawn": "The action is withdrawn.",
    "role": "The user's role is changed.",
    "deactivated": "The user is deactivated: they can no longer sign in or use a token.",
    "revoked": "The token is revoked: it no longer works.",
    "requeued": "The failed e-mails are back in the queue: the next send takes them.",
    "nothing": "Nothing changed: it was already recorded.",
}


def done_message(request: Request) -> str:
    """The sentence for what a form just did, named by the `done` key its redirect carries (never free text
    from the address, which anyone could write into a link)."""
    return DONE.get(request.query_params.get("done", ""), "")
