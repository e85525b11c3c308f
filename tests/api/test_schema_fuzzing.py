"""Schemathesis fuzzes every operation of the live OpenAPI schema: no input makes the server fail (5xx)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from lipp.bootstrap import build
from lipp.commands.tokens import IssueToken
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from tests.api.live import live_server
from tests.conftest import People


@pytest.fixture(scope="module")
def coordinator_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    clock = SettableClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    store = Settings(data_dir=tmp_path_factory.mktemp("fuzz"), database_url=None)
    with build(store, clock) as lipp:
        people = People(lipp)
        secret = lipp.tokens.issue(people.admin, IssueToken(username="nvl.coordinator", label="fuzz")).secret
    with live_server(store, clock) as base:
        yield base, secret


def test_no_generated_request_makes_the_server_fail(coordinator_server: tuple[str, str]) -> None:
    base, secret = coordinator_server
    schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    failures: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def call(case: schemathesis.Case) -> None:
            response = case.call(base_url=base, headers={"Authorization": f"Bearer {secret}"})
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text}")

        call()
    assert failures == []
