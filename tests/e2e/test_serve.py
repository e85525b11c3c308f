"""`lipp serve` with several worker processes on a freshly prepared store, and refusing a store that is not there."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
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
    output = ServerOutput(server)
    try:
        answers = _answers_once_up(f"http://127.0.0.1:{port}/reviews/NVL-2026-001", server, output)
        # Both workers answer: requests on fresh connections land on either; none fails.
        assert answers == [401] * len(answers)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
        output.reader.join(timeout=10)
    assert "Traceback" not in output.text, output.text
    assert "already exists" not in output.text, output.text
    assert output.text.count("Started server process") == 2, output.text


class ServerOutput:
    """What the server prints, read as it comes, so a test can wait for a line rather than for a while."""

    def __init__(self, server: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, args=(server,), daemon=True)
        self.reader.start()

    def _read(self, server: subprocess.Popen[str]) -> None:
        assert server.stdout is not None
        for line in server.stdout:
            with self.changed:
                self.lines.append(line)
                self.changed.notify_all()

    @property
    def text(self) -> str:
        with self.changed:
            return "".join(self.lines)

    def wait_for(self, needle: str, count: int, within: float) -> bool:
        """Whether `needle` has been printed `count` times within `within` seconds."""
        with self.changed:
            return self.changed.wait_for(lambda: "".join(self.lines).count(needle) >= count, timeout=within)


def _answers_once_up(url: str, server: subprocess.Popen[str], output: ServerOutput) -> list[int]:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert server.poll() is None, "lipp serve exited"
        try:
            first = httpx.get(url, timeout=5).status_code
        except httpx.TransportError:
            time.sleep(0.2)
            continue
        # Both workers have started their application, so the requests below may land on either.
        assert output.wait_for("Application startup complete", 2, within=deadline - time.monotonic()), output.text
        return [first, *(httpx.get(url, timeout=5).status_code for _ in range(20))]
    raise AssertionError(f"lipp serve did not answer within 90 s: {output.text}")
