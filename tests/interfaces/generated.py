"""What the generated-input tests drive: every command with its handler, a plausible value for each field, a
seeded store, and strategies for hostile text and dates."""

from __future__ import annotations

import inspect
import os
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from lipp.bootstrap import Lipp
from lipp.commands.alliance import CommitAction
from lipp.commands.fields import Command
from lipp.commands.register import EnrolReviewer
from lipp.commands.registry import RegisterUser
from lipp.domain.actors import Actor
from lipp.domain.clock import SettableClock
from tests.alliance.members import Members
from tests.conftest import People
from tests.interfaces.command_models import every_command_model, slots
from tests.learning.journeys import in_conduct, released
from tests.plans.journeys import agree, signed_off_with_plan

EXAMPLES = int(os.environ.get("LIPP_GENERATED_EXAMPLES", "10"))
"""Examples per command (and per kind of request) and back end: enough to meet each kind of character and date
every run (CI has two cores); raise it locally to search harder."""
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

APPLICATIONS = ("registry", "reviews", "reviewers", "tokens", "alliance", "learning", "plans")
"""The parts of lipp that take commands: each public method with a `command` parameter handles that command."""


ACTING = {
    "reviews": "nvl.coordinator",
    "learning": "nvl.coordinator",
    "plans": "nvl.coordinator",
    "MakeRecommendation": "reviewer.a",
    "alliance": "ncb.lead",
    "LogFinding": "reviewer.a",
    "ReviseFinding": "reviewer.a",
    "ReRankFindings": "reviewer.a",
    "WithdrawFinding": "reviewer.a",
    "AcknowledgeDelivery": "nvl-csc.member",
    "RecordDiscussion": "nvl-csc.member",
    "ReportPracticeChange": "nvl-csc.member",
    "DraftThemeBriefing": "national.body",
}
"""Who usually gives each command (by name, else by the application taking it; admin otherwise): the actor is
drawn from everyone, this one more often, so refusals by role do not crowd out what reaches the store."""


def usual_actor(lipp: Lipp, model: type[Command]) -> str:
    for name in APPLICATIONS:
        if getattr(handlers(lipp)[model], "__self__", None) is getattr(lipp, name):
            return ACTING.get(model.__name__) or ACTING.get(name, "admin")
    return "admin"


def handlers(lipp: Lipp) -> dict[type[Command], Callable[[Actor, Any], Any]]:
    """Each command class and the application method that carries it out, found from their type hints."""
    found: dict[type[Command], Callable[[Actor, Any], Any]] = {}
    for name in APPLICATIONS:
        application = getattr(lipp, name)
        for method_name, _ in inspect.getmembers(type(application), inspect.isfunction):
            if method_name.startswith("_"):
                continue
            hints = typing.get_type_hints(getattr(type(application), method_name))
            hint = hints.get("command")
            for command_class in typing.get_args(hint) or (hint,):
                if isinstance(command_class, type) and issubclass(command_class, Command):
                    found.setdefault(command_class, _as_actor_call(getattr(application, method_name), hints))
    return found


def _as_actor_call(method: Callable[..., Any], hints: dict[str, Any]) -> Callable[[Actor, Any], Any]:
    """`method` called as (actor, command); an operator's command (run with the store in hand, by an
    operating-system account rather than a user: `recover_admin`) gets that account's name instead."""
    if hints.get("actor") is Actor:
        return method
    if hints.get("operator") is str:
        return lambda actor, command: method(command, operator=f"os:{actor.username}")
    raise TypeError(f"{method.__qualname__} takes neither an actor nor an operator")


def driven_commands() -> list[type[Command]]:
    """Every command of `lipp.commands` that is not only a base of others."""
    return [
        model
        for model in every_command_model()
        if model.__module__.startswith("lipp.commands.") and not model.__subclasses__()
    ]


@dataclass
class Seeded:
    """A store where every command has something to act on: reviews at several stages, findings, a released
    briefing and its deliveries, an Alliance action, an enrolled reviewer, teams and their members."""

    lipp: Lipp
    people: People
    actors: dict[str, Actor]
    values: dict[str, list[Any]]


def seed(lipp: Lipp, clock: SettableClock) -> Seeded:
    people = People(lipp)
    key = released(lipp, people, clock)
    conduct = in_conduct(lipp, people, case="Child M")
    Members(lipp, people)
    lipp.reviewers.enrol(people.admin, EnrolReviewer(username="reviewer.b"))
    action = lipp.alliance.commit(
        lipp.registry.actor_for("ncb.lead"),
        CommitAction(theme="NT04", owner="Practice lead", description="Run a practice week", due_on=date(2026, 9, 1)),
    )
    plan = signed_off_with_plan(lipp, people, case="Child P")
    planned = [agree(lipp, people.coordinator, plan).reference for _ in range(2)]
    delivery = next(row for row in lipp.deliveries.deliveries(people.admin) if row.team == "NVL-CSC")
    lipp.registry.register_user(people.admin, RegisterUser(username="spare.user", role="lead_reviewer"))
    actors = {
        name: lipp.registry.actor_for(name)
        for name in ("admin", "nvl.coordinator", "reviewer.a", "national.body", "ncb.lead", "nvl-csc.member")
    }
    published = "NVL-2026-001"  # the review `released` published, the first of its board and year
    today = lipp.reviews.today()
    values: dict[str, list[Any]] = {
        "reference": [conduct, published],
        "key": [key],
        "code": [delivery.code, "NVL-CSC", "NCB", "NVL"],
        "action": [action.reference, planned[0]],
        "by": [planned[1]],
        "recommendation": [1],
        "findings": [[1]],
        "before": [40.0],
        "after": [90.0],
        "board": ["NVL"],
        "body": ["NCB"],
        "username": ["reviewer.b", "spare.user"],
        "reviewer": ["reviewer.a"],
        "case_reference": ["Child Q"],
        "finding": [1],
        "order": [[2, 1]],
        "hit": [1],
        "marker": [1],
        "conflict": [1],
        "pattern": ["3"],
        "themes": [["NT04"]],
        "theme": ["NT04"],
        "agencies": [["police"]],
        "agency": ["police"],
        "expertise": [["neglect"]],
        "scope_from": [date(2025, 1, 1)],
        "reconsider_on": [today + timedelta(days=60)],
        "due_on": [today + timedelta(days=90)],
        "digest_email": ["digest@ncb.example"],
        "manager_email": ["new.manager@teams.example"],
        "team_email": ["new.team@teams.example"],
        "role": ["lead_reviewer"],
        "token_id": ["00000000-0000-4000-8000-000000000000"],
        "process": ["criminal_investigation", "police_investigation", "coroner"],
        "location": ["partnership website"],
    }
    return Seeded(lipp, people, actors, values)


