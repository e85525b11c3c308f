"""Every command a person runs has a page that runs it: the test walks every module of the command catalogue and
finds, for each entry, the form page (GET) and the route that runs the entry (POST) at the API's path under /app,
with one input for each field the address does not carry. Commands only operators run are named here."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute

import lipp.interfaces.catalogue as catalogue
from lipp.interfaces.api.app import create_app
from lipp.interfaces.catalogue.entry import Entry
from lipp.interfaces.web.forms import page_path, step_form

OPERATOR_ONLY: set[str] = set()  # "group name" of entries no person runs in a browser (none in the catalogue yet)


def catalogue_entries() -> list[Entry]:
    """Every entry every catalogue module declares (a module added later is walked too)."""
    found: dict[str, Entry] = {}
    for module_info in pkgutil.iter_modules(catalogue.__path__):
        module = importlib.import_module(f"{catalogue.__name__}.{module_info.name}")
        for entry in getattr(module, "ENTRIES", ()):
            found[f"{entry.group} {entry.name}"] = entry
    return list(found.values())


ENTRIES = catalogue_entries()


@pytest.fixture(scope="module")
def app() -> FastAPI:
    return create_app(lambda: None)  # type: ignore[arg-type,return-value]  # routes only: nothing is served


def every_route(routes: list[Any]) -> list[APIRoute]:
    """The app's routes, those of included routers too (FastAPI keeps an included router whole)."""
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            found += every_route(route.original_router.routes)
    return found


def routes_at(app: FastAPI, path: str) -> dict[str, APIRoute]:
    return {method: r for r in every_route(app.routes) if r.path == path for method in r.methods}


def test_the_walk_finds_the_catalogue() -> None:
    assert {e.group for e in ENTRIES} >= {"review", "finding", "marker"}
    assert all(name in {f"{e.group} {e.name}" for e in ENTRIES} for name in OPERATOR_ONLY)


@pytest.mark.parametrize(
    "entry", [e for e in ENTRIES if f"{e.group} {e.name}" not in OPERATOR_ONLY], ids=lambda e: f"{e.group} {e.name}"
)
def test_every_command_a_person_runs_has_a_page_that_runs_it(app: FastAPI, entry: Entry) -> None:
    routes = routes_at(app, page_path(entry))
    assert {"GET", "POST"} <= set(routes), f"no form page for {entry.group} {entry.name} at {page_path(entry)}"
    assert routes["POST"].name == entry.command_class().__name__  # the POST runs this very entry
    assert routes["GET"].include_in_schema is False  # a page, not an API operation
    placeholders = {name: "X" for name in entry.http.path_fields}
    form = step_form(entry, placeholders)
    shown = {f.name for f in form.fields}
    expected = set(entry.command_class().model_fields) - set(entry.http.path_fields)
    assert shown == expected, f"{entry.group} {entry.name}: the form asks for {shown}, the command has {expected}"
