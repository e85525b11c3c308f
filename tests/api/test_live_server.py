"""A real uvicorn server on loopback, many clients at once: nothing is lost, nothing is doubled."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from lipp.bootstrap import build
from lipp.commands.tokens import IssueToken
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from tests.api.live import live_server
from tests.conftest import People

CLIENTS = 16


@pytest.fixture
def server(settings: Settings, clock: SettableClock, people: People) -> Iterator[tuple[str, dict[str, str]]]:
    """lipp's API served by uvicorn in this process, with its own connections to the same store."""
    with build(settings, clock) as admin_side:
        secret = admin_side.tokens.issue(people.admin, IssueToken(username="nvl.coordinator", label="load")).secret
    with live_server(settings, clock) as base:
        yield base, {"Authorization": f"Bearer {secret}"}


def _notify(base: str, headers: dict[str, str], case: str) -> httpx.Response:
    body = {
        "board": "NVL",
        "case_reference": case,
        "incident_kind": "death",
        "looked_after": False,
        "agencies": ["police"],
        "aware_on": "2026-02-02",
        "notified_on": "2026-02-04",
    }
    return httpx.post(f"{base}/reviews", json=body, headers=headers, timeout=60)


def test_simultaneous_notifications_each_get_their_own_reference(server: tuple[str, dict[str, str]]) -> None:
    base, headers = server
    with ThreadPoolExecutor(CLIENTS) as pool:
        responses = list(pool.map(lambda i: _notify(base, headers, f"Child {i}"), range(CLIENTS)))

    assert [r.status_code for r in responses] == [201] * CLIENTS
    references = sorted(r.json()["reference"] for r in responses)
    assert references == [f"NVL-2026-{n:03d}" for n in range(1, CLIENTS + 1)]
    register = httpx.get(f"{base}/boards/NVL/reviews", headers=headers, timeout=30).json()
    assert sorted(row["reference"] for row in register) == references


def test_the_same_step_sent_at_once_by_many_clients_is_recorded_once(server: tuple[str, dict[str, str]]) -> None:
    base, headers = server
    reference = _notify(base, headers, "Child K").json()["reference"]
    decision = {"on": "2026-02-10", "decision": "no_further_review", "rationale": "Learning captured elsewhere"}

    with ThreadPoolExecutor(CLIENTS) as pool:
        responses = list(
            pool.map(
                lambda _: httpx.post(
                    f"{base}/reviews/{reference}/decision", json=decision, headers=headers, timeout=60
                ),
                range(CLIENTS),
            )
        )

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [409] * (CLIENTS - 1)
    assert all(r.headers["content-type"] == "application/problem+json" for r in responses if r.status_code == 409)
    timeline = httpx.get(f"{base}/reviews/{reference}/timeline", headers=headers, timeout=30).json()
    assert [entry["version"] for entry in timeline] == [1, 2]


def test_many_reviews_advanced_at_once_all_reach_closure(server: tuple[str, dict[str, str]]) -> None:
    base, headers = server

    def walk(i: int) -> str:
        reference: str = _notify(base, headers, f"Child W{i}").json()["reference"]
        for path, body in (
            ("decision", {"on": "2026-02-10", "decision": "other_learning", "rationale": "Learning event"}),
            ("closure", {"on": "2026-02-12"}),
        ):
            response = httpx.post(f"{base}/reviews/{reference}/{path}", json=body, headers=headers, timeout=60)
            assert response.status_code == 200, response.text
        return reference

    with ThreadPoolExecutor(CLIENTS) as pool:
        references = list(pool.map(walk, range(CLIENTS)))

    register = httpx.get(f"{base}/boards/NVL/reviews", headers=headers, timeout=30).json()
    assert {row["reference"]: row["stage"] for row in register} == {reference: "closed" for reference in references}
