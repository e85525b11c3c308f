"""Who the CLI acts as. On the embedded single-user store a name is enough (`--as`, LIPP_USER, `lipp login NAME`);
on a shared store (PostgreSQL, or LIPP_SHARED=true) the CLI proves it with the user's token, saved by `lipp login`
in their own config file (mode 0600) and checked on every command, and refuses a bare name unless the operator
setting LIPP_CLI_TRUST_NAMES allows it."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lipp.bootstrap import Lipp, build
from lipp.commands.registry import DeactivateUser
from lipp.commands.tokens import IssueToken, RevokeToken
from lipp.config import Settings
from tests.conftest import People

LIPP = str(Path(sys.executable).with_name("lipp"))
NAMES = ["admin", "nvl.coordinator", "reviewer.a", "national.body", "nobody.at.all"]


def cli(settings: Settings, home: Path, *args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    """`lipp` as its own process, in the store of `settings`, with `home` as the user's config folder."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("LIPP_")}
    base |= {"LIPP_DATA_DIR": str(settings.data_dir), "XDG_CONFIG_HOME": str(home)}
    if settings.database_url:
        base["LIPP_DATABASE_URL"] = settings.database_url
    done = subprocess.run(
        [LIPP, *args], env=base | env, input=stdin, capture_output=True, text=True, timeout=120, check=False
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


@pytest.fixture
def shared(lipp: Lipp, people: People) -> Settings:
    """The scenario's store, declared shared whichever back end it is on."""
    return lipp.settings.model_copy(update={"shared": True})


def shared_env() -> dict[str, str]:
    return {"LIPP_SHARED": "true"}


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), how=st.sampled_from(["--as", "LIPP_USER"]))
def test_a_shared_store_refuses_to_act_on_a_name_alone(shared: Settings, tmp_path: Path, name: str, how: str) -> None:
    args = ["--as", name, "whoami"] if how == "--as" else ["whoami"]
    extra = {"LIPP_USER": name} if how == "LIPP_USER" else {}

    done = cli(shared, tmp_path / "config", *args, **shared_env(), **extra)

    assert done.returncode == 1, done.stdout
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: this store is shared, so the CLI cannot act as") and "lipp login" in line


def test_the_operator_setting_lets_names_through(shared: Settings, tmp_path: Path) -> None:
    done = cli(shared, tmp_path, "--as", "nvl.coordinator", "whoami", **shared_env(), LIPP_CLI_TRUST_NAMES="true")
    assert done.returncode == 0 and done.stdout.startswith("nvl.coordinator (coordinator, NVL)")


def test_login_with_a_token_saves_it_privately_and_every_command_checks_it(
    lipp: Lipp, people: People, shared: Settings, tmp_path: Path
) -> None:
    issued = lipp.tokens.issue(people.admin, IssueToken(username="nvl.coordinator", label="laptop"))
    home = tmp_path / "config"

    logged_in = cli(shared, home, "login", "nvl.coordinator", stdin=issued.secret + "\n", **shared_env())

    assert logged_in.returncode == 0, logged_in.stderr
    saved = home / "lipp" / "credentials"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE(saved.parent.stat().st_mode) == 0o700
    assert json.loads(cli(shared, home, "whoami", "--json", **shared_env()).stdout)["username"] == "nvl.coordinator"
    same_name = cli(shared, home, "--as", "nvl.coordinator", "whoami", **shared_env())
    assert same_name.returncode == 0
    other_name = cli(shared, home, "--as", "admin", "whoami", **shared_env())
    assert other_name.returncode == 1 and "cannot act as admin" in other_name.stderr

    lipp.tokens.revoke(people.admin, RevokeToken(token_id=issued.token_id, reason="Laptop lost"))
    revoked = cli(shared, home, "whoami", **shared_env())
    assert revoked.returncode == 1 and "the API token is not valid" in revoked.stderr


def test_login_refuses_a_wrong_token_or_another_users(
    lipp: Lipp, people: People, shared: Settings, tmp_path: Path
) -> None:
    theirs = lipp.tokens.issue(people.admin, IssueToken(username="reviewer.a", label="theirs")).secret
    home = tmp_path / "config"

    wrong = cli(shared, home, "login", "nvl.coordinator", "--token", "not-a-token", **shared_env())
    another = cli(shared, home, "login", "nvl.coordinator", stdin=theirs, **shared_env())

    assert wrong.returncode == 1 and "not valid" in wrong.stderr
    assert another.returncode == 1 and "not nvl.coordinator's" in another.stderr
    assert not (home / "lipp" / "credentials").exists()


def test_a_token_in_the_environment_acts_without_login_and_stops_with_its_user(
    lipp: Lipp, people: People, shared: Settings, tmp_path: Path
) -> None:
    secret = lipp.tokens.issue(people.admin, IssueToken(username="reviewer.a", label="cron")).secret
    assert cli(shared, tmp_path, "whoami", **shared_env(), LIPP_TOKEN=secret).stdout.startswith("reviewer.a")

    lipp.registry.deactivate_user(people.admin, DeactivateUser(username="reviewer.a", reason="Left the register"))
    assert cli(shared, tmp_path, "whoami", **shared_env(), LIPP_TOKEN=secret).returncode == 1


@pytest.mark.postgres
def test_setup_on_postgres_saves_the_first_admins_token(postgres_database: str, tmp_path: Path) -> None:
    from tests.conftest import clear_postgres

    clear_postgres(postgres_database)
    settings = Settings(data_dir=tmp_path, database_url=postgres_database)
    home = tmp_path / "config"

    assert cli(settings, home, "setup", "admin").returncode == 0
    assert cli(settings, home, "whoami").stdout.startswith("admin (admin")
    assert cli(settings, home, "--as", "admin", "board", "list").returncode == 0
    assert cli(settings, home / "elsewhere", "whoami").returncode == 1  # another account has no token


def test_the_embedded_store_still_acts_on_names(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "store", database_url=None)
    with build(settings) as lipp:
        lipp.registry.set_up_first_admin("admin")
    assert cli(settings, tmp_path, "--as", "admin", "whoami").stdout.startswith("admin (admin")
