"""`lipp serve` with several worker processes on a freshly prepared store, and refusing a store that is not there."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import httpx

from tests.api.live import free_port
from tests.e2e.test_cli import LIPP


def test_serve_refuses_a_store_that_is_not_there_and_creates_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIPP_")}
    env["LIPP_DATA_DIR"] = str(tmp_path / "mistyped")
    done = subprocess.run([LIPP, "serve", "--port", str(free_port())], env=env, capture_output=True, text=True)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "there is no lipp store at the SQLite file" in done.stderr and "lipp setup" in done.stderr
    assert not (tmp_path / "mistyped").exists()


def test_workers_starting_together_on_a_new_store_all_serve(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIPP_")}
    env["LIPP_DATA_DIR"] = str(tmp_path / "new")
    subprocess.run([LIPP, "store", "prepare"], env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [LIPP, "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        answers = _answers_once_up(f"http://127.0.0.1:{port}/reviews/NVL-2026-001", server)
        # Both workers answer: requests on fresh connections land on either; none fails.
        assert answers == [401] * len(answers)
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=60)
    assert "Traceback" not in output, output
    assert "already exists" not in output, output
    assert output.count("Started server process") == 2, output


def _answers_once_up(url: str, server: subprocess.Popen[str]) -> list[int]:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert server.poll() is None, "lipp serve exited"
        try:
            first = httpx.get(url, timeout=5).status_code
        except httpx.TransportError:
            time.sleep(0.2)
            continue
        time.sleep(3)  # the second worker finishes starting
        return [first, *(httpx.get(url, timeout=5).status_code for _ in range(20))]
    raise AssertionError("lipp serve did not answer within 90 s")
