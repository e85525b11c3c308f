"""Fresh databases for one benchmark run: two SQLite files, or two PostgreSQL databases dropped afterwards.

lipp and the bare baseline each get their own database of the same kind, so their tables never collide
and neither reads the other's rows.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

from lipp.config import Settings

POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432"


class BackendUnavailable(Exception):
    """The back end cannot be used here; the message says why."""


@dataclass(frozen=True)
class Pair:
    """Settings for lipp's database and for the bare baseline's database, of one kind."""

    backend: str
    lipp: Settings
    bare: Settings


def postgres_unavailable_reason() -> str | None:
    try:
        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", connect_timeout=3):
            return None
    except psycopg.Error as error:
        detail = " ".join(str(error).split())
        return f"no PostgreSQL server answers at {POSTGRES_SERVER} ({error.__class__.__name__}: {detail})"


@contextmanager
def sqlite_pair(parent: Path | None = None) -> Iterator[Pair]:
    """Two SQLite files in a temporary folder (on disk, so commits pay for fsync as in real use)."""
    with tempfile.TemporaryDirectory(prefix="lipp-bench-", dir=parent) as folder:
        root = Path(folder)
        (root / "bare").mkdir()  # bare eventsourcing opens the file but does not make its folder
        yield Pair(
            backend="sqlite",
            lipp=Settings(data_dir=root / "lipp", database_url=None),
            bare=Settings(data_dir=root / "bare", database_url=f"sqlite:///{root / 'bare' / 'bare.db'}"),
        )


@contextmanager
def postgres_pair() -> Iterator[Pair]:
    """Two fresh PostgreSQL databases on 127.0.0.1:5432, dropped at the end whatever happens."""
    reason = postgres_unavailable_reason()
    if reason:
        raise BackendUnavailable(reason)
    suffix = uuid.uuid4().hex[:10]
    names = (f"lipp_bench_{suffix}", f"lipp_bench_bare_{suffix}")
    created: list[str] = []
    try:
        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
            for name in names:
                connection.execute(f'CREATE DATABASE "{name}"')
                created.append(name)
        with tempfile.TemporaryDirectory(prefix="lipp-bench-") as folder:
            yield Pair(
                backend="postgres",
                lipp=Settings(data_dir=Path(folder), database_url=f"{POSTGRES_SERVER}/{names[0]}"),
                bare=Settings(data_dir=Path(folder), database_url=f"{POSTGRES_SERVER}/{names[1]}"),
            )
    finally:
        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
            for name in created:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def pair_for(backend: str) -> Iterator[Pair]:
    if backend == "sqlite":
        with sqlite_pair() as pair:
            yield pair
    elif backend == "postgres":
        with postgres_pair() as pair:
            yield pair
    else:
        raise ValueError(f"unknown backend {backend!r}")
