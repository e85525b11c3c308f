"""Load on loopback for `bench/api.py`: servers in their own processes, and clients in threads of this one."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

BENCH = Path(__file__).resolve().parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# One request of one client: the client's own httpx client, the client's number and its request count so far.
Request = Callable[[httpx.Client, int, int], httpx.Response]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class Server:
    """A uvicorn process serving one app on loopback."""

    name: str
    url: str
    pid: int

    def cpu_seconds(self) -> float:
        """User + system CPU the server process has used so far (from /proc)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


@contextmanager
def served(
    name: str, factory: str, port: int, env: Mapping[str, str], profile_to: Path | None = None
) -> Iterator[Server]:
    """Run `uvicorn --factory` with one worker until the block ends (SIGINT, so a profiler can write its file)."""
    if profile_to:
        command = [sys.executable, str(BENCH / "profiled_server.py"), str(profile_to), factory, str(port)]
    else:
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            factory,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--log-level",
            "warning",
            "--no-access-log",
        ]
    python_path = os.pathsep.join(filter(None, [str(BENCH), env.get("PYTHONPATH", "")]))
    process = subprocess.Popen(command, env={**env, "PYTHONPATH": python_path})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield Server(name=name, url=url, pid=process.pid)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server for {url} exited with {process.returncode}")
        try:
            httpx.get(f"{url}/openapi.json", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"the server for {url} did not start within 60 s")


@dataclass(frozen=True)
class Phase:
    """What the clients saw in one timed phase against one server."""

    latencies: tuple[float, ...]  # seconds, every request of every client
    seconds: float
    server_cpu_seconds: float
    failures: tuple[str, ...]

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds


def load(
    server: Server,
    request: Request,
    clients: int,
    seconds: float,
    headers_of: Callable[[int], Mapping[str, str]],
    expected: int,
) -> Phase:
    """`clients` threads, each with its own keep-alive httpx client, sending requests back to back for `seconds`."""
    start = threading.Barrier(clients + 1)
    latencies: list[list[float]] = [[] for _ in range(clients)]
    failures: list[str] = []
    ends: list[float] = []

    def client(number: int) -> None:
        with httpx.Client(base_url=server.url, headers=dict(headers_of(number)), timeout=30) as http:
            http.get("/openapi.json")  # open the connection before the clock starts
            start.wait()
            deadline = time.perf_counter() + seconds
            count = 0
            while (sent := time.perf_counter()) < deadline:
                response = request(http, number, count)
                latencies[number].append(time.perf_counter() - sent)
                if response.status_code != expected:
                    failures.append(f"{response.status_code} {response.text[:200]}")
                count += 1
            ends.append(time.perf_counter())

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    cpu_before = server.cpu_seconds()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return Phase(
        latencies=tuple(x for per_client in latencies for x in per_client),
        seconds=max(ends) - began,
        server_cpu_seconds=server.cpu_seconds() - cpu_before,
        failures=tuple(failures),
    )


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]
