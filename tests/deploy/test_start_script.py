"""The no-Docker production stack on loopback: deploy/start.sh on PostgreSQL (lipp's database, a Prefect server
on its own database, the registered deployments, a process worker, the API), a review through the API, the
national digest deployment run through the Prefect server's API by the worker, then deploy/stop.sh."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from tests.api.live import free_port
from tests.conftest import POSTGRES_SERVER, postgres_unavailable
from tests.smtp import LoopbackSmtp

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
DEPLOYMENT = "national-theme-digest/quarterly"


@pytest.fixture
def stack_env(tmp_path: Path, smtp_server: LoopbackSmtp) -> Iterator[dict[str, str]]:
    reason = postgres_unavailable()
    if reason:
        pytest.skip(reason)
    database = f"lipp_deploy_{uuid.uuid4().hex[:8]}"
    prefect_port = free_port()
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("LIPP_", "PREFECT_"))}
    env = {
        **inherited,
        "LIPP_DATABASE_URL": f"{POSTGRES_SERVER}/{database}",
        "LIPP_API_PORT": str(free_port()),
        "LIPP_API_WORKERS": "2",
        "LIPP_PREFECT_PORT": str(prefect_port),
        "LIPP_RUN_DIR": str(tmp_path / "run"),
        "LIPP_DATA_DIR": str(tmp_path / "data"),
        "LIPP_SMTP__HOST": smtp_server.host,
        "LIPP_SMTP__PORT": str(smtp_server.port),
        "LIPP_STOP_GRACE_SECONDS": "3",
        "LIPP_CLI_TRUST_NAMES": "true",  # the operator setting: this test acts with --as on a shared store
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # `lipp setup` saves the admin's token here
        # For this test's calls to the Prefect server; start.sh sets the same for what it starts.
        "PREFECT_API_URL": f"http://127.0.0.1:{prefect_port}/api",
        "PREFECT_HOME": str(tmp_path / "run" / "prefect"),
        "PREFECT_WORKER_QUERY_SECONDS": "2",  # the worker polls every 2 s, not 10, so the run starts sooner
        "DO_NOT_TRACK": "1",
    }
    yield env
    subprocess.run([str(ROOT / "deploy" / "stop.sh")], env=env, check=False, capture_output=True)
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        for name in (database, f"{database}_prefect"):
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, f"{' '.join(args)}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _lipp(env: dict[str, str], *args: str) -> str:
    return _run(env, str(BIN / "lipp"), *args)


def _final_state(flow_run_url: str, within: float) -> dict[str, str]:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        state: dict[str, str] = httpx.get(flow_run_url).json()["state"]
        if state["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
            return state
        time.sleep(0.5)
    raise AssertionError(f"the flow run did not end within {within} s: {state}")


def _review_through_the_api(env: dict[str, str]) -> str:
    secret = json.loads(_lipp(env, "token", "issue", "nvl.coordinator", "--label", "smoke", "--json"))["secret"]
    base = f"http://127.0.0.1:{env['LIPP_API_PORT']}"
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
            "aware_on": "2026-07-02",
            "notified_on": "2026-07-06",
        },
    )
    assert notified.status_code == 201, notified.text
    reference: str = notified.json()["reference"]
    for path, body in (
        ("decision", {"on": "2026-07-14", "decision": "no_further_review", "rationale": "Learning captured"}),
        ("closure", {"on": "2026-07-15"}),
    ):
        assert httpx.post(f"{base}/reviews/{reference}/{path}", headers=headers, json=body).status_code == 200
    timeline = httpx.get(f"{base}/reviews/{reference}/timeline", headers=headers).json()
    assert [entry["actor"] for entry in timeline] == ["nvl.coordinator"] * 3
    return reference


@pytest.mark.postgres
def test_the_started_stack_takes_a_review_through_the_api_and_the_digest_through_prefect(
    stack_env: dict[str, str], smtp_server: LoopbackSmtp
) -> None:
    env = stack_env
    started = subprocess.run([str(ROOT / "deploy" / "start.sh")], env=env, capture_output=True, text=True, timeout=300)
    assert started.returncode == 0, started.stdout + started.stderr
    assert "deployed: quarterly (flows/national_digest.py:national_digest)" in started.stdout

    _lipp(env, "setup", "admin")
    _lipp(env, "board", "add", "NVL", "--name", "Northvale Partnership", "--area", "Northvale")
    _lipp(env, "user", "add", "nvl.coordinator", "--role", "coordinator", "--board", "NVL")
    _lipp(env, "alliance", "member", "add", "NRB", "--name", "National Review Bureau", "--email", "digest@nrb.example")
    reference = _review_through_the_api(env)
    assert json.loads(_lipp(env, "--as", "nvl.coordinator", "review", "show", reference, "--json"))["stage"] == "closed"

    prefect_api = env["PREFECT_API_URL"]
    deployment = httpx.get(f"{prefect_api}/deployments/name/{DEPLOYMENT}").json()
    assert deployment["work_pool_name"] == "lipp"
    [schedule] = deployment["schedules"]
    assert (schedule["schedule"]["cron"], schedule["schedule"]["timezone"]) == ("0 6 1 1,4,7,10 *", "Europe/London")
    assert schedule["active"]
    for name, cron in (("learning-dispatch/every-15-minutes", "*/15 * * * *"), ("learning-chase/daily", "0 7 * * *")):
        learning = httpx.get(f"{prefect_api}/deployments/name/{name}").json()
        assert learning["work_pool_name"] == "lipp"
        assert [s["schedule"]["cron"] for s in learning["schedules"]] == [cron]

    # The worker (not this process) picks the run up from the server and runs the flow in a process of its own.
    run = httpx.post(
        f"{prefect_api}/deployments/{deployment['id']}/create_flow_run",
        json={"parameters": {"period_from": "2026-07-01", "period_to": "2026-09-30"}},
    ).json()
    state = _final_state(f"{prefect_api}/flow_runs/{run['id']}", within=240)
    assert state["type"] == "COMPLETED", state

    [digest] = json.loads(_lipp(env, "--as", "admin", "digest", "list", "--json"))
    shown = json.loads(_lipp(env, "--as", "admin", "digest", "show", digest["id"], "--json"))
    assert (shown["digest"]["period_from"], shown["digest"]["period_to"]) == ("2026-07-01", "2026-09-30")
    assert Path(shown["files"]["html"]).is_file()
    document = json.loads(Path(shown["files"]["json"]).read_text())
    [row] = document["reviews"]["rows"]  # the review the API recorded, seen by the worker's flow run
    # one review: a count below the disclosure threshold is not published (digest method 3)
    assert (row["board"], row["notified"], row["decided"]) == ("NVL", "fewer than 5", "fewer than 5")
    [mail] = smtp_server.wait_for(1, timeout=30)
    assert mail["To"] == "digest@nrb.example"

    stopped = subprocess.run([str(ROOT / "deploy" / "stop.sh")], env=env, capture_output=True, text=True)
    assert stopped.returncode == 0, stopped.stderr
    assert stopped.stdout.split() == ["api", "stopped", "prefect-worker", "stopped", "prefect-server", "stopped"]
    for url in (f"http://127.0.0.1:{env['LIPP_API_PORT']}/openapi.json", f"{env['PREFECT_API_URL']}/health"):
        with pytest.raises(httpx.TransportError):
            httpx.get(url, timeout=2)
