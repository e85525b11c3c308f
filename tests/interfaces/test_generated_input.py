"""Every command, driven with generated text and dates on both back ends: each input is refused naming its field,
or refused by a named rule, or accepted, after which every read model still catches up. Never an internal
error: not from the application, not a 500 from the API, not exit 3 from the CLI.

The commands are found by walking the command models and the applications' type hints, so a command added
later is driven too (and one without a handler fails `test_every_command_has_a_handler`)."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import typing
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import lipp.interfaces.api
from lipp.bootstrap import build
from lipp.commands.fields import Command
from lipp.commands.tokens import IssueToken
from lipp.config import Settings
from lipp.domain import business_dates
from lipp.domain.clock import SettableClock
from lipp.domain.errors import LippError
from lipp.interfaces.api.app import create_app
from lipp.interfaces.errors import refusal_for
from tests.conftest import clear_postgres
from tests.interfaces.cli_run import run_cli
from tests.interfaces.generated import (
    Seeded,
    baseline,
    dates,
    driven_commands,
    generated_fields,
    generated_value,
    handlers,
    seed,
    texts,
    usual_actor,
)

EXAMPLES = int(os.environ.get("LIPP_GENERATED_EXAMPLES", "12"))
"""Examples per command and back end: enough to meet each kind of character and date every run (CI has two
cores); raise it locally to search harder."""
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
COMMANDS = driven_commands()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """One seeded store per back end for the module: the property holds whatever the store already holds."""
    clock = SettableClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    folder = tmp_path_factory.mktemp("generated")
    if request.param == "sqlite":
        store = Settings(data_dir=folder, database_url=None)
    else:
        url: str = request.getfixturevalue("postgres_database")
        clear_postgres(url)
        store = Settings(data_dir=folder, database_url=url)
    with build(store, clock) as lipp:
        yield seed(lipp, clock)


@pytest.fixture(autouse=True)
def seeded_clock_says_today(seeded: Seeded) -> None:
    """Another lipp built in this process (the CLI's, the API's) may have set the date bounds' clock."""
    business_dates.configure(seeded.lipp.settings.dates.to_domain(seeded.lipp.clock))


def test_every_command_has_a_handler(seeded: Seeded) -> None:
    found = handlers(seeded.lipp)
    assert len(COMMANDS) >= 45
    assert [model.__name__ for model in COMMANDS if model not in found] == []


@pytest.mark.parametrize("model", COMMANDS, ids=lambda model: model.__name__)
def test_every_baseline_passes_validation(seeded: Seeded, model: type[Command]) -> None:
    """The values kept beside a generated one are valid, so a generated value is what decides the outcome."""
    model.model_validate(baseline(model, seeded))


def assert_refused_naming(error: ValidationError, field: str) -> None:
    """Every problem is the generated field's (or the whole command's, such as a period that runs backwards)."""
    named = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
    assert named <= {field}, f"refused naming {named}, not {field}: {error}"
    refusal = refusal_for(error)
    assert refusal is not None and refusal.exit_code == 2 and refusal.http_status == 422
    if named:
        assert field in refusal.message


def assert_read_models_catch_up(seeded: Seeded) -> None:
    runner, projections = seeded.lipp.runner, seeded.lipp.projections
    runner.catch_up_all(projections)
    stuck = [status.stuck.describe(status.name) for status in map(runner.status, projections) if status.stuck]
    assert stuck == []


@pytest.mark.parametrize("model", COMMANDS, ids=lambda model: model.__name__)
def test_generated_input_is_refused_naming_its_field_or_kept_readable(seeded: Seeded, model: type[Command]) -> None:
    run = handlers(seeded.lipp)[model]
    kept = baseline(model, seeded)
    fields = generated_fields(model)
    assert fields, f"{model.__name__} has no text or date field to generate"
    usual = usual_actor(seeded.lipp, model)
    anyone = st.sampled_from(sorted(seeded.actors))

    @PROFILE
    @given(data=st.data())
    def attempt(data: st.DataObject) -> None:
        name, kind = data.draw(st.sampled_from(fields), label="field")
        value = generated_value(model.model_fields[name], kind, data.draw)
        actor = seeded.actors[data.draw(st.one_of(st.just(usual), st.just(usual), anyone), label="actor")]
        try:
            command = model.model_validate({**kept, name: value})
        except ValidationError as error:
            assert_refused_naming(error, name)
            return
        try:
            run(actor, command)
        except LippError as error:  # a named rule refused it: one message, exit 1 or 2, a 4xx
            refusal = refusal_for(error)
            assert refusal is not None and refusal.http_status < 500
            return
        assert_read_models_catch_up(seeded)

    attempt()


