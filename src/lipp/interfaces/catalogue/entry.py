"""What one catalogue entry declares: a command, its handler, its rule, its CLI shape, its HTTP shape, its display.

Declarations are plain data and import nothing beyond the standard library: the CLI builds its command tree
from them without loading pydantic, SQLAlchemy or the applications. The command model and the handler are
named by dotted path and loaded when the command runs (or when the API or a form is built).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Literal

Kind = Literal["text", "number", "flag", "many"]


@dataclass(frozen=True)
class Arg:
    """One CLI parameter and the command field it fills.

    The option is `--field-name` unless `flags` spells it otherwise (first the long form, then any aliases or
    short forms; a flag's `--yes/--no` pair in one string). An argument is positional, shown as `name` upper-cased.
    """

    field: str
    help: str
    kind: Kind = "text"
    flags: tuple[str, ...] = ()
    argument: bool = False
    required: bool = True
    default: Any = None
    name: str | None = None  # the Python parameter's name where it differs from the field (it names an argument)

    @property
    def parameter(self) -> str:
        return self.name or self.field

    @property
    def spellings(self) -> tuple[str, ...]:
        return self.flags or ("--" + self.field.replace("_", "-"),)


@dataclass(frozen=True)
class Http:
    """How the API carries the command: `path` placeholders are command fields taken from the path."""

    method: str
    path: str
    status: int = 200
    location: str | None = None  # a Location header, formatted with the result's fields (e.g. "/reviews/{reference}")
    path_types: tuple[tuple[str, type], ...] = ()  # a placeholder typed other than str, e.g. (("marker", int),)
    response: str = "lipp.application.views:ReviewReceipt"

    @property
    def path_fields(self) -> tuple[str, ...]:
        return tuple(part[1:-1] for part in self.path.split("/") if part.startswith("{") and part.endswith("}"))


Prepare = Callable[[Any, dict[str, Any]], dict[str, Any]]
Show = Callable[[Any, Any, Any, dict[str, Any]], None]
"""Prints a result for people: (session, the validated command, its result, the values the user typed)."""


@dataclass(frozen=True)
class Entry:
    """One command, declared once; the CLI, the API, the schemas and the forms are made from it."""

    group: str  # the CLI group, e.g. "review"
    name: str  # the CLI command, e.g. "sign-off"
    model: str  # the pydantic command, "module:Class"
    handler: str  # the application method, an attribute path on Lipp, e.g. "reviews.sign_off"
    who: str  # who may run it: the rule the application layer applies (named here, checked there)
    help: str  # the CLI's one-line help (the model's docstring serves the API)
    args: tuple[Arg, ...]
    http: Http
    show: Show
    prepare: Prepare | None = None  # fills fields the user may leave out, from the session (the CLI only)

    def command_class(self) -> Any:
        """The pydantic command model (imported on first use)."""
        return load(self.model)

    def run(self, lipp: Any, actor: Any, command: Any) -> Any:
        """Run the command through its application method, which applies the role rule."""
        target: Any = lipp
        for part in self.handler.split("."):
            target = getattr(target, part)
        return target(actor, command)


def load(dotted: str) -> Any:
    """`module:attribute`, imported now."""
    module, _, attribute = dotted.partition(":")
    return getattr(import_module(module), attribute)


def without_empty(fields: dict[str, Any]) -> dict[str, Any]:
    """Command fields the user gave (None and empty lists mean 'not given')."""
    return {k: v for k, v in fields.items() if v is not None and v != []}
