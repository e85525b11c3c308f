"""Where lipp's store is, whether it is there, and the one way it is made (docs/adr/0015).

Only `lipp setup`, `lipp store prepare` (the deploy step), the demo and test fixtures create a store. Every other
start checks that the store's tables are there with one catalogue query and runs no DDL: processes starting
together never race to create tables and functions, and a mistyped address is named as such instead of
silently becoming a new, empty store.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from lipp.adapters.outbox_table import outbox
from lipp.application.storage import STORE_NAME
from lipp.config import Settings
from lipp.domain.errors import StoreUnavailable
from lipp.projections import tracking
from lipp.projections.projection import Projection

if TYPE_CHECKING:
    import psycopg

EVENTS_TABLE = {"sqlite": "stored_events", "postgres": f"{STORE_NAME}_events"}
"""What eventsourcing names the events' table on each back end."""
CREATION_LOCK = 0x6C697073
"""PostgreSQL advisory lock held (for the session) while a store is created: rival `lipp setup`s, deploy steps
and test processes take turns. It differs from the runner's lock, which is taken inside it."""
HOW_TO_CREATE = "create one with 'lipp setup ADMIN' (or give the address of an existing one: --data-dir, "
HOW_TO_CREATE += "--database-url or LIPP_DATABASE_URL)"


class NoStore(StoreUnavailable):
    """Nothing at the configured address is a lipp store."""


class StoreUnreachable(StoreUnavailable):
    """The database server did not answer, or refused the connection."""


class StoreIncomplete(StoreUnavailable):
    """The store lacks tables this lipp needs: it was made by an earlier version."""


def address_of(settings: Settings) -> str:
    """The store's address as an operator recognises it, never with a password."""
    env = settings.event_store_env()
    if "SQLITE_DBNAME" in env:
        return f"the SQLite file {env['SQLITE_DBNAME']}"
    return (
        f"PostgreSQL database '{env['POSTGRES_DBNAME']}' at {env['POSTGRES_HOST']}:{env['POSTGRES_PORT']} "
        f"(user {env['POSTGRES_USER']})"
    )


def expected_tables(projections: Iterable[Projection]) -> set[str]:
    """The tables beside the events that this lipp reads and writes, the outbox's included."""
    names = {tracking.tracking.name, outbox.name}
    for projection in projections:
        names.update(table.name for table in projection.metadata.sorted_tables)
    return names


def check_store(settings: Settings, wanted: Iterable[str]) -> None:
    """Refuse, naming the address and what to do, unless a complete lipp store is there (the tables `wanted`
    beside the events: lipp.projections.table_names). Creates nothing."""
    wanted = set(wanted)
    env = settings.event_store_env()
    events = EVENTS_TABLE["sqlite" if "SQLITE_DBNAME" in env else "postgres"]
    if "SQLITE_DBNAME" in env:
        found = _sqlite_tables(Path(env["SQLITE_DBNAME"]), settings)
        outbox_path = Path(settings.outbox_database_url.removeprefix("sqlite:///"))
        found |= _sqlite_tables(outbox_path, settings) if outbox_path.is_file() else set()
    else:
        with closing(connect(settings)) as connection:
            query = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            found = {str(name) for (name,) in connection.execute(query)}
    if events not in found:
        raise NoStore(f"there is no lipp store at {address_of(settings)}: {HOW_TO_CREATE}")
    missing = sorted(wanted - found)
    if missing:
        raise StoreIncomplete(
            f"the lipp store at {address_of(settings)} lacks the tables {', '.join(missing)} (it was made by an "
            "earlier lipp): run 'lipp store prepare' once"
        )


def _sqlite_tables(path: Path, settings: Settings) -> set[str]:
    if not path.is_file():
        raise NoStore(f"there is no lipp store at {address_of(settings)}: {HOW_TO_CREATE}")
    try:  # read-only: opening must not create the file, nor change one that is not lipp's
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)) as connection:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.DatabaseError as error:
        raise NoStore(f"{path} is not a lipp store ({error}): {HOW_TO_CREATE}") from None
    return {str(name) for (name,) in rows}


def connect(settings: Settings) -> psycopg.Connection[tuple[object, ...]]:
    """A connection to the configured PostgreSQL database, or a refusal naming host, port, database and the
    driver's reason, within the connect timeout."""
    import psycopg  # only PostgreSQL stores need the driver

    env = settings.event_store_env()
    try:
        return psycopg.connect(
            host=env["POSTGRES_HOST"],
            port=int(env["POSTGRES_PORT"]),
            dbname=env["POSTGRES_DBNAME"],
            user=env["POSTGRES_USER"],
            password=env["POSTGRES_PASSWORD"] or None,
            connect_timeout=settings.connect_timeout_seconds,
            autocommit=True,
        )
    except psycopg.Error as error:
        reason = _one_line(str(error))
        if "does not exist" in reason and env["POSTGRES_DBNAME"] in reason:
            raise NoStore(
                f"there is no lipp store at {address_of(settings)}: the database does not exist (create it, "
                "e.g. with createdb, then run 'lipp setup ADMIN')"
            ) from None
        raise StoreUnreachable(
            f"cannot connect to {address_of(settings)} (waited at most {settings.connect_timeout_seconds} s): {reason}"
        ) from None


@contextmanager
def creating(settings: Settings) -> Iterator[None]:
    """Around making a store's tables: the SQLite file's folder made first; on PostgreSQL, one creator at a time."""
    env = settings.event_store_env()
    if "SQLITE_DBNAME" in env:
        Path(env["SQLITE_DBNAME"]).parent.mkdir(parents=True, exist_ok=True)
        yield
        return
    with closing(connect(settings)) as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", (CREATION_LOCK,))
        try:
            yield
        finally:
            connection.execute("SELECT pg_advisory_unlock(%s)", (CREATION_LOCK,))


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
