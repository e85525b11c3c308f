"""The second factor over the app: a deployment that requires it has each person set up an authenticator app at
their first sign-in; afterwards a correct password is followed by the app's code, each code works once, and
wrong codes count towards the lock like wrong passwords."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from lipp.accounts import totp
from lipp.bootstrap import Lipp, accounts_for
from lipp.domain.clock import SettableClock
from lipp.domain.identifiers import user_id_for
from lipp.domain.registry.user import User
from lipp.interfaces.api.app import create_app
from tests.conftest import People
from tests.web.test_sessions import PASSWORD, token_of


@pytest.fixture
def client(lipp: Lipp, people: People) -> Iterator[TestClient]:
    lipp.settings.web.require_second_factor = True
    accounts_for(lipp).set_password(people.admin, "nvl.coordinator", PASSWORD)
    with TestClient(create_app(lambda: lipp), base_url="http://127.0.0.1") as client:
        yield client


def password_step(client: TestClient) -> str:
    """Sign in with the password; the page that follows (the code page)."""
    token = token_of(client.get("/app/sign-in").text)
    done = client.post("/app/sign-in", data={"csrf_token": token, "login": "nvl.coordinator", "password": PASSWORD})
    assert done.url.path == "/app/sign-in/code"
    assert client.get("/app/boards/NVL", follow_redirects=False).status_code == 303  # not signed in yet
    return done.text


def send_code(client: TestClient, html: str, code: str) -> TestClient:
    return client.post("/app/sign-in/code", data={"csrf_token": token_of(html), "code": code, "next": "/app/"})  # type: ignore[return-value]


def test_a_required_second_factor_is_set_up_at_first_sign_in_then_asked_for(
    client: TestClient, lipp: Lipp, clock: SettableClock
) -> None:
    html = password_step(client)
    found = re.search(r'class="govuk-!-font-weight-bold lipp-key">([A-Z2-7 ]+)<', html)
    assert found, "the setup key is shown"
    key = found.group(1).replace(" ", "")
    wrong = send_code(client, html, "000000" if totp.code_at(key, clock.now()) != "000000" else "111111")
    assert "govuk-error-summary" in wrong.text and "not right" in wrong.text  # type: ignore[attr-defined]
    signed = send_code(client, wrong.text, totp.code_at(key, clock.now()))  # type: ignore[attr-defined]
    assert signed.url.path == "/app/boards/NVL"  # type: ignore[attr-defined]
    user: User = lipp.registry.repository.get(user_id_for("nvl.coordinator"))
    assert "SecondFactorSet" in [type(e).__name__ for e in lipp.registry.events.get(user.id)]
    assert key not in str([e.__dict__ for e in lipp.registry.events.get(user.id)])  # the key is never an event

    client.cookies.clear()
    html = password_step(client)
    assert "lipp-key" not in html  # set up already: only the code is asked for
    used = send_code(client, html, totp.code_at(key, clock.now()))  # the same step's code again
    assert "not right" in used.text  # type: ignore[attr-defined]
    clock.advance(timedelta(seconds=totp.STEP_SECONDS))
    assert send_code(client, used.text, totp.code_at(key, clock.now())).url.path == "/app/boards/NVL"  # type: ignore[attr-defined]


def test_wrong_codes_lock_the_account_like_wrong_passwords(
    client: TestClient, lipp: Lipp, clock: SettableClock
) -> None:
    accounts = accounts_for(lipp)
    user_id = user_id_for("nvl.coordinator")
    key = totp.new_secret()
    accounts.set_up_second_factor(user_id, key, totp.code_at(key, clock.now()))
    html = password_step(client)
    for _ in range(lipp.settings.web.lock_after_failures):
        clock.advance(timedelta(minutes=20))  # past every wait
        html = send_code(client, html, "12345x").text  # type: ignore[attr-defined]
    assert "locked" in html
    user: User = lipp.registry.repository.get(user_id)
    assert user.locked
