"""Databases of the production stack: `python -m lipp.deploy.database URL [--prefect]`.

With a lipp URL, creates that PostgreSQL database if missing. With `--prefect`, also creates the Prefect
server's own database beside it (the same server, the name with `_prefect` appended) and prints its
`postgresql+asyncpg://` URL for `PREFECT_SERVER_DATABASE_CONNECTION_URL`.
"""

from __future__ import annotations

import sys

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL, make_url

PREFECT_SUFFIX = "_prefect"


def _postgres_url(url: str) -> URL:
    target = make_url(url)
    if target.get_backend_name() != "postgresql" or not target.database:
        raise SystemExit(f"not a PostgreSQL database URL: {url}")
    return target


def ensure_database(url: str) -> bool:
    """True when the database was created, False when it was there already."""
    target = _postgres_url(url)
    name = str(target.database)
    server = target.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists:
            return False
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return True


def prefect_database_url(lipp_url: str) -> str:
    """The Prefect server's database: lipp's server, lipp's database name with `_prefect`, the asyncpg driver."""
    target = _postgres_url(lipp_url)
    prefect = target.set(drivername="postgresql+asyncpg", database=f"{target.database}{PREFECT_SUFFIX}")
    return prefect.render_as_string(hide_password=False)


def main(argv: list[str]) -> None:
    if not argv or argv[0].startswith("-"):
        raise SystemExit("usage: python -m lipp.deploy.database URL [--prefect]")
    url = argv[0]
    if "--prefect" in argv[1:]:
        ensure_database(url)
        prefect_url = prefect_database_url(url)
        ensure_database(prefect_url)
        print(prefect_url)
        return
    print("created the database" if ensure_database(url) else "the database exists")


if __name__ == "__main__":
    main(sys.argv[1:])
