"""Request bodies derived from command classes: the command minus the fields its path carries."""

from __future__ import annotations

from typing import Any

from pydantic import create_model

from lipp.commands.fields import Command


def body_model(command_class: type[Command], path_fields: tuple[str, ...]) -> type[Command]:
    """The command without `path_fields`; the route validates the full command so 422s name every field."""
    fields: dict[str, Any] = {
        name: (field.annotation, field) for name, field in command_class.model_fields.items() if name not in path_fields
    }
    return create_model(f"{command_class.__name__}Body", __base__=Command, __doc__=command_class.__doc__, **fields)


def summary_of(command_class: type[Command]) -> str:
    return (command_class.__doc__ or command_class.__name__).strip().splitlines()[0]
