"""Generated input through the HTTP API (every route that takes a body, every query parameter) and the CLI, on
both back ends: never a 500, never exit 3, and nothing raw reaches the terminal."""

from __future__ import annotations

import importlib
import json
import pkgutil
import typing
from datetime import date
from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import lipp.interfaces.api
from lipp.bootstrap import build
from lipp.commands.fields import Command
from lipp.commands.tokens import IssueToken
from lipp.interfaces.api.app import create_app
from tests.interfaces.cli_run import run_cli
from tests.interfaces.generated import (
    EXAMPLES,
    PROFILE,
    Seeded,
    assert_read_models_catch_up,
    baseline,
    dates,
    generated_fields,
    generated_value,
    texts,
)

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

        @settings(PROFILE, max_examples=EXAMPLES * 6)
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


query_texts = texts.map(lambda text: "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)[:1000])
"""A URL carries UTF-8, which has no lone surrogates, and the client sends at most about 64 KB of query."""


def test_generated_queries_are_answered_or_refused_never_a_500(seeded: Seeded) -> None:
    routes = query_routes()
    assert sum("date" in kinds.values() for _, kinds in routes) >= 6
    client, headers = api_client(seeded)
    with client:

        @settings(PROFILE, max_examples=EXAMPLES * 6)
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

    @settings(PROFILE, max_examples=EXAMPLES * 2)
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
