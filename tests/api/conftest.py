"""An API client over a real lipp store, with a token for every kind of caller."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from lipp.bootstrap import Lipp, build
from lipp.commands.registry import RegisterUser
from lipp.commands.tokens import IssueToken
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from lipp.interfaces.api.app import create_app
from tests.conftest import People, register_team

CALLERS = (
    "admin",
    "nvl.coordinator",
    "emr.coordinator",
    "reviewer.a",
    "reviewer.b",
    "national.body",
    "team.member",
)


@dataclass
class Api:
    client: TestClient
    headers: dict[str, dict[str, str]]
    lipp: Lipp
    people: People

    def as_(self, caller: str | None) -> dict[str, str]:
        return self.headers[caller] if caller else {}


def _serve(lipp: Lipp, people: People) -> Iterator[Api]:
    register_team(lipp, people.admin, "NVL-CSC", "NVL")
    lipp.registry.register_user(people.admin, RegisterUser(username="team.member", role="team_member", team="NVL-CSC"))
    headers = {
        caller: {
            "Authorization": "Bearer " + lipp.tokens.issue(people.admin, IssueToken(username=caller, label="t")).secret
        }
        for caller in CALLERS
    }
    with TestClient(create_app(lambda: lipp), raise_server_exceptions=False) as client:
        yield Api(client=client, headers=headers, lipp=lipp, people=people)


@pytest.fixture
def api(lipp: Lipp, people: People) -> Iterator[Api]:
    """A fresh store per test: for tests that change the registry."""
    yield from _serve(lipp, people)


@pytest.fixture(scope="module")
def shared_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """One store for a module whose tests each work on their own review (authorisation is back-end neutral)."""
    clock = SettableClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    settings = Settings(data_dir=tmp_path_factory.mktemp("api"), database_url=None)
    with build(settings, clock) as lipp:
        yield from _serve(lipp, People(lipp))
