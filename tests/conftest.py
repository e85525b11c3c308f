"""Shared fixtures: a settable clock, and lipp built on a fresh SQLite file or a fresh PostgreSQL database."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from lipp.application.views import TeamView
from lipp.bootstrap import Lipp, build
from lipp.commands.registry import RegisterBoard, RegisterTeam, RegisterUser
from lipp.config import Settings
from lipp.domain.actors import Actor
from lipp.domain.clock import SettableClock
from tests.scheduling import apply_tiers_and_groups
from tests.smtp import LoopbackSmtp

POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432"

# Hypothesis times each example against a deadline and checks that data is drawn quickly: on two workers on a
# shared two-core machine both only measure the machine's load, so neither fails a test here. Every other
# health check stays on, and the number of examples stays what each test says.
hypothesis_settings.register_profile("lipp", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("lipp")
CONFIG_HOME = pytest.StashKey[tuple[str | None, str]]()


def pytest_configure(config: pytest.Config) -> None:
    """Each test process (each xdist worker) saves CLI credentials in a folder of its own: never in the
    developer's ~/.config, and never in a file another worker rewrites at the same moment."""
    config_home = tempfile.mkdtemp(prefix="lipp-test-config-")
    config.stash[CONFIG_HOME] = (os.environ.get("XDG_CONFIG_HOME"), config_home)
    os.environ["XDG_CONFIG_HOME"] = config_home


def pytest_unconfigure(config: pytest.Config) -> None:
    before, config_home = config.stash.get(CONFIG_HOME, (None, ""))
    if config_home:
        shutil.rmtree(config_home, ignore_errors=True)
        if before is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = before


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups off the tests
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test with its tier (unit, integration, e2e) and group the tests that share a costly fixture."""
    apply_tiers_and_groups(config, items)


def postgres_unavailable() -> str | None:
    """Why PostgreSQL tests must skip, or None when the server answers."""
    try:
        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", connect_timeout=3):
            return None
    except psycopg.Error as error:
        return f"no PostgreSQL server answers at 127.0.0.1:5432 ({error.__class__.__name__})"


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test process (one per xdist worker, named after it), dropped
    afterwards."""
    reason = postgres_unavailable()
    if reason:
        pytest.skip(reason)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"lipp_test_{worker}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield f"{POSTGRES_SERVER}/{name}"
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def clock() -> SettableClock:
    """Monday 2 March 2026, 10:00 in England: tests move it as their story needs."""
    return SettableClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))


def clear_postgres(url: str) -> None:
    """Drop every table of the test database: each test starts from an empty event store."""
    with psycopg.connect(url, autocommit=True) as connection:
        rows = connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
        for (table,) in rows:
            connection.execute(f'DROP TABLE IF EXISTS "{table}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for each back end: the same scenario runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return Settings(data_dir=tmp_path, database_url=None)
    url: str = request.getfixturevalue("postgres_database")
    clear_postgres(url)
    return Settings(data_dir=tmp_path, database_url=url)


@pytest.fixture
def lipp(settings: Settings, clock: SettableClock) -> Iterator[Lipp]:
    with build(settings, clock) as built:
        yield built


class People:
    """The registered cast of a scenario: an admin, two boards' coordinators and two lead reviewers."""

    def __init__(self, lipp: Lipp) -> None:
        lipp.registry.set_up_first_admin("admin")
        self.admin = lipp.registry.actor_for("admin")
        for code, name in (("NVL", "Northvale"), ("EMR", "Eastmere")):
            lipp.registry.register_board(
                self.admin, RegisterBoard(code=code, name=f"{name} Safeguarding Partnership", area=name)
            )
        register = lipp.registry.register_user
        register(self.admin, RegisterUser(username="nvl.coordinator", role="coordinator", board="NVL"))
        register(self.admin, RegisterUser(username="emr.coordinator", role="coordinator", board="EMR"))
        register(self.admin, RegisterUser(username="reviewer.a", role="lead_reviewer"))
        register(self.admin, RegisterUser(username="reviewer.b", role="lead_reviewer"))
        register(self.admin, RegisterUser(username="national.body", role="national_body"))
        self.coordinator: Actor = lipp.registry.actor_for("nvl.coordinator")
        self.other_coordinator: Actor = lipp.registry.actor_for("emr.coordinator")
        self.reviewer: Actor = lipp.registry.actor_for("reviewer.a")
        self.other_reviewer: Actor = lipp.registry.actor_for("reviewer.b")
        self.national_body: Actor = lipp.registry.actor_for("national.body")


def register_team(
    lipp: Lipp, actor: Actor, code: str, board: str, agency: str = "childrens_social_care", **more: object
) -> TeamView:
    """A team of `board` in `agency`, with role mailboxes named after its code; `more` sets subscriptions."""
    mailbox = code.lower()
    command = RegisterTeam.model_validate(
        {
            "code": code,
            "name": f"{code.title()} team",
            "agency": agency,
            "board": board,
            "manager_email": f"{mailbox}.manager@teams.example",
            "team_email": f"{mailbox}@teams.example",
            **more,
        }
    )
    return lipp.registry.register_team(actor, command)


@pytest.fixture
def people(lipp: Lipp) -> People:
    return People(lipp)


@pytest.fixture(scope="session")
def redaction_check_loaded() -> None:
    """The redaction check's recogniser, loaded once per worker before timed property tests run."""
    from lipp.domain.redaction.checker import prepare

    prepare()


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect server for the whole session (about 17 s once); flows in tests run against it."""
    import os

    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY", "false")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.fixture
def smtp_server() -> Iterator[LoopbackSmtp]:
    """A real SMTP server on a free loopback port, stopped after the test."""
    server = LoopbackSmtp()
    server.start()
    yield server
    server.stop()
