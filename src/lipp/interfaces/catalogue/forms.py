"""What a form needs to know about a command's fields, read from the catalogue entry and its pydantic model.

A field's label is its title (else `LABELS`' wording, else its name, spoken); its hint is the model's description,
else the CLI's help (not for a choice: that help lists the choices, which the form shows); choices come from an
enum; text longer than a line allows (over `SINGLE_LINE` characters), or of several lines, is multi-line.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Literal

from pydantic.fields import FieldInfo

from lipp.commands.fields import MULTI_LINE
from lipp.interfaces.catalogue.entry import Entry

SINGLE_LINE = 400
LABELS = {  # field names that read badly spoken, as a form labels them
    "on": "Date of this step",
    "aware_on": "Date the board became aware",
    "notified_on": "Date the Panel was notified",
    "looked_after": "The child was looked after",
    "scope_from": "Start of the period under review",
    "scope_to": "End of the period under review",
    "reconsider_on": "Date to reconsider publication",
    "board_response": "The board's written response",
    "case_reference": "Case reference",
    "incident_kind": "What happened",
    "key_lines_of_enquiry": "Key lines of enquiry",
    "pattern": "Pattern category",
    "evidence": "Evidence",
    "hit": "Hit number",
}
HINTS = {  # where the model's description speaks to API clients, what a form says instead
    "agencies": "Each agency's sector (police, health, education, childrens social care, early help, probation, "
    "housing or other), then, if you wish, a colon and the organisation's name",
}
CHOICE_LABELS = {  # choices whose value is an abbreviation
    "lcspr": "LCSPR: local child safeguarding practice review",
    "scr": "SCR: serious case review",
    "silp": "SILP",
}
Widget = Literal["text", "multiline", "date", "number", "flag", "choice", "many"]


@dataclass(frozen=True)
class FormField:
    """One input of a form."""

    name: str
    label: str
    hint: str
    widget: Widget
    required: bool
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    default: Any = None
    on_path: bool = False  # the page's address carries it (e.g. the review's reference)


def fields_of(entry: Entry) -> list[FormField]:
    """The form for `entry`, one input per command field, in the model's order."""
    helps = {arg.field: arg.help for arg in entry.args}
    on_path = set(entry.http.path_fields)
    found = []
    for name, info in entry.command_class().model_fields.items():
        kind, choices = _widget(info)
        found.append(
            FormField(
                name=name,
                label=info.title or LABELS.get(name) or name.replace("_", " ").capitalize(),
                hint=HINTS.get(name) or info.description or ("" if kind == "choice" else helps.get(name, "")),
                widget=kind,
                required=info.is_required(),
                choices=choices,
                default=None if info.is_required() else info.get_default(call_default_factory=True),
                on_path=name in on_path,
            )
        )
    return found


def _widget(info: FieldInfo) -> tuple[Widget, tuple[tuple[str, str], ...]]:
    annotation, metadata = _without_none(info.annotation, list(info.metadata))
    if typing.get_origin(annotation) is list:
        return "many", ()
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "choice", tuple(
            (str(m.value), CHOICE_LABELS.get(str(m.value), str(m.value).replace("_", " "))) for m in annotation
        )
    if annotation is bool:
        return "flag", ()
    if annotation is int:
        return "number", ()
    if annotation is date:
        return "date", ()
    longest = max((getattr(m, "max_length", None) or 0 for m in metadata), default=0)
    return ("multiline" if longest > SINGLE_LINE or MULTI_LINE in metadata else "text"), ()


def _without_none(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """`X | None` as `X`; `Annotated[X, ...] | None` as `X` with its metadata (pydantic leaves it inside)."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = rest[0] if len(rest) == 1 else annotation
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *more = typing.get_args(annotation)
        metadata = metadata + [m for part in more for m in getattr(part, "metadata", [part])]
    return annotation, metadata
