"""The command catalogue's entries hold together: each names a real model, fields and application method, and
the CLI's help lists the groups as their modules describe them without importing what only a run needs."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer
from typer._click.core import Context

from lipp.application.reviews import ReviewsApplication
from lipp.interfaces.catalogue import findings, markers, reviews
from lipp.interfaces.catalogue.entry import Entry
from lipp.interfaces.catalogue.forms import fields_of
from lipp.interfaces.cli.lazy import COMMANDS, load_command

ENTRIES: tuple[Entry, ...] = reviews.ENTRIES + findings.ENTRIES + markers.ENTRIES
APPLICATIONS = {"reviews": ReviewsApplication}
HEAVY = ("sqlalchemy", "pydantic", "pydantic_settings", "rich", "fastapi", "prefect", "holidays", "eventsourcing")


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.group} {e.name}")
def test_an_entry_names_its_model_fields_and_handler(entry: Entry) -> None:
    fields = entry.command_class().model_fields
    application, method = entry.handler.split(".")
    assert callable(getattr(APPLICATIONS[application], method))
    given = {arg.field for arg in entry.args}
    assert given <= set(fields), given - set(fields)
    assert set(entry.http.path_fields) <= given
    prepared = {"board"} if entry.prepare else set()
    untyped = [name for name, info in fields.items() if name not in given | prepared and info.is_required()]
    assert not untyped, f"required fields no CLI argument fills: {untyped}"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.group} {e.name}")
def test_a_form_has_one_labelled_input_per_field(entry: Entry) -> None:
    form = fields_of(entry)
    assert [f.name for f in form] == list(entry.command_class().model_fields)
    assert all(f.label and (f.hint or f.choices) for f in form)  # a choice's options say what it asks


def test_every_step_is_declared_once() -> None:
    names = [(e.group, e.name) for e in ENTRIES]
    routes = [(e.http.method, e.http.path) for e in ENTRIES]
    assert len(set(names)) == len(names)
    assert len(set(routes)) == len(routes)
    assert len({e.model for e in ENTRIES}) == len(ENTRIES)


@pytest.mark.parametrize(("name", "target", "summary"), COMMANDS, ids=lambda v: str(v)[:20])
def test_the_help_listing_says_what_the_group_itself_says(name: str, target: str, summary: str) -> None:
    command = load_command(name, target)
    assert command.get_short_help_str(200) == typer.core.TyperCommand(name=name, help=summary).get_short_help_str(200)
    assert command.name == name
    context = Context(command, info_name=name)
    if hasattr(command, "list_commands"):
        assert command.list_commands(context)


def _heavy_after(code: str) -> str:
    script = f"import sys\n{code}\nprint('HEAVY', sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})[:10])"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return done.stdout.rsplit("HEAVY", 1)[-1].strip()


def test_lipp_help_imports_none_of_the_heavy_packages() -> None:
    assert _heavy_after("from lipp.interfaces.cli.main import app\napp(['--help'], standalone_mode=False)") == "[]"


@pytest.mark.parametrize(
    ("module", "group"),
    [("review_commands", "reviews"), ("finding_commands", "findings"), ("marker_commands", "markers")],
)
def test_a_catalogue_group_is_built_without_the_heavy_packages(module: str, group: str) -> None:
    code = f"import typer\nfrom lipp.interfaces.cli import {module} as m\ntyper.main.get_command(m.{group})"
    assert _heavy_after(code) == "[]"
