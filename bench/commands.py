"""Command throughput: lipp's command path against bare `eventsourcing` on the same database, in the same run.

lipp side, per command: pydantic validation of a plain dict (as the CLI does), resolving the acting user from
the registry, authorisation, loading the review, the domain step, and the save; ten commands take a review
from notification to closure. Bare side: a minimal `eventsourcing` aggregate, `repository.get` + one event +
`save` per command (create + save for the first), with the same ten payloads, in a database of the same
kind. The two sides run in alternating batches so machine noise falls on both alike.

    .venv/bin/python bench/commands.py [--reviews 200] [--backend sqlite|postgres|both]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import median
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder

from backends import BackendUnavailable, Pair, pair_for
from lipp.bootstrap import build
from workload import (
    COMMANDS_PER_REVIEW,
    BareApplication,
    Plan,
    plans,
    register_cast,
    run_bare,
    run_lipp,
    start_clock,
)

TARGET = 0.70
WARM_UP_REVIEWS = 10


@dataclass(frozen=True)
class Result:
    """Seconds per batch for each side; batch k of lipp and batch k of bare ran back to back."""

    backend: str
    reviews: int
    batch_commands: tuple[int, ...]
    lipp_seconds: tuple[float, ...]
    bare_seconds: tuple[float, ...]
    lipp_cpu_seconds: float
    bare_cpu_seconds: float
    lipp_bytes_per_event: float
    bare_bytes_per_event: float

    @property
    def commands(self) -> int:
        return sum(self.batch_commands)

    @property
    def lipp_rate(self) -> float:
        """Median of the batches' rates: a burst of load from elsewhere moves it less than the mean."""
        return median(n / s for n, s in zip(self.batch_commands, self.lipp_seconds, strict=True))

    @property
    def bare_rate(self) -> float:
        return median(n / s for n, s in zip(self.batch_commands, self.bare_seconds, strict=True))

    @property
    def ratio(self) -> float:
        """Median over batch pairs of lipp's rate over bare's, each pair measured back to back."""
        return median(b / lp for lp, b in zip(self.lipp_seconds, self.bare_seconds, strict=True))

    @property
    def overall_ratio(self) -> float:
        return sum(self.bare_seconds) / sum(self.lipp_seconds)

    @property
    def lipp_cpu_us(self) -> float:
        """This process's CPU time per command (the database server's is not counted)."""
        return self.lipp_cpu_seconds / self.commands * 1e6

    @property
    def bare_cpu_us(self) -> float:
        return self.bare_cpu_seconds / self.commands * 1e6

    @property
    def passed(self) -> bool:
        return self.ratio >= TARGET


def _timed(run: Callable[[], list[UUID]]) -> tuple[list[UUID], float, float]:
    """The ids run returns, its wall time and this process's CPU time."""
    started, cpu_started = time.perf_counter(), time.process_time()
    ids = run()
    return ids, time.perf_counter() - started, time.process_time() - cpu_started


def _batches(items: Sequence[Plan], size: int) -> list[tuple[int, Sequence[Plan]]]:
    return [(start, items[start : start + size]) for start in range(0, len(items), size)]


