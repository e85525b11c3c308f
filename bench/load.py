"""Load on loopback for `bench/api.py`: servers in their own processes, and each client in a process of its own."""

from __future__ import annotations

import multiprocessing
import multiprocessing.queues
import os
import queue
import signal
import socket
import subprocess
import sys
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
    """Closed loop: `clients` clients, each sending requests back to back for `seconds`."""

    def drive(http: httpx.Client, number: int, began: float) -> Outcome:
        latencies, failures = [], []
        time.sleep(max(0.0, began - time.perf_counter()))  # everyone starts on the clock
        deadline = began + seconds
        count = 0
        while (sent := time.perf_counter()) < deadline:
            _send(request, http, number, count, sent, expected, latencies, failures)
            count += 1
        return latencies, failures, time.perf_counter()

    return _in_client_processes(server, clients, headers_of, drive)


def paced(
    server: Server,
    request: Request,
    clients: int,
    seconds: float,
    rate: float,
    headers_of: Callable[[int], Mapping[str, str]],
    expected: int,
) -> Phase:
    """Open loop: `clients` clients share a fixed schedule of `rate` requests per second, interleaved (request k
    belongs to client k mod `clients`). Latency runs from each request's scheduled time, so a late start (the
    client still waiting on its previous answer) counts against the server: no coordinated omission."""
    total = max(clients, round(rate * seconds))

    def drive(http: httpx.Client, number: int, began: float) -> Outcome:
        latencies, failures = [], []
        for count, k in enumerate(range(number, total, clients)):
            scheduled = began + k / rate
            pause = scheduled - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            _send(request, http, number, count, scheduled, expected, latencies, failures)
        return latencies, failures, time.perf_counter()

    return _in_client_processes(server, clients, headers_of, drive)


def _send(
    request: Request,
    http: httpx.Client,
    number: int,
    count: int,
    since: float,
    expected: int,
    latencies: list[float],
    failures: list[str],
) -> None:
    """One request; its latency runs from `since` (when it was sent, or when it was due)."""
    response = request(http, number, count)
    latencies.append(time.perf_counter() - since)
    if response.status_code != expected:
        failures.append(f"{response.status_code} {response.text[:200]}")


# What one client reports: its latencies (seconds), its failures, and when it finished (perf_counter).
Outcome = tuple[list[float], list[str], float]

FORK = multiprocessing.get_context("fork")


def _in_client_processes(
    server: Server,
    clients: int,
    headers_of: Callable[[int], Mapping[str, str]],
    drive: Callable[[httpx.Client, int, float], Outcome],
) -> Phase:
    """Each client in its own process with its own keep-alive connection. Threads of one process would queue
    for the interpreter lock: with 16 of them, a request ready to go waits up to ~200 ms behind the others, a
    stall the load generator would book as server latency (measured: p99 165 ms against 3 ms with processes,
    for the same static route at 60 req/s)."""
    ready, go = FORK.Barrier(clients + 1), FORK.Barrier(clients + 1)
    began = FORK.Value("d", 0.0)
    outcomes: multiprocessing.queues.Queue[tuple[int, Outcome]] = FORK.Queue()

    def client(number: int) -> None:
        with httpx.Client(base_url=server.url, headers=dict(headers_of(number)), timeout=30) as http:
            http.get("/openapi.json")  # open the connection before the clock starts
            ready.wait(timeout=120)
            go.wait(timeout=120)
            outcomes.put((number, drive(http, number, began.value)))

    processes = [FORK.Process(target=client, args=(n,)) for n in range(clients)]
    for process in processes:
        process.start()
    ready.wait(timeout=120)  # every client is connected (a client that died breaks the barrier)
    cpu_before = server.cpu_seconds()
    began.value = time.perf_counter() + 0.02  # CLOCK_MONOTONIC: the same clock in every process
    go.wait(timeout=120)
    collected: dict[int, Outcome] = {}
    while len(collected) < clients:
        try:
            number, outcome = outcomes.get(timeout=1)
        except queue.Empty:
            failed = [p.exitcode for p in processes if p.exitcode not in (None, 0)]
            if failed:
                raise RuntimeError(f"{len(failed)} client process(es) failed (exit {failed[0]}); see above") from None
            continue
        collected[number] = outcome
    for process in processes:
        process.join()
    latencies = [x for number in sorted(collected) for x in collected[number][0]]
    return Phase(
        latencies=tuple(latencies),
        seconds=max(outcome[2] for outcome in collected.values()) - began.value,
        server_cpu_seconds=server.cpu_seconds() - cpu_before,
        failures=tuple(f for outcome in collected.values() for f in outcome[1]),
    )


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]
