"""Bounded requests and answers, and the headers of every answer: generated oversize bodies (declared or
streamed), generated floods of unknown keys, generated paths; the documentation pages with no internet."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lipp.bootstrap import build
from lipp.commands.tokens import IssueToken
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from lipp.interfaces.api.app import create_app
from lipp.interfaces.api.problems import MAX_ECHOED_CHARS, MAX_LISTED_ERRORS
from tests.conftest import People

LIMIT = 4096
SETTINGS = settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))


class Served:
    def __init__(self, client: TestClient, token: str) -> None:
        self.client = client
        self.auth = {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    clock = SettableClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    store = Settings(data_dir=tmp_path_factory.mktemp("hygiene"), database_url=None, max_request_bytes=LIMIT)
    with build(store, clock) as lipp:
        people = People(lipp)
        token = lipp.tokens.issue(people.admin, IssueToken(username="admin", label="t")).secret
        with TestClient(create_app(lambda: lipp), raise_server_exceptions=False) as client:
            yield Served(client, token)


def _assert_too_large(response: object) -> None:
    assert response.status_code == 413, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"] == "application/problem+json"  # type: ignore[attr-defined]
    assert str(LIMIT) in response.json()["detail"]  # type: ignore[attr-defined]


@SETTINGS
@given(extra=st.integers(min_value=1, max_value=LIMIT * 50), path=st.sampled_from(["/boards", "/users", "/reviews"]))
def test_a_declared_body_over_the_limit_is_refused_unread(served: Served, extra: int, path: str) -> None:
    body = b"{" + b" " * (LIMIT + extra) + b"}"
    _assert_too_large(served.client.post(path, headers=served.auth, content=body))


@SETTINGS
@given(chunks=st.lists(st.integers(min_value=1, max_value=LIMIT), min_size=1, max_size=40))
def test_a_streamed_body_is_cut_off_at_the_limit(served: Served, chunks: list[int]) -> None:
    """No Content-Length (chunked): the bytes are counted as they arrive."""
    total = sum(chunks)

    def stream() -> Iterator[bytes]:
        yield b'{"code": "'
        for size in chunks:
            yield b"A" * size
        yield b'"}'

    headers = {**served.auth, "Content-Type": "application/json"}
    response = served.client.post("/boards", headers=headers, content=stream())
    if total + 12 > LIMIT:
        _assert_too_large(response)
    else:
        assert response.status_code == 422, response.text


@SETTINGS
@given(
    keys=st.integers(min_value=1, max_value=600),
    length=st.integers(min_value=1, max_value=3000),
)
def test_an_answer_to_many_unknown_keys_stays_small(served: Served, keys: int, length: int) -> None:
    """However many unknown keys (up to the body limit) and however long their names, the 422 names the first
    few problems, each clipped, and counts the rest."""
    stem = "k" * max(1, min(length, LIMIT // (keys + 1) - 10))
    body = json.dumps({f"{stem}{n}": 1 for n in range(keys)}).encode()
    headers = {**served.auth, "Content-Type": "application/json"}
    response = served.client.post("/boards", headers=headers, content=body)
    if len(body) > LIMIT:
        _assert_too_large(response)
        return
    assert response.status_code == 422, response.text
    problem = response.json()
    assert len(problem["errors"]) <= MAX_LISTED_ERRORS
    assert all(len(e["field"]) <= MAX_ECHOED_CHARS and len(e["reason"]) <= MAX_ECHOED_CHARS for e in problem["errors"])
    assert len(problem["errors"]) + problem["more_errors"] >= keys  # every unknown key counted (plus missing ones)
    assert len(response.content) < 12_000


@SETTINGS
@given(
    text=st.text(min_size=1, max_size=20_000),
    path=st.sampled_from(["/learning/metrics?theme=", "/findings?q=", "/alliance/actions?theme=", "/me?x="]),
    html=st.booleans(),
)
def test_a_refusal_quoting_what_was_sent_stays_small(served: Served, text: str, path: str, html: bool) -> None:
    """Whatever a query quotes back in its refusal, the answer stays a few kilobytes."""
    headers = {**served.auth, "Accept": "text/html"} if html else served.auth
    response = served.client.get(path, params={path.rsplit("?", 1)[1].rstrip("="): text}, headers=headers)
    assert response.status_code < 500, response.text
    assert len(response.content) < 12_000


SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def _assert_secure(response: object, path: str) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    policy = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in re.search(r"script-src[^;]*", policy).group(0)  # type: ignore[union-attr]
    for name, value in SECURITY.items():
        assert headers[name] == value
    if not path.startswith("/static/"):
        assert headers["cache-control"] == "no-store"


@SETTINGS
@given(
    path=st.one_of(
        st.sampled_from(
            ["/me", "/boards", "/reviews/NVL-2026-001", "/docs", "/redoc", "/openapi.json", "/deliveries", "/nowhere"]
        ),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz/-_.0123456789", max_size=40).map(lambda p: "/" + p),
    ),
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    authenticated=st.booleans(),
)
def test_every_answer_carries_the_security_headers(served: Served, path: str, method: str, authenticated: bool) -> None:
    response = served.client.request(method, path, headers=served.auth if authenticated else {})
    _assert_secure(response, path)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_documentation_pages_need_nothing_from_the_internet(served: Served, page: str) -> None:
    response = served.client.get(page)
    assert response.status_code == 200
    html = response.text
    assert "http://" not in html and "https://" not in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all(body.strip() == "" and "src=" in attrs for attrs, body in scripts)  # no inline script
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets
    for asset in assets:
        assert asset.startswith("/static/"), asset
        served_asset = served.client.get(asset)
        assert served_asset.status_code == 200, asset
        assert len(served_asset.content) > 1000 or asset.endswith(".js")
        _assert_secure(served_asset, asset)
    schema_url = re.search(r'(?:data-openapi|spec-url)="([^"]+)"', html)
    assert schema_url is not None
    assert served.client.get(schema_url.group(1)).json()["components"]["schemas"]["Problem"]


def test_every_operation_documents_its_refusals_as_problems(served: Served) -> None:
    schema = served.client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            expected = {"403", "404", "409", "422"} | ({"401"} if operation.get("security") else set())
            if "requestBody" in operation:
                expected |= {"400", "413"}
            assert expected <= set(responses), f"{method} {path}"
            for status in expected:
                content = dict(responses[status]["content"])
                content.pop("text/html", None)  # a page for a browser besides, where a route serves one
                assert content == {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
