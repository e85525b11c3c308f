"""Sixteen lipp processes starting at once on one PostgreSQL store: every one succeeds, no notification is lost,
and none runs DDL (an event trigger records every DDL command the database receives while they run)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from lipp.bootstrap import build
from lipp.commands.registry import RegisterBoard, RegisterUser
from lipp.commands.tokens import IssueToken
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from tests.conftest import POSTGRES_SERVER, postgres_unavailable

LIPP = str(Path(sys.executable).with_name("lipp"))
PROCESSES = 16
RECORD_DDL = """
CREATE TABLE ddl_seen (command text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS
  $$ BEGIN INSERT INTO ddl_seen (command) VALUES (tg_tag); END $$;
CREATE EVENT TRIGGER note_ddl ON ddl_command_start EXECUTE FUNCTION note_ddl();
"""
NOTIFY_REST = ("--aware-on", "2026-02-27", "--agency", "police", "--json")
READ_ONLY = [
    ["review", "list", "--json"],
    ["projections", "status", "--json"],
    ["delivery", "list", "--json"],
    ["whoami", "--json"],
    ["review", "counts", "--json"],
    ["finding", "search", "information", "--json"],
    ["team", "list", "--json"],
    ["briefing", "list", "--json"],
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A set-up store (an admin, a board, its coordinator's token), watched for DDL; its URL and the token."""
    reason = postgres_unavailable()
    if reason:
        pytest.skip(reason)
    name = f"lipp_race_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = f"{POSTGRES_SERVER}/{name}"
    clock = SettableClock(datetime(2026, 3, 2, 10, tzinfo=UTC))
    with build(Settings(data_dir=tmp_path, database_url=url), clock) as lipp:
        lipp.registry.set_up_first_admin("admin")
        admin = lipp.registry.actor_for("admin")
        lipp.registry.register_board(admin, RegisterBoard(code="NVL", name="Northvale Partnership", area="Northvale"))
        lipp.registry.register_user(admin, RegisterUser(username="nvl.coordinator", role="coordinator", board="NVL"))
        token = lipp.tokens.issue(admin, IssueToken(username="nvl.coordinator", label="race")).secret
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(RECORD_DDL)
    yield url, token
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_sixteen_processes_starting_together_all_succeed_and_lose_nothing(
    store: tuple[str, str], tmp_path: Path
) -> None:
    url, token = store
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIPP_")}
    env |= {"LIPP_DATABASE_URL": url, "LIPP_DATA_DIR": str(tmp_path), "LIPP_TOKEN": token}
    notifying = PROCESSES // 2
    commands = [
        [*("review", "notify", "--case", f"Child {chr(65 + i)}", "--incident", "death"), *NOTIFY_REST]
        for i in range(notifying)
    ] + READ_ONLY[: PROCESSES - notifying]

    processes = [
        subprocess.Popen([LIPP, *command], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for command in commands
    ]
    results = [
        (command, *process.communicate(timeout=300), process.returncode)
        for command, process in zip(commands, processes, strict=True)
    ]

    failed = [f"{' '.join(c)} -> {code}: {err.strip()}" for c, _, err, code in results if code != 0]
    assert not failed, "\n".join(failed)
    references = {json.loads(out)["reference"] for c, out, _, _ in results if c[1] == "notify"}
    assert len(references) == notifying
    listed = subprocess.run([LIPP, "review", "list", "--json"], env=env, capture_output=True, text=True, check=True)
    assert {row["reference"] for row in json.loads(listed.stdout)} == references
    with psycopg.connect(url) as connection:
        ddl = connection.execute("SELECT command FROM ddl_seen").fetchall()
    assert ddl == [], "no process start creates or alters anything"
