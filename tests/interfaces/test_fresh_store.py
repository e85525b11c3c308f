"""A freshly set-up store answers every command and every GET route properly: an empty answer, "not found", or a
refusal, never an internal error (no missing table, no traceback). Commands are found by walking the CLI's own
command tree and routes from the API's, so commands and routes added later are covered too."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
import typer.main
from fastapi.testclient import TestClient
from typer._click.core import Context  # typer vendors click
from typer.core import TyperGroup as Group

from lipp.bootstrap import build
from lipp.commands.registry import RegisterBoard
from lipp.commands.tokens import IssueToken
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from lipp.interfaces.api.app import create_app
from lipp.interfaces.cli.main import app, main

NOT_RUN = {
    ("serve",): "serves until stopped",
    ("demo",): "makes its own store",
    ("projections", "follow"): "follows until stopped",
    ("schemas", "write"): "writes the repository's schema files",
    ("digest", "run"): "starts Prefect's local server (the flow has tests of its own)",
    ("login",): "on a shared store it reads a token from the terminal (tests/interfaces/test_cli_identity.py)",
    ("user", "password"): "asks for the new password at the terminal (tests/web sign in with one set)",
}
QUERIES = {"list", "show", "status", "timeline", "counts", "search", "results", "metrics", "guide", "themes"}
QUERIES |= {"patterns", "suitable", "whoami", "check"}
"""Commands that only read: each must reach the store and answer (exit 0), or say what is not there (exit 1)."""

PLACEHOLDERS = {
    "reference": "NVL-2026-001",
    "username": "admin",
    "admin": "admin",
    "key": "review-nvl-2026-001",
    "finding": "F1",
    "order": "F1",
    "number": "1",
    "digest_id": str(uuid.UUID(int=1)),
    "token_id": str(uuid.UUID(int=2)),
    "action": "NCB-A1",
    "code": "NVL",
    "email": "learning@northvale.example",
    "manager_email": "manager@northvale.example",
    "team_email": "team@northvale.example",
    "text": "Some words about a practice review",
    "role": "lead_reviewer",
    "agency": "police",
    "agencies": "police",
    "kind": "death",
    "decision": "no_further_review",
    "rating": "met",
    "pattern": "3",
    "hit": "1",
    "themes": "NT04",
    "theme": "NT04",
    "board": "NVL",
    "process": "criminal-trial",
    "methodology": "learning-together",
    "expertise": "learning-together",
    "due": "2027-03-31",
    "aware_on": "2026-02-27",
    "scope_from": "2025-01-01",
    "scope_to": "2026-02-27",
    "reconsider_on": "2026-12-01",
    "attended_on": "2026-01-20",
}
SPECIFIC = {("delivery", "code"): "K7Q2M-9XDPR", ("team", "code"): "NVL-CSC", ("alliance", "code"): "NCB"}


def leaf_commands() -> Iterator[tuple[tuple[str, ...], list[str]]]:
    """Each runnable command's path and the placeholder arguments its required parameters need."""

    def walk(command: object, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], list[str]]]:
        if isinstance(command, Group):  # asked as click asks: the root loads its groups when they are named
            context = Context(command, info_name=path[-1] if path else "lipp")
            for name in command.list_commands(context):
                yield from walk(command.get_command(context, name), (*path, name))
            return
        arguments: list[str] = []
        for param in getattr(command, "params", []):
            if param.name == "board" and param.param_type_name == "option" and path[-1] in QUERIES:
                arguments += [param.opts[0], "NVL"]  # an admin names the board whose register they read
            if not param.required:
                continue
            if getattr(param, "is_flag", False):
                arguments.append(param.opts[0])
                continue
            value = SPECIFIC.get((path[0], param.name), PLACEHOLDERS.get(param.name, "Placeholder words"))
            arguments += [value] if param.param_type_name == "argument" else [param.opts[0], value]
        yield path, arguments

    yield from walk(typer.main.get_command(app), ())


def ordered() -> list[tuple[tuple[str, ...], list[str]]]:
    """Queries first, on the untouched store; then the rest, which may change it."""
    runnable = [(path, args) for path, args in leaf_commands() if path not in NOT_RUN]
    return sorted(runnable, key=lambda item: item[0][-1] not in QUERIES)


@pytest.fixture
def fresh(settings: Settings, clock: SettableClock, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A store that has seen `lipp setup admin` and one board registered, nothing else."""
    with build(settings, clock) as lipp:
        lipp.registry.set_up_first_admin("admin")
        admin = lipp.registry.actor_for("admin")
        lipp.registry.register_board(admin, RegisterBoard(code="NVL", name="Northvale Partnership", area="Northvale"))
    monkeypatch.setenv("LIPP_CLI_TRUST_NAMES", "true")  # the operator setting, so `--as` works on PostgreSQL too
    monkeypatch.setenv("XDG_CONFIG_HOME", str(settings.data_dir / "config"))
    return settings


def run_cli(settings: Settings, args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    options = ["--data-dir", str(settings.data_dir), "--database-url", settings.effective_database_url]
    with pytest.raises(SystemExit) as exited:
        main([*options, "--as", "admin", *args])
    captured = capsys.readouterr()
    return int(exited.value.code or 0), captured.out + captured.err


def test_every_command_on_a_fresh_store_answers_or_refuses_cleanly(
    fresh: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    commands = ordered()
    assert len(commands) > 80, "the walk found the command tree"
    bad: list[str] = []
    for path, arguments in commands:
        code, output = run_cli(fresh, [*path, *arguments], capsys)
        allowed = (0, 1) if path[-1] in QUERIES else (0, 1, 2)
        broken = any(sign in output for sign in ("internal error", "Traceback", "no such table", "does not exist"))
        if code not in allowed or broken:
            bad.append(f"lipp {' '.join((*path, *arguments))} -> {code}: {output.strip()[:300]}")
    assert not bad, "\n".join(bad)


def route_placeholder(name: str) -> str:
    return {"ref": "NVL-2026-001", "code": "NVL", "key": "review-nvl-2026-001", "finding": "F1"}.get(
        name, PLACEHOLDERS.get(name, str(uuid.UUID(int=3)))
    )


def test_every_get_route_on_a_fresh_store_answers_without_a_server_error(fresh: Settings) -> None:
    lipp = build(fresh, create_store=False)
    admin = lipp.registry.actor_for("admin")
    token = lipp.tokens.issue(admin, IssueToken(username="admin", label="fresh")).secret
    api = create_app(lambda: lipp)
    templates = [path for path, operations in api.openapi()["paths"].items() if "get" in operations]
    assert len(templates) > 25, "the walk found the routes"
    with TestClient(api, raise_server_exceptions=False) as client:
        answers = {}
        for template in templates:
            path = re.sub(r"\{(\w+)\}", lambda name: route_placeholder(name.group(1)), template)
            answers[path] = client.get(path, headers={"Authorization": f"Bearer {token}"}).status_code
    assert not {path: status for path, status in answers.items() if status >= 500}, answers
    assert answers["/reviews/NVL-2026-001"] == 404
    assert answers["/deliveries"] == 200
