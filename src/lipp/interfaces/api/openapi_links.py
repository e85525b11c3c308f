"""OpenAPI links between operations: what one answer names (a review's reference, a team's code, a user's
name) is what the operations on that resource take in their path. Derived from the schema itself, so a client
(or a stateful test) can follow a review from its notification through every step on it, and a route added
later is linked without any edit."""

from __future__ import annotations

from typing import Any

_METHODS = ("get", "post", "put", "patch", "delete")
_REF = "#/components/schemas/"


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while "$ref" in schema and seen < 10:
        schema = components.get(schema["$ref"].removeprefix(_REF), {})
        seen += 1
    return schema


def _answer_fields(operation: dict[str, Any], components: dict[str, Any]) -> tuple[str, str, set[str]] | None:
    """The success status, a JSON pointer prefix ('' for an object, '/0' for the first of a list) and the
    names of the answer's top-level fields."""
    for status, response in operation.get("responses", {}).items():
        if not status.startswith("2"):
            continue
        body = response.get("content", {}).get("application/json", {}).get("schema")
        if not isinstance(body, dict):
            continue
        prefix = ""
        body = _resolve(body, components)
        if body.get("type") == "array" and isinstance(body.get("items"), dict):
            prefix, body = "/0", _resolve(body["items"], components)
        return status, prefix, set(body.get("properties", {}))
    return None


def _path_parameters(operation: dict[str, Any]) -> list[str]:
    return [p["name"] for p in operation.get("parameters", []) if p.get("in") == "path"]


def add_links(schema: dict[str, Any]) -> None:
    """Link each operation's success answer to every operation of the same collection whose path parameters
    it (or the request's own path) supplies, taking at least one from the answer."""
    components = schema.get("components", {}).get("schemas", {})
    operations = [
        (path, operation)
        for path, item in schema.get("paths", {}).items()
        for method, operation in item.items()
        if method in _METHODS and isinstance(operation, dict) and operation.get("operationId")
    ]
    for path, source in operations:
        answer = _answer_fields(source, components)
        if answer is None:
            continue
        status, prefix, fields = answer
        own = set(_path_parameters(source))
        collection = path.strip("/").split("/")[0]
        links: dict[str, Any] = {}
        for target_path, target in operations:
            wanted = _path_parameters(target)
            if target is source or not wanted or target_path.strip("/").split("/")[0] != collection:
                continue
            if not any(name in fields for name in wanted) or not all(n in fields or n in own for n in wanted):
                continue
            links[target["operationId"]] = {
                "operationId": target["operationId"],
                "parameters": {
                    name: f"$response.body#{prefix}/{name}" if name in fields else f"$request.path.{name}"
                    for name in wanted
                },
            }
        if links:
            source["responses"][status]["links"] = links
    _link_stand_alone_queries(schema, operations, components)


def _link_stand_alone_queries(
    schema: dict[str, Any], operations: list[tuple[str, dict[str, Any]]], components: dict[str, Any]
) -> None:
    """Operations on no resource (a search, the metrics, the reference lists) follow from `GET /me`, where
    every caller starts, so a client walking the links reaches every operation."""
    me = schema.get("paths", {}).get("/me", {}).get("get")
    answer = _answer_fields(me, components) if me else None
    if me is None or answer is None:
        return
    linked = {
        link["operationId"]
        for _, operation in operations
        for response in operation.get("responses", {}).values()
        for link in response.get("links", {}).values()
    }
    for _, operation in operations:
        if operation is me or _path_parameters(operation) or operation["operationId"] in linked:
            continue
        if any(response.get("links") for response in operation.get("responses", {}).values()):
            continue  # it leads somewhere itself: a client starts there
        me["responses"][answer[0]].setdefault("links", {})[operation["operationId"]] = {
            "operationId": operation["operationId"]
        }
