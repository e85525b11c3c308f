"""Signing in and out, choosing a password from a one-time link, asking for a reset, inviting a person."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from lipp.domain.actors import Role
from lipp.domain.errors import InvalidInput, LippError, Unauthenticated
from lipp.interfaces.errors import refusal_for
from lipp.interfaces.web.context import (
    anonymous_session,
    check_form_token,
    require_role,
    session_of,
    set_session_cookie,
    signed_in,
    web_of,
)
from lipp.interfaces.web.pages import WebRoute, page

router = APIRouter(prefix="/app", route_class=WebRoute, include_in_schema=False)
Form = Annotated[dict[str, Any], Depends(check_form_token)]


def field_error(field: str, text: str) -> dict[str, str]:
    """One line of the GOV.UK error summary, linking to the field it is about."""
    return {"text": text, "href": f"#{field}", "field": field}


def errors_by_field(errors: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {error["field"]: {"text": error["text"]} for error in errors}


def safe_next(target: str | None) -> str:
    """Only lipp's own pages: a `next` naming another site would make the sign-in page an open redirect."""
    if target and target.startswith("/app/") and not target.startswith("//"):
        return target
    return "/app/"


def signed_in_as(request: Request, user_id: Any, target: str) -> Response:
    """A fresh session for the person (the one from before signing in is ended), then on to `target`."""
    web = web_of(request)
    old = session_of(request)
    if old is not None:
        web.sessions.end(old.secret)
    now = web.lipp.clock.now()
    web.sessions.sweep(now)
    session = web.sessions.start(user_id, now)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(request, response, session)
    return response


def _sign_in_page(
    request: Request, login: str = "", errors: list[dict[str, str]] | None = None, **more: Any
) -> HTMLResponse:
    response = HTMLResponse()
    anonymous_session(request, response)
    shown = page(
        request,
        "sign_in.html",
        title="Sign in",
        login=login,
        next=safe_next(request.query_params.get("next")),
        errors=errors or [],
        field_errors=errors_by_field(errors or []),
        **more,
    )
    shown.raw_headers.extend(h for h in response.raw_headers if h[0] == b"set-cookie")
    return shown


@router.get("/sign-in")
def sign_in_form(request: Request) -> HTMLResponse:
    return _sign_in_page(request, signed_out=request.query_params.get("signed-out") == "1")


@router.post("/sign-in")
async def sign_in(request: Request, form: Form) -> Response:
    login, password = form.get("login", "").strip(), form.get("password", "")
    errors = []
    if not login:
        errors.append(field_error("login", "Enter your username or email address"))
    if not password:
        errors.append(field_error("password", "Enter your password"))
    if errors:
        return _sign_in_page(request, login, errors)
    web = web_of(request)
    try:
        actor = await run_in_threadpool(web.accounts.sign_in, login, password)
    except Unauthenticated as refused:
        return _sign_in_page(request, login, [field_error("login", _sentence(str(refused)))])
    target = safe_next(form.get("next"))
    if web.accounts.second_factor_needed(actor.user_id):
        return _code_next(request, actor.user_id, target)
    return signed_in_as(request, actor.user_id, target)


def _code_next(request: Request, user_id: Any, target: str) -> Response:
    """Right password, code still to come: a new session that signs nobody in yet, then the code page."""
    web = web_of(request)
    old = session_of(request)
    if old is not None:
        web.sessions.end(old.secret)
    session = web.sessions.start(None, web.lipp.clock.now(), pending_user_id=user_id)
    response = RedirectResponse(f"/app/sign-in/code?next={quote(target, safe='')}", status_code=303)
    set_session_cookie(request, response, session)
    return response


@router.post("/sign-out")
async def sign_out(request: Request, form: Form) -> Response:
    session = session_of(request)
    if session is not None:
        web_of(request).sessions.end(session.secret)
    response = RedirectResponse("/app/sign-in?signed-out=1", status_code=303)
    response.delete_cookie("lipp_session", path="/")
    return response


@router.get("/reset-password")
def reset_form(request: Request) -> HTMLResponse:
    response = HTMLResponse()
    anonymous_session(request, response)
    shown = page(request, "reset_password.html", title="Reset your password", errors=[], field_errors={})
    shown.raw_headers.extend(h for h in response.raw_headers if h[0] == b"set-cookie")
    return shown


@router.post("/reset-password")
async def reset(request: Request, form: Form) -> HTMLResponse:
    login = form.get("login", "").strip()
    if not login:
        errors = [field_error("login", "Enter your username or email address")]
        return page(
            request,
            "reset_password.html",
            title="Reset your password",
            errors=errors,
            field_errors=errors_by_field(errors),
        )
    await run_in_threadpool(web_of(request).accounts.request_reset, login)
    return page(request, "reset_sent.html", title="Check your email")


@router.get("/choose-password/{token}")
def choose_form(request: Request, token: str) -> HTMLResponse:
    web_of(request).accounts.link(token)  # a bad or used link is refused before any form is offered
    response = HTMLResponse()
    anonymous_session(request, response)
    shown = page(request, "choose_password.html", title="Choose your password", token=token, errors=[], field_errors={})
    shown.raw_headers.extend(h for h in response.raw_headers if h[0] == b"set-cookie")
    return shown


@router.post("/choose-password/{token}")
async def choose(request: Request, token: str, form: Form) -> Response:
    password, confirm = form.get("password", ""), form.get("confirm", "")
    errors = []
    if password != confirm:
        errors.append(field_error("confirm", "Enter the same password twice"))
    web = web_of(request)
    if not errors:
        try:
            actor = await run_in_threadpool(web.accounts.choose_password, token, password)
        except InvalidInput as bad:
            errors.append(field_error("password", _sentence(str(bad))))
        else:  # the new password has ended the user's earlier sessions
            return signed_in_as(request, actor.user_id, "/app/")
    return page(
        request,
        "choose_password.html",
        title="Choose your password",
        token=token,
        errors=errors,
        field_errors=errors_by_field(errors),
    )


@router.get("/admin/invite")
def invite_form(request: Request) -> HTMLResponse:
    actor = signed_in(request)
    require_role(actor, Role.ADMIN)
    return page(request, "invite.html", actor, title="Invite a user", errors=[], field_errors={}, values={})


@router.post("/admin/invite")
async def invite(request: Request, form: Form) -> HTMLResponse:
    actor = signed_in(request)
    username, email = form.get("username", "").strip(), form.get("email", "").strip()
    errors = []
    if not username:
        errors.append(field_error("username", "Enter the username of a registered user"))
    if not email:
        errors.append(field_error("email", "Enter their email address"))
    if not errors:
        try:
            await run_in_threadpool(web_of(request).accounts.invite, actor, username, email)
        except LippError as refused:
            refusal = refusal_for(refused)
            if refusal is None or refusal.http_status == 403:
                raise
            where = "email" if "mail" in refusal.message else "username"
            errors.append(field_error(where, _sentence(refusal.message)))
        else:
            return page(
                request,
                "invite.html",
                actor,
                title="Invite a user",
                invited=username,
                errors=[],
                field_errors={},
                values={},
            )
    values = {"username": username, "email": email}
    return page(
        request,
        "invite.html",
        actor,
        title="Invite a user",
        errors=errors,
        field_errors=errors_by_field(errors),
        values=values,
    )


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:].rstrip(".")