def measure(pair: Pair, reviews: int, batch_size: int) -> Result:
    """Warm both sides up, then run the timed reviews in alternating batches."""
    clock = start_clock()
    lipp = build(pair.lipp, clock)
    bare = BareApplication(env=pair.bare.event_store_env())
    try:
        register_cast(lipp)
        warm = plans("w", WARM_UP_REVIEWS)
        run_lipp(lipp, clock, warm)
        run_bare(bare, "w", 0, warm)

        timed = plans("t", reviews)
        seconds: dict[str, list[float]] = {"lipp": [], "bare": []}
        cpu_seconds = {"lipp": 0.0, "bare": 0.0}
        ids: dict[str, list[UUID]] = {"lipp": [], "bare": []}
        for number, (start, batch) in enumerate(_batches(timed, batch_size)):

            def lipp_side(batch: Sequence[Plan] = batch) -> list[UUID]:
                return run_lipp(lipp, clock, batch)

            def bare_side(batch: Sequence[Plan] = batch, start: int = start) -> list[UUID]:
                return run_bare(bare, "t", start, batch)

            sides = [("lipp", lipp_side), ("bare", bare_side)]
            for name, run in sides if number % 2 == 0 else reversed(sides):
                done, took, cpu = _timed(run)
                seconds[name].append(took)
                cpu_seconds[name] += cpu
                ids[name].extend(done)
        assert len(ids["lipp"]) == len(ids["bare"]) == reviews

        return Result(
            backend=pair.backend,
            reviews=reviews,
            batch_commands=tuple(len(batch) * COMMANDS_PER_REVIEW for _, batch in _batches(timed, batch_size)),
            lipp_seconds=tuple(seconds["lipp"]),
            bare_seconds=tuple(seconds["bare"]),
            lipp_cpu_seconds=cpu_seconds["lipp"],
            bare_cpu_seconds=cpu_seconds["bare"],
            lipp_bytes_per_event=_mean_state_bytes(lipp.storage.recorder, ids["lipp"][-10:]),
            bare_bytes_per_event=_mean_state_bytes(bare.recorder, ids["bare"][-10:]),
        )
    finally:
        bare.close()
        lipp.close()


def _mean_state_bytes(recorder: ApplicationRecorder, aggregate_ids: Sequence[UUID]) -> float:
    """Mean stored size of the aggregates' events (the notify's extra incident claim is not counted)."""
    sizes = [len(event.state) for i in aggregate_ids for event in recorder.select_events(i)]
    return sum(sizes) / len(sizes)


def _table(results: Sequence[Result], skipped: Sequence[tuple[str, str]]) -> str:
    header = (
        f"{'backend':<9} {'reviews':>7} {'commands':>8} {'lipp cmd/s':>10} {'bare cmd/s':>10} "
        f"{'ratio':>6} {'target':>6}  {'result':<6}  {'overall':>7}  {'CPU µs/cmd lipp / bare':>22}  "
        "bytes/event lipp / bare"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        lines.append(
            f"{r.backend:<9} {r.reviews:>7} {r.commands:>8} {r.lipp_rate:>10,.0f} {r.bare_rate:>10,.0f} "
            f"{r.ratio:>6.2f} {TARGET:>6.2f}  {'PASS' if r.passed else 'FAIL':<6}  {r.overall_ratio:>7.2f}  "
            f"{f'{r.lipp_cpu_us:,.0f} / {r.bare_cpu_us:,.0f}':>22}  "
            f"{r.lipp_bytes_per_event:,.0f} / {r.bare_bytes_per_event:,.0f}"
        )
    for backend, reason in skipped:
        lines.append(f"{backend:<9} skipped: {reason}")
    lines.append("")
    lines.append(
        "cmd/s and ratio are medians over batches (the ratio pairs each lipp batch with the bare batch run next to\n"
        "it); 'overall' is total bare time over total lipp time. Pass: ratio >= target. CPU is this process's\n"
        "own (Python, drivers, SQLite), not the PostgreSQL server's."
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reviews", type=int, default=200, help="reviews per side, ten commands each (200)")
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--batch", type=int, default=5, help="reviews per alternating batch (5)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a backend misses the target")
    args = parser.parse_args(argv)
    if args.reviews < 1 or args.batch < 1:
        parser.error("--reviews and --batch must be at least 1")

    backends = ("sqlite", "postgres") if args.backend == "both" else (args.backend,)
    results: list[Result] = []
    skipped: list[tuple[str, str]] = []
    for backend in backends:
        print(f"{backend}: {args.reviews} reviews x {COMMANDS_PER_REVIEW} commands per side ...", flush=True)
        try:
            with pair_for(backend) as pair:
                results.append(measure(pair, args.reviews, args.batch))
        except BackendUnavailable as reason:
            skipped.append((backend, str(reason)))
            print(f"{backend}: skipped: {reason}", flush=True)
    print()
    print(_table(results, skipped))
    return 1 if args.strict and not all(r.passed for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
