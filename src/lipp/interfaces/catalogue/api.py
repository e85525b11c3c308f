"""The FastAPI routes made from catalogue entries.

Each entry becomes one operation: its path placeholders are command fields, the rest of the command is the JSON
body (the command class itself when the path carries nothing). The full command is validated again with the
path's values, so a 422 names every bad field, wherever it came from; then the application method runs it.
"""

# No `from __future__ import annotations`: FastAPI reads the endpoint's signature at runtime.

import inspect
from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from lipp.interfaces.api.bodies import body_model, summary_of
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.interfaces.catalogue.entry import Entry, load

KEYWORD = inspect.Parameter.KEYWORD_ONLY


def add_routes(router: APIRouter, entries: Iterable[Entry]) -> None:
    """Add each entry's operation to `router`, in the order given."""
    for entry in entries:
        add_route(router, entry)


def add_route(router: APIRouter, entry: Entry) -> None:
    http = entry.http
    command_class = entry.command_class()
    on_path = http.path_fields
    body = body_model(command_class, on_path) if on_path else command_class
    path_types = dict(http.path_types)

    def endpoint(**given: Any) -> Any:
        fields = {**given["body"].model_dump(exclude_unset=True), **{name: given[name] for name in on_path}}
        result = entry.run(given["lipp"], given["actor"], command_class.model_validate(fields))
        if http.location is not None:
            given["response"].headers["Location"] = http.location.format(**result.model_dump())
        return result

    parameters = [_path_parameter(name, path_types.get(name, str), command_class) for name in on_path]
    parameters += [
        inspect.Parameter("body", KEYWORD, annotation=body),
        inspect.Parameter("actor", KEYWORD, annotation=ActorDep),
        inspect.Parameter("lipp", KEYWORD, annotation=LippDep),
        inspect.Parameter("response", KEYWORD, annotation=Response),
    ]
    endpoint.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    endpoint.__name__ = command_class.__name__
    router.add_api_route(
        http.path,
        endpoint,
        methods=[http.method],
        response_model=load(http.response),
        status_code=http.status,
        summary=summary_of(command_class),
        description=f"{command_class.__doc__ or ''}\n\nWho may: {entry.who}.",
        operation_id=command_class.__name__,
    )


def _path_parameter(name: str, kind: type, command_class: Any) -> inspect.Parameter:
    """A path placeholder, typed as declared (str by default) and described as the command's field."""
    field = command_class.model_fields.get(name)
    description = field.description if field is not None else None
    annotation: Any = Annotated[kind, Path(description=description)] if description else kind
    return inspect.Parameter(name, KEYWORD, annotation=annotation)
