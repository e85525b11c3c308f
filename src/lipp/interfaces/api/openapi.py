"""The OpenAPI schema as the server really answers: every refusal a route can give, as problem+json.

The routes declare only what they answer when all goes well; the refusals come from one place (`problems`), so
they are documented in one place too, here, by post-processing the schema FastAPI generates. A route added
later (by hand or generated from a command declaration) is documented the same way without any edit."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import TypeAdapter

from lipp.commands.alliance import ActionReference
from lipp.commands.fields import BoardCode, ReviewReference, TeamCode, Username
from lipp.commands.learning import BriefingKey, DeliveryCode
from lipp.interfaces.api.problems import MAX_LISTED_ERRORS, PROBLEM

# A path parameter is a plain string in the route; the command it becomes checks its pattern. Documented here
# from the same field types, by the collection the parameter names a member of.
_PATH_TYPES: dict[tuple[str, str], Any] = {
    ("reviews", "reference"): ReviewReference,
    ("boards", "code"): BoardCode,
    ("users", "username"): Username,
    ("reviewers", "username"): Username,
    ("teams", "code"): TeamCode,
    ("deliveries", "code"): DeliveryCode,
    ("briefings", "key"): BriefingKey,
    ("actions", "action"): ActionReference,
    ("members", "code"): BoardCode,
}
# Path parameters whose command field is not a plain string type: the documented shape of what they accept.
_PATH_SCHEMAS: dict[tuple[str, str], dict[str, Any]] = {
    ("findings", "finding"): {
        "type": "string",
        "pattern": r"^[Ff]?[1-9][0-9]{0,2}$",
        "description": "F1, F2 ... or 1, 2 ...",
    },
}

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
        statuses.append("413")
    return sorted(statuses)


def document_refusals(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the Problem schema and, to every operation, the refusals it can answer (replacing FastAPI's own
    422 body, which lipp never sends)."""
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    _require_non_blank(schemas)
    schemas["Problem"] = PROBLEM_SCHEMA
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    secured_by_default = bool(schema.get("security"))
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete", "head", "options"}:
                continue
            _document_path_patterns(path, operation)
            responses = operation.setdefault("responses", {})
            for status in _statuses_for(method, operation, secured_by_default):
                headers = None
                if status == "401":
                    headers = {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "Bearer"}}
                elif status == "409":
                    headers = {"Retry-After": {"schema": {"type": "string"}, "description": "after a concurrent edit"}}
                responses[status] = _refusal(_REFUSALS[status], headers)
    return schema


def _document_path_patterns(path: str, operation: dict[str, Any]) -> None:
    segments = path.strip("/").split("/")
    for parameter in operation.get("parameters", []):
        if parameter.get("in") != "path":
            continue
        placeholder = "{" + parameter["name"] + "}"
        if placeholder not in segments or segments.index(placeholder) == 0:
            continue
        collection = segments[segments.index(placeholder) - 1]
        key = (collection, parameter["name"])
        field_type = _PATH_TYPES.get(key)
        if field_type is not None:
            parameter["schema"] = {**parameter["schema"], **TypeAdapter(field_type).json_schema()}
        elif key in _PATH_SCHEMAS:
            parameter["schema"] = {**parameter["schema"], **_PATH_SCHEMAS[key]}


def _require_non_blank(node: Any) -> None:
    """Text fields strip surrounding whitespace before their minimum length is checked, so a required text of
    only spaces is refused: documented as a pattern needing one character that is not whitespace."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("minLength", 0) >= 1 and "pattern" not in node:
            node["pattern"] = r"\S"
        for value in node.values():
            _require_non_blank(value)
    elif isinstance(node, list):
        for value in node:
            _require_non_blank(value)


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
