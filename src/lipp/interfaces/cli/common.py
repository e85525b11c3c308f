"""Options and helpers the findings, markers, register and reference commands share."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Annotated, Any

import typer

from lipp.domain.text import shown_safely

if TYPE_CHECKING:
    from pydantic import TypeAdapter
    from rich.text import Text

    # the session brings the applications: imported when a command runs, not for --help
    from lipp.interfaces.cli.session import Session

Json = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]
Reference = Annotated[str, typer.Argument(help="The review's reference, e.g. NVL-2026-004.")]
FindingKey = Annotated[str, typer.Argument(help="The finding: F1, F2 ...")]
On = Annotated[str | None, typer.Option("--on", help="Business date of the step (YYYY-MM-DD); today if omitted.")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="As it stood at the end of this date (YYYY-MM-DD).")]
Reason = Annotated[str, typer.Option(help="Why: recorded with the step.")]


def session_of(ctx: typer.Context) -> Session:
    session: Session = ctx.find_root().obj
    return session


@cache
def _dates() -> TypeAdapter[dict[str, date]]:
    """Query dates (as of, from, to) within the dates lipp accepts: built on first use, as pydantic is heavy."""
    from pydantic import TypeAdapter

    from lipp.commands.fields import QueryDate

    return TypeAdapter(dict[str, QueryDate])


def as_date(value: str | None, option: str = "--as-of") -> date | None:
    """The date typed for `option`; a bad one is refused naming the option, as the user typed it."""
    return _dates().validate_python({option: value})[option] if value else None


def without_empty(fields: Mapping[str, object]) -> dict[str, object]:
    """Command fields the user gave (None and empty lists mean 'not given')."""
    return {k: v for k, v in fields.items() if v is not None and v != []}


def highlighted(text: str, spans: list[tuple[int, int]]) -> Text:
    """The text with each [start, end) span shown in reverse red, so a hit is seen where it stands."""
    from rich.text import Text

    shown = Text()  # built piece by piece: each piece's control characters shown as escapes (a Text is not markup)
    at = 0
    for start, end in sorted(spans):
        if start < at:
            continue
        shown.append(shown_safely(text[at:start]))
        shown.append(shown_safely(text[start:end]), style="bold white on red")
        at = end
    shown.append(shown_safely(text[at:]))
    return shown


class lazy_module:  # noqa: N801 (it stands in for a module, and reads as one where it is used)
    """A module imported on first attribute access, for what only some commands need (e.g. rich renderers)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(import_module(self._name), attribute)


def escape(text: str) -> str:
    """`text` with rich markup escaped (rich is imported when something is printed)."""
    from rich.markup import escape as escaped

    return escaped(text)
