"""A real `lipp serve` on loopback, in its own process, over a data folder seeded beforehand."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.api.live import free_port

LIPP = str(Path(sys.executable).with_name("lipp"))


def lipp_cli(data_dir: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> str:
    """Run the lipp command on the data folder; its output (a failure raises with what it printed)."""
    done = subprocess.run(
        [LIPP, "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    assert done.returncode == 0, f"lipp {' '.join(args)} exited {done.returncode}: {done.stdout}{done.stderr}"
    return done.stdout


@contextmanager
def lipp_serve(data_dir: Path, env: dict[str, str]) -> Iterator[str]:
    """`lipp serve` until the block ends; yields its base URL once it answers."""
    port = free_port()
    log = (data_dir / "serve.log").open("w")
    process = subprocess.Popen(
        [LIPP, "--data-dir", str(data_dir), "serve", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **env},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{url}/app/sign-in", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"lipp serve did not start: {(data_dir / 'serve.log').read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
