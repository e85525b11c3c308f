"""Bulk writes of plain-dict rows: one prepared statement, values converted by each column's own type.

SQLAlchemy's `executemany` builds a parameter dict per row through its compiler, which at national scale costs
more than the database's own work. Here each column's bind processor is looked up once per statement and
the rows go to the driver as tuples, stored exactly as SQLAlchemy itself would store them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from lipp.projections.projection import Row

WRITE_CHUNK = 2_000
"""Rows per `executemany`: one huge call can stall psycopg's pipeline on PostgreSQL."""


def insert(connection: Connection, table: Table, rows: Sequence[Row]) -> None:
    """INSERT every row (each has a value for every column of `table`)."""
    if not rows:
        return
    names = [column.name for column in table.columns]
    marks = ", ".join(_placeholder(connection) for _ in names)
    columns = ", ".join(_quoted(connection, name) for name in names)
    sql = f"INSERT INTO {_quoted(connection, table.name)} ({columns}) VALUES ({marks})"
    _execute(connection, sql, _tuples(connection, table, names, rows))


def update(connection: Connection, table: Table, key: str, rows: Sequence[Row]) -> None:
    """UPDATE every other column of each row, found by its `key` column."""
    if not rows:
        return
    names = [column.name for column in table.columns if column.name != key]
    mark = _placeholder(connection)
    assignments = ", ".join(f"{_quoted(connection, name)} = {mark}" for name in names)
    sql = f"UPDATE {_quoted(connection, table.name)} SET {assignments} WHERE {_quoted(connection, key)} = {mark}"
    _execute(connection, sql, _tuples(connection, table, [*names, key], rows))


def _tuples(connection: Connection, table: Table, names: list[str], rows: Iterable[Row]) -> list[tuple[Any, ...]]:
    dialect = connection.dialect
    processors: list[Callable[[Any], Any] | None] = [
        table.c[name].type._cached_bind_processor(dialect) for name in names
    ]
    if not any(processors):
        return [tuple(row[name] for name in names) for row in rows]
    pairs = list(zip(names, processors, strict=True))
    return [tuple(p(row[n]) if p is not None else row[n] for n, p in pairs) for row in rows]


def _execute(connection: Connection, sql: str, values: list[tuple[Any, ...]]) -> None:
    for start in range(0, len(values), WRITE_CHUNK):
        connection.exec_driver_sql(sql, values[start : start + WRITE_CHUNK])


def _placeholder(connection: Connection) -> str:
    return "?" if connection.dialect.paramstyle == "qmark" else "%s"


def _quoted(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def add_counts(connection: Connection, table: Table, keys: Sequence[str], count: str, rows: Sequence[Row]) -> None:
    """Add each row's `count` to the row with the same `keys`, inserting rows not there yet."""
    if not rows:
        return
    names = [*keys, count]
    marks = ", ".join(_placeholder(connection) for _ in names)
    name, quoted = _quoted(connection, table.name), _quoted(connection, count)
    sql = (
        f"INSERT INTO {name} ({', '.join(_quoted(connection, n) for n in names)}) VALUES ({marks}) "
        f"ON CONFLICT ({', '.join(_quoted(connection, k) for k in keys)}) "
        f"DO UPDATE SET {quoted} = {name}.{quoted} + excluded.{quoted}"
    )
    _execute(connection, sql, _tuples(connection, table, names, rows))
