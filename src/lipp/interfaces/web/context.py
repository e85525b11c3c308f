"""What every page request shares: lipp, the accounts, the session from the cookie and the actor it signs in."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from fastapi import Request, Response

from lipp.application.accounts import AccountsApplication
from lipp.bootstrap import Lipp, accounts_for
from lipp.domain.actors import Actor, Role
from lipp.domain.errors import NotAuthorised, NotFound
from lipp.domain.registry.user import UserIsDeactivated
from lipp.interfaces.web.sessions import COOKIE, SessionStore, WebSession

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


class SignInNeeded(Exception):
    """The page needs a signed-in person: they are sent to the sign-in page and brought back afterwards."""


class FormTokenMissing(NotAuthorised):
    """A form that changes something came without this session's token (a forged or stale form)."""


@dataclass
class Web:
    """Built once per app, at its first page request, from the lipp the API's lifespan built."""

    lipp: Lipp
    accounts: AccountsApplication
    sessions: SessionStore


def web_of(request: Request) -> Web:
    state = request.app.state
    web: Web | None = getattr(state, "web", None)
    if web is None or web.lipp is not state.lipp:
        lipp: Lipp = state.lipp
        web = state.web = Web(lipp, accounts_for(lipp), SessionStore(lipp.read_models, lipp.settings.web))
        web.accounts.on_password_set.append(web.sessions.end_all_of)  # a new password ends the old sessions
    return web


def session_of(request: Request) -> WebSession | None:
    """The live session the request's cookie names (looked up once per request)."""
    if "web_session" not in request.scope:
        secret = request.cookies.get(COOKIE)
        found = web_of(request).sessions.find(secret, web_of(request).lipp.clock.now()) if secret else None
        request.scope["web_session"] = found
    session: WebSession | None = request.scope["web_session"]
    return session


def signed_in(request: Request) -> Actor:
    """The actor of the signed-in person, through the registry (a deactivated user is refused at once)."""
    session = session_of(request)
    if session is None or session.user_id is None:
        raise SignInNeeded()
    try:
        return web_of(request).lipp.registry.actor_of(session.user_id)
    except UserIsDeactivated:  # deactivated since signing in: the session ends here
        web_of(request).sessions.end_all_of(session.user_id)
        raise SignInNeeded() from None


def require_role(actor: Actor, *roles: Role) -> None:
    if actor.role not in roles:
        raise PageNotForRole(f"this page is for {' or '.join(r.value.replace('_', ' ') for r in roles)}s")


class PageNotForRole(NotAuthorised):
    """The page belongs to another role."""


class PageNotFound(NotFound):
    """No page at that address."""


async def check_form_token(request: Request) -> dict[str, Any]:
    """The submitted form, once its synchronizer token matches the session's; refused otherwise."""
    form = {key: value for key, value in (await request.form()).items() if isinstance(value, str)}
    session = session_of(request)
    sent = form.pop("csrf_token", "")
    if session is None or not secrets.compare_digest(sent.encode(), session.csrf_token.encode()):
        raise FormTokenMissing("this form has expired or did not come from lipp: open the page again and resend it")
    return form


def set_session_cookie(request: Request, response: Response, session: WebSession) -> None:
    """HttpOnly, SameSite=Lax, and Secure unless lipp is on loopback (plain HTTP on a developer's machine)."""
    response.set_cookie(
        COOKIE,
        session.secret,
        httponly=True,
        samesite="lax",
        secure=(request.url.hostname or "") not in LOOPBACK,
        path="/",
    )


def anonymous_session(request: Request, response: Response) -> WebSession:
    """The request's session, or a new one without a user so a sign-in form can carry a token."""
    session = session_of(request)
    if session is None:
        web = web_of(request)
        session = web.sessions.start(None, web.lipp.clock.now())
        request.scope["web_session"] = session
        set_session_cookie(request, response, session)
    return session
