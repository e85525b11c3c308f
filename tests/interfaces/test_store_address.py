"""A store at the wrong address is named, not silently made: only `lipp setup` (and `lipp store prepare`) create one.
Any other command on a missing SQLite file, a file that is not lipp's, or a PostgreSQL database never set up says
there is no lipp store there and how to make one, and creates nothing; an unreachable server is reported within
seconds with host, port, database and the driver's reason."""

from __future__ import annotations

import socket
import string
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lipp.interfaces.cli.main import main
from tests.conftest import POSTGRES_SERVER, postgres_unavailable
from tests.interfaces.test_fresh_store import NOT_RUN, leaf_commands

LIPP = str(Path(sys.executable).with_name("lipp"))
MAKERS = {("setup",), ("store", "prepare"), ("demo",)}
COMMANDS = [(path, args) for path, args in leaf_commands() if path not in MAKERS and path not in NOT_RUN]
"""Every command that needs a store (found by walking the command tree), with placeholder arguments."""


def run(options: list[str], command: tuple[tuple[str, ...], list[str]], capsys: pytest.CaptureFixture[str]) -> str:
    """The one line a command printed. A placeholder the command's own validation refuses stops there (exit 2),
    and a command that needs no store (reference data) answers (exit 0): neither creates anything either."""
    path, arguments = command
    with pytest.raises(SystemExit) as exited:
        main([*options, "--as", "admin", *path, *arguments])
    captured = capsys.readouterr()
    if exited.value.code in (0, None):  # reference data and the like need no store
        return "answered without a store"
    [line] = captured.err.strip().splitlines()
    if exited.value.code == 2:
        assert line.startswith(("error: invalid input", "error: Invalid value")), line
        return "bad placeholder"
    assert exited.value.code == 1, f"lipp {' '.join(path)} exited {exited.value.code}: {captured.err}"
    return line


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    command=st.sampled_from(COMMANDS),
    folders=st.lists(st.text(string.ascii_lowercase + string.digits + "-_.", min_size=1, max_size=12), min_size=1),
    as_url=st.booleans(),
)
def test_any_command_on_a_missing_sqlite_file_names_it_and_creates_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: tuple[tuple[str, ...], list[str]],
    folders: list[str],
    as_url: bool,
) -> None:
    missing = tmp_path.joinpath("nowhere", *(f"d{name}" for name in folders))
    options = ["--database-url", f"sqlite:///{missing / 'lipp.db'}"] if as_url else ["--data-dir", str(missing)]

    line = run(options, command, capsys)

    if line not in ("bad placeholder", "answered without a store"):
        assert line.startswith(f"error: there is no lipp store at the SQLite file {missing / 'lipp.db'}: "), line
        assert "lipp setup" in line
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("content", [b"", b"not a database at all\n", b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_file_that_is_not_a_lipp_store_is_refused_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    target = tmp_path / "lipp.db"
    target.write_bytes(content)

    line = run(["--data-dir", str(tmp_path)], ((("review", "list")), []), capsys)

    assert "lipp store" in line and "lipp setup" in line, line
    assert target.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lipp.db"]


@pytest.fixture
def empty_database() -> Iterator[str]:
    reason = postgres_unavailable()
    if reason:
        pytest.skip(reason)
    name = f"lipp_empty_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_a_postgres_database_never_set_up_is_named_and_left_empty(
    empty_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    options = ["--database-url", f"{POSTGRES_SERVER}/{empty_database}"]
    answers = [run(options, command, capsys) for command in COMMANDS[::5]]
    for line in [line for line in answers if line not in ("bad placeholder", "answered without a store")]:
        assert line.startswith(f"error: there is no lipp store at PostgreSQL database '{empty_database}' at "), line
    assert answers.count("bad placeholder") < len(answers) / 3
    typo = ["--database-url", f"{POSTGRES_SERVER}/{empty_database}_typo"]
    missing_database = run(typo, (("review", "list"), []), capsys)
    assert "the database does not exist" in missing_database

    with psycopg.connect(f"{POSTGRES_SERVER}/{empty_database}") as connection:
        tables = connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
        functions = connection.execute(
            "SELECT proname FROM pg_proc JOIN pg_namespace n ON n.oid = pronamespace WHERE nspname = 'public'"
        ).fetchall()
    assert tables == [] and functions == []


class SilentServer:
    """Accepts TCP connections and never says a word: a server that hangs, or a firewall that swallows."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.port = self.socket.getsockname()[1]
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.held.append(connection)

    def close(self) -> None:
        self.socket.close()
        for connection in self.held:
            connection.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def unreachable(tmp_path: Path, port: int) -> tuple[str, float]:
    """The one line `lipp review list` printed against 127.0.0.1:`port`, and how long it took."""
    url = f"postgresql://lipp_user@127.0.0.1:{port}/northvale_lipp"
    started = time.monotonic()
    done = subprocess.run(
        [LIPP, "--data-dir", str(tmp_path), "--database-url", url, "--as", "admin", "review", "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 1, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"error: cannot connect to PostgreSQL database 'northvale_lipp' at 127.0.0.1:{port}"), line
    assert "(user lipp_user)" in line
    return line, elapsed


def test_an_unreachable_postgres_fails_within_the_connect_timeout_naming_where_and_why(tmp_path: Path) -> None:
    refused, refused_after = unreachable(tmp_path, free_port())
    silent = SilentServer()
    try:
        timed_out, timed_out_after = unreachable(tmp_path, silent.port)
    finally:
        silent.close()

    assert "connection refused" in refused.lower(), refused
    assert "waited at most 5 s" in timed_out and "timeout" in timed_out.lower(), timed_out
    # A refusal is immediate, so its run is the cost of starting lipp; a silent server costs the 5 s timeout more.
    assert timed_out_after - refused_after < 5 + 3, (refused_after, timed_out_after)
    assert not (tmp_path / "lipp.db").exists()
