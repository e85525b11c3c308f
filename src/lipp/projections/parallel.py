"""Rebuilding a row-per-aggregate projection on several cores: each process folds the aggregates of one partition.

Handlers of a `RowPerAggregate` touch only the row of the event's own aggregate, so the log can be split by
aggregate id: every worker reads the whole log (raw reads are cheap), decodes and folds only its share, and
sends its finished rows back. The parent inserts them and moves the position in one transaction.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable
from typing import Any
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder, Mapper
from eventsourcing.utils import get_topic

from lipp.projections.projection import Row
from lipp.projections.rows import RowPerAggregate

LogOpener = Callable[[], tuple[ApplicationRecorder, Mapper[Any], Callable[[], None]]]
"""Opens the event log in a new process, giving its recorder, a mapper and how to close it.
Picklable: a module-level function, or a partial of one."""
Progress = Callable[[int, int], None]
READ_BATCH = 50_000
POLL_SECONDS = 0.5


class WorkerFailed(Exception):
    """A rebuild worker stopped without finishing its partition."""


def fold_in_parallel(
    open_log: LogOpener, projection: RowPerAggregate, end: int, workers: int, progress: Progress | None
) -> tuple[list[Row], int]:
    """Every row the projection would hold after applying notifications up to `end`, and how many were applied."""
    context = multiprocessing.get_context("spawn")
    messages: Any = context.Queue()
    processes = [
        context.Process(target=_fold_part, args=(open_log, type(projection), part, workers, end, messages))
        for part in range(workers)
    ]
    for process in processes:
        process.start()
    rows: list[Row] = []
    positions, finished, applied = [0] * workers, 0, 0
    try:
        while finished < workers:
            try:
                kind, part, payload = messages.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if any(p.exitcode not in (None, 0) for p in processes):
                    raise WorkerFailed("a rebuild worker died; nothing was written") from None
                continue
            if kind == "failed":
                raise WorkerFailed(payload)
            if kind == "rows":
                rows.extend(payload[0])
                applied += payload[1]
                finished += 1
            positions[part] = end if kind == "rows" else payload
            if progress is not None:
                progress(min(positions), end)
    finally:
        for process in processes:
            if process.is_alive() and finished < workers:
                process.kill()
            process.join()
    return rows, applied


def _fold_part(
    open_log: LogOpener, projection_class: type[RowPerAggregate], part: int, parts: int, end: int, messages: Any
) -> None:
    try:
        recorder, mapper, close = open_log()
        projection = projection_class()
        topics = [get_topic(cls) for cls in projection.event_classes]
        rows: dict[Any, Row] = {}
        position, applied = 0, 0
        while position < end:
            batch = recorder.select_notifications(
                position, READ_BATCH, stop=end, topics=topics, inclusive_of_start=False
            )
            if not batch:
                break
            mine: list[Any] = [mapper.to_domain_event(n) for n in batch if _share(n.originator_id, parts) == part]
            projection.fold(mine, rows)
            applied += len(mine)
            position = batch[-1].id
            messages.put(("progress", part, position))
        close()
        messages.put(("rows", part, (list(rows.values()), applied)))
    except BaseException as error:
        messages.put(("failed", part, f"{type(error).__name__}: {error}"))
        raise


def _share(originator_id: UUID | str, parts: int) -> int:
    """Which partition an aggregate falls in: the same in every process (unlike `hash` of a string)."""
    return (originator_id if isinstance(originator_id, UUID) else UUID(originator_id)).int % parts