def _fallback(annotation: Any) -> list[Any]:
    """Plausible values for a field no name table knows, from its type."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _fallback(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [
            v for argument in typing.get_args(annotation) if argument is not type(None) for v in _fallback(argument)
        ]
    if origin is list:
        return [[v] for v in _fallback(typing.get_args(annotation)[0])]
    if annotation is str:
        return ["Agencies did not share what they knew", "A short title"]
    if annotation is date:
        return [date(2026, 3, 2)]
    if annotation is bool:
        return [True]
    if annotation is int:
        return [1, 2]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [member.value for member in annotation]
    return ["police"]


def baseline(model: type[Command], seeded: Seeded) -> dict[str, Any]:
    """A value for every required field (and optional ones the model needs) that passes the field's own
    validation: the fields a generated value does not replace."""
    fields: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        adapter: TypeAdapter[Any] = TypeAdapter(typing.Annotated[field.annotation, field])  # type: ignore[arg-type]
        for candidate in [*seeded.values.get(name, []), *_fallback(field.annotation)]:
            try:
                adapter.validate_python(candidate)
            except ValidationError:
                continue
            fields[name] = candidate
            break
    required = {name: value for name, value in fields.items() if model.model_fields[name].is_required()}
    for extra in (None, *fields):
        trial = required if extra is None else {**required, extra: fields[extra]}
        try:
            model.model_validate(trial)
        except ValidationError:
            continue
        return trial
    return fields


def generated_fields(model: type[Command]) -> list[tuple[str, str]]:
    """The model's fields that hold text or a date, with which: ('title', 'text'), ('on', 'date') ..."""
    found = []
    for name, field in model.model_fields.items():
        kinds = {kind for kind, _ in slots(field.annotation, tuple(field.metadata))}
        for kind in sorted(kinds, key=str):
            found.append((name, "text" if kind is str else "date"))
    return found


SPECIALS = [
    "\x00",
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\r\n",
    "\n",
    "\t",
    "\x7f",
    "\x85",
    "\x9b",
    "\u202e",
    "\u2066",
    "\u2028",
    "\ud800",
    "\udfff",
    "[bold]",
    "[/]",
    "[link=http://example.invalid]x[/link]",
    "'; DROP TABLE x; --",
    "%s%n",
    "\ufeff",
    "é",
    "👩‍👧",
]
pieces = st.one_of(
    st.characters(),
    st.characters(min_codepoint=0, max_codepoint=0x9F),
    st.characters(categories=["Cs"]),
    st.sampled_from(SPECIALS),
)


def _joined(max_pieces: int, min_pieces: int = 0) -> st.SearchStrategy[str]:
    return st.lists(pieces, min_size=min_pieces, max_size=max_pieces).map("".join)


plain = st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), min_size=1, max_size=120)
"""Text of every script with no control character: most of it passes, so the store and read models get it."""
texts = st.one_of(
    plain,
    plain,
    _joined(30).map(lambda text: "Learning " + text),
    _joined(60),
    st.builds(lambda piece, times: piece * times, _joined(4, 1), st.integers(1, 2500)),
)
"""Text from all of Unicode (NUL, C0 and C1 controls, lone surrogates, bidi controls included), empty to far over
every limit."""
EDGE_DATES = [date.min, date.max, date(1999, 12, 31), date(2000, 1, 1), date(2026, 3, 2), date(2026, 3, 3)]
dates = st.one_of(
    st.dates(), st.sampled_from(EDGE_DATES), st.dates(date(2026, 2, 1), date(2026, 3, 20)), st.dates(date(1990, 1, 1))
)
"""Dates from the first to the last the calendar has, and the edges of what lipp accepts."""


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _is_list(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return any(_is_list(argument) for argument in typing.get_args(annotation))
    return origin is list


def generated_value(field: Any, kind: str, draw: Callable[[Any], Any]) -> Any:
    """A generated value in the shape the field takes (a text, a list of texts, an agency, a date)."""
    if kind == "date":
        return draw(dates)
    text = draw(texts)
    if "AgencyInput" in str(field.annotation):
        text = f"police:{text}"
    return [text] if _is_list(field.annotation) else text


def assert_read_models_catch_up(seeded: Seeded) -> None:
    runner, projections = seeded.lipp.runner, seeded.lipp.projections
    runner.catch_up_all(projections)
    stuck = [status.stuck.describe(status.name) for status in map(runner.status, projections) if status.stuck]
    assert stuck == []
