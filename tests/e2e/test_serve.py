"""`lipp serve` with several worker processes on a store that does not exist yet."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import httpx

from tests.api.live import free_port
from tests.e2e.test_cli import LIPP


def test_workers_starting_together_on_a_new_store_all_serve(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIPP_")}
    env["LIPP_DATA_DIR"] = str(tmp_path / "new")
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
