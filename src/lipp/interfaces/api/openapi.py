"""The OpenAPI schema as the server really answers: every refusal a route can give, as problem+json.

The routes declare only what they answer when all goes well; the refusals come from one place (`problems`), so
they are documented in one place too, here, by post-processing the schema FastAPI generates. A route added
later (by hand or generated from a command declaration) is documented the same way without any edit."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from lipp.domain import business_dates
from lipp.domain.date_pattern import iso_dates_between
from lipp.interfaces.api import openapi_vocabulary as vocabulary
from lipp.interfaces.api.openapi_links import add_links
from lipp.interfaces.api.problems import MAX_LISTED_ERRORS, PROBLEM

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "description": "A refusal, as RFC 9457 problem details",
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "description": "Always about:blank: the status and title say it all"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string", "description": "What was refused and why, for a person"},
        "errors": {
            "type": "array",
            "maxItems": MAX_LISTED_ERRORS,
            "description": f"For 422: the first {MAX_LISTED_ERRORS} invalid fields",
            "items": {
                "type": "object",
                "required": ["field", "reason"],
                "properties": {"field": {"type": "string"}, "reason": {"type": "string"}},
            },
        },
        "more_errors": {"type": "integer", "minimum": 0, "description": "For 422: how many problems were not listed"},
    },
}

_REF = {"$ref": "#/components/schemas/Problem"}

# Status: (description, whether it applies to an operation).
_REFUSALS: dict[str, str] = {
    "400": "The request body could not be read at all (not UTF-8 text, say)",
    "401": "No API token, or one that is unknown, revoked or of a deactivated user",
    "403": "The caller's role does not allow this",
    "404": "No such resource, or one the caller may not see",
    "409": "Refused by a rule of the workflow, already done, or changed concurrently (retry after Retry-After)",
    "413": "The request body is larger than the server accepts (LIPP_MAX_REQUEST_BYTES)",
    "422": "A field is missing or invalid: `errors` names each (the first ones) and `more_errors` counts the rest",
}
_BODY_METHODS = {"post", "put", "patch", "delete"}


def _refusal(description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {"description": description, "content": {PROBLEM: {"schema": _REF}}}
    if headers:
        response["headers"] = headers
    return response


def _statuses_for(method: str, operation: dict[str, Any], secured_by_default: bool) -> list[str]:
    statuses = ["403", "404", "409", "422"]  # 403 also for a link that is altered or expired
    if operation.get("security", [{}] if secured_by_default else []):
        statuses.append("401")
    if method in _BODY_METHODS or "requestBody" in operation:
        statuses += ["400", "413"]
    return sorted(statuses)


def document_refusals(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the Problem schema and, to every operation, the refusals it can answer (replacing FastAPI's own
    422 body, which lipp never sends), what its parameters accept, and links to the operations its answer
    leads to."""
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name in _request_schemas(schema):
        _document_bodies(schemas[name])
    schemas["Problem"] = PROBLEM_SCHEMA
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    secured_by_default = bool(schema.get("security"))
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete", "head", "options"}:
                continue
            _document_parameters(path, operation)
            responses = operation.setdefault("responses", {})
            for status in _statuses_for(method, operation, secured_by_default):
                headers = None
                if status == "401":
                    headers = {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Bearer"}}
                elif status == "409":
                    headers = {"Retry-After": {"schema": {"type": "string"}, "description": "after a concurrent edit"}}
                refusal = _refusal(_REFUSALS[status], headers)
                pages = {k: v for k, v in (responses.get(status) or {}).get("content", {}).items() if k == "text/html"}
                if pages:  # the route answers this status to a browser as a page too (the e-mail link's)
                    refusal["content"] = {**refusal["content"], **pages}
                    refusal["description"] = responses[status].get("description") or refusal["description"]
                responses[status] = refusal
    add_links(schema)
    _bound_dates(schema, business_dates.bounds())
    return schema


def _bound_dates(node: Any, bounds: business_dates.DateBounds) -> None:
    """Every business or query date (body field or parameter), in place: the exact pattern of the dates the
    server accepts, from the bounds it was built with (JSON Schema has no minimum for `format: date`)."""
    if isinstance(node, dict):
        kind = node.pop(business_dates.DATE_KIND, None)
        if isinstance(kind, str):
            earliest, latest = bounds.earliest_of(kind), bounds.latest_ahead()
            node["pattern"] = iso_dates_between(earliest, latest)
            described = node.get("description", "A date")
            if "LIPP_DATES__" not in described:  # a field's own description took the place of the bounds in words
                described += " (between LIPP_DATES__EARLIEST and LIPP_DATES__FUTURE_YEARS ahead)"
            node["description"] = f"{described}: here {earliest} to {latest}"
        for value in node.values():
            _bound_dates(value, bounds)
    elif isinstance(node, list):
        for value in node:
            _bound_dates(value, bounds)


def _document_parameters(path: str, operation: dict[str, Any]) -> None:
    """Path and query parameters: the patterns, bounds and reference data the server checks them against."""
    segments = path.strip("/").split("/")
    for parameter in operation.get("parameters", []):
        documented: dict[str, Any] | None = None
        if parameter.get("in") == "path":
            placeholder = "{" + parameter["name"] + "}"
            position = segments.index(placeholder) if placeholder in segments else 0
            if position > 0:
                documented = vocabulary.path_parameter("/".join(segments[:position]), parameter["name"])
            if documented is not None:
                parameter["schema"] = {**parameter["schema"], **documented}
            if isinstance(parameter["schema"].get("pattern"), str):
                parameter["schema"]["pattern"] = vocabulary.ecma_pattern(parameter["schema"]["pattern"])
        elif parameter.get("in") == "query":
            documented = vocabulary.query_parameter(path, parameter["name"])
            if documented is not None:
                parameter["schema"] = vocabulary.narrowed(parameter["schema"], documented)
            _searchable(parameter["schema"])


_SEARCHABLE = r"^[^\u0000]*$"
"""A free query text is searched for in the read models, which refuse NUL (`projections.database`); a lone
surrogate, which they refuse too, cannot be named in a schema's regex nor sent as UTF-8."""


def _searchable(schema: dict[str, Any]) -> None:
    if schema.get("type") == "string" and not {"enum", "pattern", "format"} & schema.keys():
        schema["pattern"] = _SEARCHABLE
    for branch in schema.get("anyOf", []):
        if isinstance(branch, dict):
            _searchable(branch)


def _request_schemas(schema: dict[str, Any]) -> set[str]:
    """The component schemas a request body uses, directly or nested (answers are left as generated)."""
    components = schema.get("components", {}).get("schemas", {})
    found: set[str] = set()
    pending = [
        body["content"][media]["schema"]
        for operations in schema.get("paths", {}).values()
        for operation in operations.values()
        if isinstance(operation, dict) and (body := operation.get("requestBody"))
        for media in body.get("content", {})
    ]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
                if name not in found and name in components:
                    found.add(name)
                    pending.append(components[name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return found


_PYDANTIC_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _document_bodies(node: Any) -> None:
    """Request bodies' fields, in place: a required text of only spaces is refused (texts are stripped before
    their minimum length is checked), so it is documented as needing a character that is not whitespace;
    bounds pydantic leaves under its own names (`ge`, on a number read through a validator) get their JSON
    Schema names; themes are the ones the server knows."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("minLength", 0) >= 1 and "pattern" not in node:
            node["pattern"] = r"\S"
        if isinstance(node.get("pattern"), str):
            node["pattern"] = vocabulary.ecma_pattern(node["pattern"])
        if node.get("type") in ("integer", "number"):
            for own, standard in _PYDANTIC_BOUNDS.items():
                if own in node:
                    node[standard] = node.pop(own)
        for name, value in (node.get("properties") or {}).items():
            if isinstance(value, dict):
                vocabulary.body_property(name, value)
        for value in node.values():
            _document_bodies(value)
    elif isinstance(node, list):
        for value in node:
            _document_bodies(value)


def install(app: FastAPI) -> None:
    """Make `app.openapi()` answer the post-processed schema (built once, then kept)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_refusals(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    summary=app.summary,
                    description=app.description,
                    routes=app.routes,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
