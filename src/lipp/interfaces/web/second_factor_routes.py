"""The second factor: the code from an authenticator app after the password, and setting an app up (at sign-in
when the deployment requires one, or from the account page when a person chooses to)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from lipp.accounts import totp
from lipp.domain.actors import Actor
from lipp.domain.errors import Unauthenticated
from lipp.interfaces.web.auth_routes import errors_by_field, field_error, safe_next, signed_in_as
from lipp.interfaces.web.context import check_form_token, session_of, signed_in, web_of
from lipp.interfaces.web.pages import WebRoute, page
from lipp.interfaces.web.sessions import WebSession

router = APIRouter(prefix="/app", route_class=WebRoute, include_in_schema=False)
Form = Annotated[dict[str, Any], Depends(check_form_token)]


def _key_for(request: Request, session: WebSession) -> str:
    """The authenticator key offered to this session (made once, kept until a code confirms it)."""
    if session.enrolling_secret:
        return session.enrolling_secret
    key = totp.new_secret()
    web_of(request).sessions.offer_key(session, key)
    return key


def _code_page(
    request: Request, session: WebSession, user_id: Any, action: str, actor: Actor | None, errors: list[dict[str, str]]
) -> HTMLResponse:
    web = web_of(request)
    enrolling = not web.accounts.has_second_factor(user_id)
    context: dict[str, Any] = {}
    if enrolling:
        key = _key_for(request, session)
        username = web.lipp.registry.username_of(user_id)
        context = {"key": totp.grouped(key), "uri": totp.setup_uri(key, username)}
    title = "Set up your authenticator app" if enrolling else "Enter the code from your authenticator app"
    return page(
        request,
        "second_factor.html",
        actor,
        title=title,
        enrolling=enrolling,
        action=action,
        next=safe_next(request.query_params.get("next")),
        errors=errors,
        field_errors=errors_by_field(errors),
        **context,
    )


def _pending(request: Request) -> WebSession | None:
    session = session_of(request)
    return session if session is not None and session.pending_user_id is not None else None


@router.get("/sign-in/code")
def code_form(request: Request) -> Response:
    session = _pending(request)
    if session is None:
        return RedirectResponse("/app/sign-in", status_code=303)
    return _code_page(request, session, session.pending_user_id, "/app/sign-in/code", None, [])


@router.post("/sign-in/code")
async def code(request: Request, form: Form) -> Response:
    session = _pending(request)
    if session is None:
        return RedirectResponse("/app/sign-in", status_code=303)
    user_id = session.pending_user_id
    assert user_id is not None
    accounts = web_of(request).accounts
    try:
        if accounts.has_second_factor(user_id):
            await run_in_threadpool(accounts.check_code, user_id, form.get("code", ""))
        else:
            key = session.enrolling_secret or ""
            await run_in_threadpool(accounts.set_up_second_factor, user_id, key, form.get("code", ""))
    except Unauthenticated as refused:
        error = field_error("code", str(refused)[:1].upper() + str(refused)[1:])
        return _code_page(request, session, user_id, "/app/sign-in/code", None, [error])
    return signed_in_as(request, user_id, safe_next(form.get("next")))


@router.get("/account/second-factor")
def set_up_form(request: Request) -> HTMLResponse:
    actor = signed_in(request)
    session = session_of(request)
    assert session is not None
    if web_of(request).accounts.has_second_factor(actor.user_id):
        return page(request, "second_factor_done.html", actor, title="Your authenticator app is set up")
    return _code_page(request, session, actor.user_id, "/app/account/second-factor", actor, [])


@router.post("/account/second-factor")
async def set_up(request: Request, form: Form) -> HTMLResponse:
    actor = signed_in(request)
    session = session_of(request)
    assert session is not None
    try:
        await run_in_threadpool(
            web_of(request).accounts.set_up_second_factor,
            actor.user_id,
            session.enrolling_secret or "",
            form.get("code", ""),
        )
    except Unauthenticated as refused:
        error = field_error("code", str(refused)[:1].upper() + str(refused)[1:])
        return _code_page(request, session, actor.user_id, "/app/account/second-factor", actor, [error])
    return page(request, "second_factor_done.html", actor, title="Your authenticator app is set up")
