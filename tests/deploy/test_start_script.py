"""The no-Docker production start: deploy/start.sh on PostgreSQL, a review through the API, deploy/stop.sh."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from tests.api.live import free_port
from tests.conftest import POSTGRES_SERVER, postgres_unavailable

ROOT = Path(__file__).resolve().parents[2]
LIPP = str(Path(sys.executable).parent / "lipp")


@pytest.fixture
def stack_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    reason = postgres_unavailable()
    if reason:
        pytest.skip(reason)
    database = f"lipp_deploy_{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "LIPP_DATABASE_URL": f"{POSTGRES_SERVER}/{database}",
        "LIPP_API_PORT": str(free_port()),
        "LIPP_API_WORKERS": "2",
        "LIPP_RUN_DIR": str(tmp_path / "run"),
        "LIPP_DATA_DIR": str(tmp_path / "data"),
    }
    yield env
    subprocess.run([str(ROOT / "deploy" / "stop.sh")], env=env, check=False, capture_output=True)
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _lipp(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([LIPP, *args], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.postgres
def test_the_started_stack_takes_a_review_through_the_api_and_stops(stack_env: dict[str, str]) -> None:
    started = subprocess.run([str(ROOT / "deploy" / "start.sh")], env=stack_env, capture_output=True, text=True)
    assert started.returncode == 0, started.stdout + started.stderr
    _lipp(stack_env, "setup", "admin")
    _lipp(stack_env, "board", "add", "NVL", "--name", "Northvale Partnership", "--area", "Northvale")
    _lipp(stack_env, "user", "add", "nvl.coordinator", "--role", "coordinator", "--board", "NVL")
    secret = json.loads(_lipp(stack_env, "token", "issue", "nvl.coordinator", "--label", "smoke", "--json"))["secret"]
    base = f"http://127.0.0.1:{stack_env['LIPP_API_PORT']}"
    headers = {"Authorization": f"Bearer {secret}"}

    notified = httpx.post(
        f"{base}/reviews",
        headers=headers,
        json={
            "board": "NVL",
            "case_reference": "Child K",
            "incident_kind": "serious_harm",
            "looked_after": False,
            "agencies": ["education"],
            "aware_on": "2026-11-02",
            "notified_on": "2026-11-04",
        },
    )
    assert notified.status_code == 201, notified.text
    reference = notified.json()["reference"]
    for path, body in (
        ("decision", {"on": "2026-11-10", "decision": "no_further_review", "rationale": "Learning captured"}),
        ("closure", {"on": "2026-11-11"}),
    ):
        assert httpx.post(f"{base}/reviews/{reference}/{path}", headers=headers, json=body).status_code == 200
    timeline = httpx.get(f"{base}/reviews/{reference}/timeline", headers=headers).json()
    assert [entry["actor"] for entry in timeline] == ["nvl.coordinator"] * 3
    assert (
        json.loads(_lipp(stack_env, "--as", "nvl.coordinator", "review", "show", reference, "--json"))["stage"]
        == "closed"
    )

    stopped = subprocess.run([str(ROOT / "deploy" / "stop.sh")], env=stack_env, capture_output=True, text=True)
    assert stopped.returncode == 0, stopped.stderr
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{base}/openapi.json", timeout=2)
