"""Revoked tokens and deactivated users lose API access: at once through the same process, and within the
token-check time through another process of the fleet (ADR 0011)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from lipp.bootstrap import Lipp, build
from lipp.commands.registry import DeactivateUser
from lipp.commands.tokens import IssueToken, RevokeToken
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from lipp.domain.registry.token import token_id_for
from lipp.interfaces.api.app import create_app
from tests.conftest import People

REMEMBER_FOR = 5.0


@pytest.fixture
def fleet(settings: Settings, clock: SettableClock) -> Iterator[tuple[Lipp, TestClient]]:
    """Two API processes over one store (as two machines of a fleet would be), each remembering checks 5 s:
    the first acts through lipp directly, the second serves the API."""
    shared = settings.model_copy(update={"token_check_seconds": REMEMBER_FOR})
    with (
        build(shared, clock) as first,
        build(shared, clock) as second,
        TestClient(create_app(lambda: second), raise_server_exceptions=False) as client,
    ):
        yield first, client


def _bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def test_a_token_revoked_through_the_same_process_is_refused_at_once(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    secret = lipp.tokens.issue(people.admin, IssueToken(username="nvl.coordinator", label="laptop")).secret
    with TestClient(create_app(lambda: lipp), raise_server_exceptions=False) as client:
        assert client.get("/me", headers=_bearer(secret)).status_code == 200
        lipp.tokens.revoke(people.admin, RevokeToken(token_id=token_id_for(secret), reason="Laptop lost"))
        refused = client.get("/me", headers=_bearer(secret))
    assert refused.status_code == 401
    assert refused.json()["detail"] == "the API token is not valid"


def test_a_user_deactivated_through_the_same_process_is_refused_at_once(lipp: Lipp, people: People) -> None:
    secret = lipp.tokens.issue(people.admin, IssueToken(username="reviewer.a", label="laptop")).secret
    with TestClient(create_app(lambda: lipp), raise_server_exceptions=False) as client:
        assert client.get("/me", headers=_bearer(secret)).status_code == 200
        deactivated = client.post(
            "/users/reviewer.a/deactivation",
            headers=_bearer(lipp.tokens.issue(people.admin, IssueToken(username="admin", label="desk")).secret),
            json={"reason": "Left the register"},
        )
        assert deactivated.status_code == 200, deactivated.text
        assert client.get("/me", headers=_bearer(secret)).status_code == 401


def test_another_process_refuses_a_revoked_token_within_the_token_check_time(
    fleet: tuple[Lipp, TestClient], clock: SettableClock
) -> None:
    first, client = fleet
    people = People(first)
    secret = first.tokens.issue(people.admin, IssueToken(username="nvl.coordinator", label="laptop")).secret
    assert client.get("/me", headers=_bearer(secret)).status_code == 200  # the second process now remembers it

    first.tokens.revoke(people.admin, RevokeToken(token_id=token_id_for(secret), reason="Laptop lost"))
    clock.advance(timedelta(seconds=REMEMBER_FOR - 1))
    assert client.get("/me", headers=_bearer(secret)).status_code == 200  # the documented window
    clock.advance(timedelta(seconds=1))
    assert client.get("/me", headers=_bearer(secret)).status_code == 401


def test_another_process_refuses_a_deactivated_user_within_the_token_check_time(
    fleet: tuple[Lipp, TestClient], clock: SettableClock
) -> None:
    first, client = fleet
    people = People(first)
    secret = first.tokens.issue(people.admin, IssueToken(username="reviewer.a", label="laptop")).secret
    assert client.get("/me", headers=_bearer(secret)).status_code == 200

    first.registry.deactivate_user(people.admin, DeactivateUser(username="reviewer.a", reason="Left the register"))
    clock.advance(timedelta(seconds=REMEMBER_FOR))
    assert client.get("/me", headers=_bearer(secret)).status_code == 401


def test_with_no_token_check_time_every_request_checks_afresh(settings: Settings, clock: SettableClock) -> None:
    checked_every_time = settings.model_copy(update={"token_check_seconds": 0})
    with build(checked_every_time, clock) as first, build(checked_every_time, clock) as second:
        people = People(first)
        secret = first.tokens.issue(people.admin, IssueToken(username="nvl.coordinator", label="laptop")).secret
        with TestClient(create_app(lambda: second), raise_server_exceptions=False) as client:
            assert client.get("/me", headers=_bearer(secret)).status_code == 200
            first.tokens.revoke(people.admin, RevokeToken(token_id=token_id_for(secret), reason="Laptop lost"))
            assert client.get("/me", headers=_bearer(secret)).status_code == 401