# Through the HTTP API: every route that takes a body, and every query date.

PATH_VALUES = {"finding": "F1", "marker": "1", "digest_id": "00000000-0000-4000-8000-000000000000"}


def api_client(seeded: Seeded) -> tuple[TestClient, dict[str, dict[str, str]]]:
    lipp = seeded.lipp
    headers = {
        name: {
            "Authorization": "Bearer "
            + lipp.tokens.issue(seeded.people.admin, IssueToken(username=name, label="generated")).secret
        }
        for name in seeded.actors
    }
    client = TestClient(create_app(lambda: build(lipp.settings, lipp.clock)), raise_server_exceptions=False)
    return client, headers


def path_of(route: APIRoute, seeded: Seeded, draw: typing.Callable[[Any], Any]) -> str:
    """The route's path with a seeded value for each parameter (drawn where several kinds share a name)."""
    path = route.path
    for parameter in route.dependant.path_params:
        candidates = [PATH_VALUES[parameter.name]] if parameter.name in PATH_VALUES else seeded.values[parameter.name]
        path = path.replace("{" + parameter.name + "}", str(draw(st.sampled_from(candidates))))
    return path


def api_routes() -> list[APIRoute]:
    """Every route of every router the API includes."""
    found: list[APIRoute] = []
    for module in pkgutil.iter_modules(lipp.interfaces.api.__path__, "lipp.interfaces.api."):
        router = getattr(importlib.import_module(module.name), "router", None)
        if router is not None:
            found.extend(route for route in router.routes if isinstance(route, APIRoute))
    return found


def body_model(route: APIRoute) -> type[BaseModel] | None:
    annotation = route.body_field.field_info.annotation if route.body_field is not None else None
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def body_routes() -> list[APIRoute]:
    return [route for route in api_routes() if body_model(route) is not None]


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json(item) for item in value]
    return value


def test_generated_bodies_never_make_the_api_fail(seeded: Seeded) -> None:
    routes = body_routes()
    assert len(routes) >= 30
    client, headers = api_client(seeded)
    with client:

        @settings(PROFILE, max_examples=EXAMPLES * 10)
        @given(data=st.data())
        def attempt(data: st.DataObject) -> None:
            route = data.draw(st.sampled_from(routes), label="route")
            model = typing.cast(type[Command], body_model(route))
            fields = generated_fields(model)
            kept = {name: _json(value) for name, value in baseline(model, seeded).items()}
            if fields:
                name, kind = data.draw(st.sampled_from(fields), label="field")
                kept[name] = _json(generated_value(model.model_fields[name], kind, data.draw))
            caller = data.draw(st.sampled_from(sorted(headers)), label="caller")
            method = sorted(route.methods or {"POST"})[0]
            body = json.dumps(kept).encode()  # ASCII with \\u escapes: a lone surrogate travels as JSON allows
            answer = client.request(
                method,
                path_of(route, seeded, data.draw),
                content=body,
                headers={**headers[caller], "Content-Type": "application/json"},
            )
            assert answer.status_code < 500, f"{method} {route.path} {kept!r}: {answer.status_code} {answer.text}"
            if answer.status_code == 422:  # a problem saying what was wrong, naming each field it found wrong
                problem = answer.json()
                assert problem["detail"], problem
                assert all(error["field"] for error in problem.get("errors", [])), problem

        attempt()
        assert_read_models_catch_up(seeded)


