"""Create the configured PostgreSQL database if it does not exist yet: `python -m lipp.deploy_database URL`."""

from __future__ import annotations

import sys

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url


def ensure_database(url: str) -> bool:
    """True when the database was created, False when it was there already."""
    target = make_url(url)
    if target.get_backend_name() != "postgresql" or not target.database:
        raise SystemExit(f"not a PostgreSQL database URL: {url}")
    server = target.set(database="postgres").render_as_string(hide_password=False)
    server = server.replace("postgresql+psycopg2://", "postgresql://").replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (target.database,)).fetchone()
        if exists:
            return False
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target.database)))
        return True


if __name__ == "__main__":
    created = ensure_database(sys.argv[1])
    print("created the database" if created else "the database exists")
