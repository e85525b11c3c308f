"""The read-model engine on the configured database: the events' own SQLite file or PostgreSQL database."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url

from lipp.domain.text import TextNotAllowed, describe_character

UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")
"""What a back end cannot take in a query: NUL (PostgreSQL) and lone surrogates (not UTF-8 at all)."""

BUSY_TIMEOUT_MS = 30_000
CACHE_KIB = 128 * 1024
"""Page cache per connection: a national register and its indexes stay in memory while a rebuild updates them."""
WRITING = "lipp_writing"
"""Execution option marking a connection that will write: on SQLite it takes the write lock at BEGIN."""


def create_read_model_engine(database_url: str, connect_timeout: int = 5) -> Engine:
    """An engine for the read models. SQLite gets WAL, a busy timeout and `BEGIN IMMEDIATE` for writers;
    PostgreSQL a connect timeout, so an unreachable server is reported in seconds."""
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        engine = create_engine(
            url.set(drivername="postgresql+psycopg"),
            pool_pre_ping=True,
            connect_args={"connect_timeout": connect_timeout},
        )
        event.listen(engine, "before_cursor_execute", _refuse_unsearchable_text)
        return engine
    if url.get_backend_name() != "sqlite":
        raise ValueError(f"unsupported database '{url.get_backend_name()}': use sqlite or postgresql")
    engine = create_engine(url)
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    event.listen(engine, "before_cursor_execute", _refuse_unsearchable_text)
    return engine


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Let us issue BEGIN ourselves: pysqlite's implicit BEGIN is deferred, and a deferred transaction that
    # reads then writes can fail at once with SQLITE_BUSY when another process wrote meanwhile.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.close()


def _refuse_unsearchable_text(
    connection: Connection, _cursor: Any, _statement: str, parameters: Any, _context: Any, executemany: bool
) -> None:
    """A query's text (a search, a filter, a code in a path) that no back end can take, such as a NUL on
    PostgreSQL or a lone surrogate anywhere, is bad input (422 / exit 2), not an internal error. Writers are
    left alone: they write what events hold, and a projection that cannot is stopped and named (faults.py)."""
    if executemany or connection.get_execution_options().get(WRITING, False):
        return
    values = parameters.values() if isinstance(parameters, dict) else parameters or ()
    for value in values:
        if not isinstance(value, str) or (value.isascii() and "\x00" not in value):
            continue  # the usual case, decided in C: codes, references, ASCII words
        if found := UNSTORABLE.search(value):
            raise TextNotAllowed(
                f"the text given holds {describe_character(found.group())} at character {found.start() + 1}, "
                "which lipp cannot search for: NUL and lone surrogates are not accepted"
            )


def _begin_sqlite(connection: Connection) -> None:
    writing = connection.get_execution_options().get(WRITING, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def index_names(connection: Connection) -> list[str]:
    """Every index in the read models' schema: index names are unique across a schema on both back ends."""
    if connection.dialect.name == "postgresql":
        query = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'index'"
    return [str(name) for name in connection.exec_driver_sql(query).scalars()]