def query_routes() -> list[tuple[APIRoute, dict[str, str]]]:
    """Every GET route with its query parameters that take a date or text: name to 'date' or 'text'."""
    found = []
    for route in api_routes():
        if "GET" not in (route.methods or ()):
            continue
        kinds = {}
        for parameter in route.dependant.query_params:
            shape = str(parameter.field_info.annotation)
            if "date" in shape:
                kinds[parameter.alias] = "date"
            elif "str" in shape:
                kinds[parameter.alias] = "text"
        if kinds:
            found.append((route, kinds))
    return found


query_texts = texts.map(lambda text: "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF))
"""A URL carries UTF-8, which has no lone surrogates."""


def test_generated_queries_are_answered_or_refused_never_a_500(seeded: Seeded) -> None:
    routes = query_routes()
    assert sum("date" in kinds.values() for _, kinds in routes) >= 6
    client, headers = api_client(seeded)
    with client:

        @settings(PROFILE, max_examples=EXAMPLES * 10)
        @given(data=st.data())
        def attempt(data: st.DataObject) -> None:
            route, kinds = data.draw(st.sampled_from(routes), label="route")
            query = {
                name: data.draw(dates).isoformat() if kind == "date" else data.draw(query_texts)
                for name, kind in kinds.items()
                if data.draw(st.booleans())
            }
            caller = data.draw(st.sampled_from(sorted(headers)), label="caller")
            answer = client.get(path_of(route, seeded, data.draw), params=query, headers=headers[caller])
            assert answer.status_code < 500, f"{route.path} {query}: {answer.status_code} {answer.text}"
            start = query.get("from") or query.get("from_date")
            end = query.get("to") or query.get("to_date")
            if "date" in (kinds.get("from"), kinds.get("from_date")) and start and end and end < start:
                assert answer.status_code in (403, 404, 422), answer.text

        attempt()


# Through the CLI: exit 0, 1 or 2 (never 3), and nothing raw reaches the terminal.

CLI_TEXT = [
    ("nvl.coordinator", ["review", "pause", "{reference}", "--process", "inquest", "--reason", "{text}"]),
    ("nvl-csc.member", ["delivery", "discuss", "{code}", "--reflections", "{text}"]),
    ("admin", ["board", "add", "ZZZ", "--name", "{text}", "--area", "Northvale"]),
    ("nvl.coordinator", ["briefing", "edit", "{key}", "--title", "{text}"]),
    ("admin", ["finding", "search", "{text}"]),
]
CLI_DATES = [
    ("admin", ["review", "show", "{reference}", "--as-of", "{date}"]),
    ("admin", ["review", "timeline", "{reference}", "--as-of", "{date}"]),
    ("admin", ["finding", "search", "--from", "{date}", "--to", "2026-03-02"]),
    ("admin", ["learning", "metrics", "--from", "2026-01-01", "--to", "{date}"]),
    ("nvl.coordinator", ["review", "resume", "{reference}", "--on", "{date}"]),
]


def test_generated_text_and_dates_through_the_cli_never_exit_3(seeded: Seeded) -> None:
    store = seeded.lipp.settings
    env = {"LIPP_DATA_DIR": str(store.data_dir), "LIPP_DATABASE_URL": store.effective_database_url}
    fills = {
        "reference": seeded.values["reference"][0],
        "code": seeded.values["code"][0],
        "key": seeded.values["key"][0],
    }

    @settings(PROFILE, max_examples=EXAMPLES * 3)
    @given(data=st.data())
    def attempt(data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(["text", "date"]))
        user, template = data.draw(st.sampled_from(CLI_TEXT if kind == "text" else CLI_DATES))
        value = data.draw(texts) if kind == "text" else data.draw(dates).isoformat()
        args = [part.format(**fills, text=value, date=value) if "{" in part else part for part in template]
        ran = run_cli(["--as", user, *args], env)
        assert ran.exit_code in (0, 1, 2), f"{args!r}: exit {ran.exit_code}\n{ran.output}"
        assert "Traceback" not in ran.output and "internal error" not in ran.output
        assert "\x1b" not in ran.output and "\x00" not in ran.output and "\u202e" not in ran.output

    attempt()
