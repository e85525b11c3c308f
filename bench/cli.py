"""CLI latency: typical `lipp` calls as a user types them, each a fresh process, beside `python -c pass`.

A small store is seeded first (an admin, one board, a coordinator, a lead reviewer, one notified review) in a
temporary data folder on SQLite. Then each call runs `--runs` times, the calls interleaved round by round so
machine noise falls on all of them alike, and the baseline (`python -c pass` with the same interpreter) runs in
every round too. Printed per call: median and p90 wall time, and the median's ratio to the baseline's.

    .venv/bin/python bench/cli.py [--runs 15] [--lipp PATH]   (PATH: another build's lipp, to compare)

Targets (issue 13): `lipp --help` under 0.15 s, a query on a small store under 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from statistics import median, quantiles

PYTHON = sys.executable
LIPP = str(Path(PYTHON).parent / "lipp")
REFERENCE = "NVL-2026-001"
TARGETS = {"lipp --help": 0.15, "lipp review show REF": 0.3, "lipp review list": 0.3}

SEED: tuple[tuple[str, ...], ...] = (
    ("setup", "admin"),
    ("board", "add", "NVL", "--name", "Northvale Safeguarding Children Partnership", "--area", "Northvale"),
    ("user", "add", "nvl.coordinator", "--role", "coordinator", "--board", "NVL"),
    ("user", "add", "reviewer.a", "--role", "lead_reviewer"),
    ("login", "nvl.coordinator"),
    ("review", "notify", "--case", "Child K", "--incident", "death", "--aware-on", "2026-11-02", "--agency", "police"),
)

CALLS: dict[str, tuple[str, ...]] = {
    "lipp --help": ("--help",),
    "lipp review --help": ("review", "--help"),
    "lipp review show REF": ("review", "show", REFERENCE),
    "lipp review list": ("review", "list"),
    "lipp review timeline REF": ("review", "timeline", REFERENCE, "--json"),
    # a step that is refused by the domain (the review is not paused): it still validates, authorises and loads
    "lipp review resume REF (refused)": ("review", "resume", REFERENCE),
}


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIPP_")}
    env["LIPP_DATA_DIR"] = str(data_dir)
    return env


def _timed(argv: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def seed(lipp: str, data_dir: Path) -> None:
    """The small store every call reads."""
    env = _env(data_dir)
    for args in SEED:
        done = subprocess.run([lipp, *args], env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.exit(f"seeding failed at 'lipp {' '.join(args)}': {done.stderr.strip()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="rounds; each round runs every call once")
    parser.add_argument("--lipp", default=LIPP, help="the lipp executable to time (default: beside this python)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lipp-bench-cli-") as folder:
        data_dir = Path(folder)
        seed(options.lipp, data_dir)
        env = _env(data_dir)
        lipp = options.lipp
        argvs = {"python -c pass": (PYTHON, "-c", "pass")} | {name: (lipp, *args) for name, args in CALLS.items()}
        times: dict[str, list[float]] = {name: [] for name in argvs}
        for argv in argvs.values():  # one warm-up each: the page cache, not the code, is cold at first
            _timed(argv, env)
        for _ in range(options.runs):
            for name, argv in argvs.items():
                times[name].append(_timed(argv, env))
    baseline = median(times["python -c pass"])
    print(f"{'call':36} {'median s':>9} {'p90 s':>7} {'x pass':>7}  target")
    for name, samples in times.items():
        mid = median(samples)
        p90 = quantiles(samples, n=10)[-1] if len(samples) > 1 else mid
        target = TARGETS.get(name)
        verdict = "" if target is None else f"< {target:.2f} s {'met' if mid < target else 'MISSED'}"
        print(f"{name:36} {mid:9.3f} {p90:7.3f} {mid / baseline:7.1f}  {verdict}")


if __name__ == "__main__":
    main()
