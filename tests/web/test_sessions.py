"""Sessions and forms over the app itself: every changing form needs the session's token; sessions end after
idle time and after their longest length; the cookie is HttpOnly, SameSite=Lax and Secure off loopback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from lipp.bootstrap import Lipp, accounts_for
from lipp.domain.clock import SettableClock
from lipp.interfaces.api.app import create_app
from tests.conftest import People

PASSWORD = "marble kettle sunrise 3"


@pytest.fixture
def client(lipp: Lipp, people: People) -> Iterator[TestClient]:
    accounts_for(lipp).set_password(people.admin, "nvl.coordinator", PASSWORD)
    with TestClient(create_app(lambda: lipp), base_url="http://127.0.0.1") as client:
        yield client


def token_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found
    return found.group(1)


def signed_in(client: TestClient) -> str:
    token = token_of(client.get("/app/sign-in").text)
    response = client.post("/app/sign-in", data={"csrf_token": token, "login": "nvl.coordinator", "password": PASSWORD})
    assert response.status_code == 200 and response.url.path == "/app/boards/NVL"
    return token_of(response.text)


FORMS = ["/app/sign-in", "/app/sign-out", "/app/reset-password", "/app/admin/invite", "/app/choose-password/x"]


def test_a_form_without_the_sessions_token_changes_nothing(client: TestClient) -> None:
    real = signed_in(client)
    data = {"login": "nvl.coordinator", "password": PASSWORD, "username": "reviewer.a", "email": "a@example.org"}
    for path in FORMS:
        for token in (None, "", "forged-token-value", real[:-1]):
            sent = data if token is None else {**data, "csrf_token": token}
            response = client.post(path, data=sent, follow_redirects=False)
            assert response.status_code == 403, (path, token)
            assert "govuk-heading-l" in response.text and "did not come from lipp" in response.text
    assert client.get("/app/boards/NVL", follow_redirects=False).status_code == 200  # still signed in


def test_sessions_end_after_idle_time_and_after_their_longest_length(
    client: TestClient, lipp: Lipp, clock: SettableClock
) -> None:
    signed_in(client)
    clock.advance(timedelta(minutes=lipp.settings.web.idle_minutes, seconds=1))
    assert client.get("/app/boards/NVL", follow_redirects=False).headers["location"].startswith("/app/sign-in")

    signed_in(client)
    for _ in range(lipp.settings.web.max_hours * 3 + 1):  # busy all day, never idle: still ends at the longest length
        clock.advance(timedelta(minutes=20))
        response = client.get("/app/boards/NVL", follow_redirects=False)
    assert response.headers["location"].startswith("/app/sign-in")


def test_the_cookie_is_http_only_lax_and_secure_off_loopback(lipp: Lipp, people: People) -> None:
    with TestClient(create_app(lambda: lipp), base_url="https://lipp.example") as client:
        cookie = client.get("/app/sign-in").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" in cookie
    with TestClient(create_app(lambda: lipp), base_url="http://127.0.0.1") as client:
        assert "Secure" not in client.get("/app/sign-in").headers["set-cookie"]


def test_signing_in_replaces_the_session_from_before(client: TestClient) -> None:
    client.get("/app/sign-in")
    before = client.cookies["lipp_session"]
    signed_in(client)
    assert client.cookies["lipp_session"] != before


def test_pages_are_not_stored_and_refusals_are_govuk_pages(client: TestClient) -> None:
    signed_in(client)
    page = client.get("/app/boards/NVL")
    assert page.headers["cache-control"] == "no-store"
    assert client.get("/app/boards/EMR").status_code == 403  # as GET /boards/EMR/reviews refuses this coordinator
    missing = client.get("/app/no-such-page")
    assert missing.status_code == 404 and "Page not found" in missing.text
    assert "<script>" not in page.text and " style=" not in page.text  # nothing inline: the CSP forbids it


def test_a_new_password_or_a_deactivation_ends_the_users_sessions(
    client: TestClient, lipp: Lipp, people: People
) -> None:
    from lipp.commands.registry import DeactivateUser

    signed_in(client)
    accounts = client.app.state.web.accounts  # type: ignore[attr-defined]  # the app's own, told about its sessions
    accounts.set_password(people.admin, "nvl.coordinator", PASSWORD + " again")
    assert client.get("/app/boards/NVL", follow_redirects=False).status_code == 303

    token = token_of(client.get("/app/sign-in").text)
    data = {"csrf_token": token, "login": "nvl.coordinator", "password": PASSWORD + " again"}
    assert client.post("/app/sign-in", data=data).url.path == "/app/boards/NVL"
    lipp.registry.deactivate_user(people.admin, DeactivateUser(username="nvl.coordinator", reason="Left the board"))
    assert client.get("/app/boards/NVL", follow_redirects=False).headers["location"].startswith("/app/sign-in")


def test_only_admins_see_the_invitation_form(client: TestClient) -> None:
    signed_in(client)
    assert client.get("/app/admin/invite").status_code == 403
