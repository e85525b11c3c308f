"""Every command model lipp has, found by walking the code: a command added later is covered without a edit."""

from __future__ import annotations

import importlib
import pkgutil
import types
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Union, get_args, get_origin

import lipp.commands
import lipp.interfaces.api
from lipp.commands.fields import DATE_RULES, TEXT_RULES, AgencyInput, Command


def every_command_model() -> list[type[Command]]:
    """Each concrete subclass of Command in lipp's command modules and the API's request bodies."""
    for package in (lipp.commands, lipp.interfaces.api):
        for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)
    found: dict[str, type[Command]] = {}
    pending = list(Command.__subclasses__())
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if model.__module__.startswith("lipp."):
            found[f"{model.__module__}.{model.__qualname__}"] = model
    return [found[name] for name in sorted(found)]


def slots(annotation: Any, rules: tuple[Any, ...] = ()) -> Iterator[tuple[Any, tuple[Any, ...]]]:
    """Each place in `annotation` that holds a str or a date, with the Annotated metadata wrapped around it."""
    if get_origin(annotation) is Annotated:
        inner, *metadata = get_args(annotation)
        yield from slots(inner, rules + tuple(metadata))
    elif annotation in (str, date):
        yield annotation, rules
    elif get_origin(annotation) in (Union, types.UnionType, list, tuple, set, frozenset, dict):
        for argument in get_args(annotation):
            if argument is not Ellipsis:
                yield from slots(argument, rules if get_origin(annotation) in (Union, types.UnionType) else ())
    elif isinstance(annotation, type) and issubclass(annotation, Command | AgencyInput):
        for field in annotation.model_fields.values():
            yield from slots(field.annotation, tuple(field.metadata))


def unruled_fields(model: type[Any]) -> list[str]:
    """The model's fields holding a str without either text rule, or a date without a date rule."""
    missing = []
    for name, field in model.model_fields.items():
        for kind, rules in slots(field.annotation, tuple(field.metadata)):
            wanted = TEXT_RULES if kind is str else DATE_RULES
            if not any(rule is known for rule in rules for known in wanted):
                missing.append(name)
    return missing
