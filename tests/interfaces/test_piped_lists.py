"""Lists printed to a pipe: identifiers (usernames, team codes, board codes, references, delivery codes) are
never elided, however long they and the other columns are and however narrow the terminal setting; and a
cut list says so under the table (or on stderr beside `--json`, which stays a bare list)."""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lipp.bootstrap import Lipp, build
from lipp.commands.registry import RegisterUser
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from lipp.interfaces.cli import output
from lipp.interfaces.cli.main import app
from tests.conftest import People, register_team
from tests.learning.journeys import released

ELLIPSIS = "…"
team_codes = st.from_regex(r"\A[A-Z0-9][A-Z0-9-]{24,31}\Z")
usernames = st.from_regex(r"\A[a-z][a-z0-9._-]{30,39}\Z")
names = st.text(alphabet=string.ascii_letters + " ", min_size=40, max_size=160).filter(str.strip)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Lipp, People]]:
    clock = SettableClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    settings_ = Settings(data_dir=tmp_path_factory.mktemp("piped"), database_url=None)
    with build(settings_, clock) as lipp:
        people = People(lipp)
        released(lipp, people, clock)
        yield lipp, people


@pytest.fixture
def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output.console, "width", 40)


def cli(lipp: Lipp, *args: str) -> tuple[str, str]:
    data = lipp.settings.data_dir
    options = ["--data-dir", str(Path(data)), "--database-url", lipp.settings.effective_database_url]
    result = CliRunner().invoke(app, [*options, "--as", "admin", *args])
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout, result.stderr


def whole_on_a_line(identifier: str, out: str) -> bool:
    return any(identifier in line for line in out.splitlines())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=team_codes, username=usernames, name=names)
def test_piped_identifiers_are_never_elided(
    store: tuple[Lipp, People], narrow: None, code: str, username: str, name: str
) -> None:
    lipp, people = store
    if not _known(lipp, people, code):
        register_team(lipp, people.admin, code, "NVL", name=name)
    if not any(u.username == username for u in lipp.registry.users(people.admin)):
        lipp.registry.register_user(people.admin, RegisterUser(username=username, role="team_member", team=code))
    for args, identifiers in (
        (("team", "list"), [code, "NVL-CSC"]),
        (("user", "list"), [username, "nvl.coordinator"]),
        (("delivery", "list"), [row.code for row in lipp.deliveries.deliveries(people.admin)]),
        (("review", "list", "--board", "NVL"), [e.reference for e in lipp.reviews.register(people.admin, "NVL")]),
    ):
        out, _ = cli(lipp, *args)
        assert ELLIPSIS not in out, args
        for identifier in identifiers:
            assert whole_on_a_line(identifier, out), (identifier, out)


def _known(lipp: Lipp, people: People, code: str) -> bool:
    return any(t.code == code for t in lipp.registry.teams(people.admin))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(limit=st.integers(min_value=0, max_value=12), offset=st.integers(min_value=0, max_value=12))
def test_a_cut_list_says_where_it_stands(store: tuple[Lipp, People], limit: int, offset: int) -> None:
    lipp, people = store
    every = [t.code for t in lipp.registry.teams(people.admin)]
    out, _ = cli(lipp, "team", "list", "--limit", str(limit), "--offset", str(offset))
    listed, err = cli(lipp, "team", "list", "--limit", str(limit), "--offset", str(offset), "--json")
    shown = [row["code"] for row in json.loads(listed)]
    assert shown == every[offset : offset + limit]
    if len(shown) == len(every):
        assert "Showing" not in out and "Showing" not in err
    elif shown:
        line = f"Showing {offset + 1:,}–{offset + len(shown):,} of {len(every):,}"
        assert line in out and line in err
        more = offset + len(shown) < len(every)
        assert (f"next: --offset {offset + len(shown)}" in out) == more
    else:
        assert f"Showing none of {len(every):,}" in out
