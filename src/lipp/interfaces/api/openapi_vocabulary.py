"""What the server accepts where a route declares a plain string or integer: reference data (themes, pattern
categories, agency sectors, shipped versions) and the bounds of path parameters, documented in the schema from
the same sources the server checks against. Used by `openapi` when it post-processes the schema."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, TypeAdapter

from lipp.commands.alliance import ActionReference
from lipp.commands.fields import BoardCode, ReviewReference, TeamCode, Username
from lipp.commands.learning import BriefingKey, DeliveryCode
from lipp.commands.markers import AssessQualityMarker
from lipp.commands.plans import ActionReference as PlanActionReference
from lipp.domain.plans.values import ActionStatus
from lipp.domain.reference import themes, typology
from lipp.domain.reference.loading import versions_of
from lipp.domain.review.vocabulary import AgencySector

# A path parameter is a plain string in the route; the command it becomes checks it. Documented from the same
# field types, by the collection the parameter names a member of.
_PATH_TYPES: dict[tuple[str, str], Any] = {
    ("reviews", "reference"): ReviewReference,
    ("boards", "code"): BoardCode,
    ("members", "code"): BoardCode,
    ("users", "username"): Username,
    ("reviewers", "username"): Username,
    ("teams", "code"): TeamCode,
    ("deliveries", "code"): DeliveryCode,
    ("briefings", "key"): BriefingKey,
    ("alliance/actions", "action"): ActionReference,
    ("actions", "action"): PlanActionReference,
}
_PATH_FIELDS: dict[tuple[str, str], tuple[type[BaseModel], str]] = {
    ("markers", "marker"): (AssessQualityMarker, "marker"),
}
# FINDING_KEY in lipp.domain.review.finding: F1 to F999, or the bare number; RECOMMENDATION_KEY likewise.
_FINDING = {"type": "string", "pattern": r"^\s*[Ff]?(?!0+\s*$)[0-9]{1,3}\s*$", "description": "F1, F2 ... or 1, 2 ..."}
_RECOMMENDATION = {
    "type": "string",
    "pattern": r"^\s*[Rr]?(?!0+\s*$)[0-9]{1,3}\s*$",
    "description": "R1, R2 ... or 1, 2 ...",
}


def path_parameter(collection_path: str, name: str) -> dict[str, Any] | None:
    """The schema of path parameter `name` of a member of the collection at `collection_path` (e.g.
    'reviews/{reference}/findings'), when the server checks more than 'a string': looked up by the collection's
    whole path (the Alliance's actions and the plans' differ), then by its last segment."""
    whole = (collection_path, name)
    if whole in _PATH_TYPES:
        return TypeAdapter(_PATH_TYPES[whole]).json_schema()
    key = (collection_path.rsplit("/", 1)[-1], name)
    if key in _PATH_TYPES:
        return TypeAdapter(_PATH_TYPES[key]).json_schema()
    if key in _PATH_FIELDS:
        model, field = _PATH_FIELDS[key]
        schema: dict[str, Any] = model.model_json_schema()["properties"][field]
        return schema
    if key == ("findings", "finding"):
        return dict(_FINDING)
    if key == ("recommendations", "recommendation"):
        return dict(_RECOMMENDATION)
    return None


def theme_names() -> list[str]:
    """Every spelling of a theme the latest list accepts: its id and its name."""
    latest = themes.theme_list()
    return sorted({t.id for t in latest.themes} | {t.name for t in latest.themes})


def pattern_keys() -> list[str]:
    categories = typology.typology().categories
    return sorted({c.id for c in categories} | {str(c.number) for c in categories})


def query_parameter(path: str, name: str) -> dict[str, Any] | None:
    """The accepted values of query parameter `name` of `path`, where the server checks them."""
    if name == "theme":
        return {"type": "string", "enum": theme_names()}
    if name == "pattern":
        return {"type": "string", "enum": pattern_keys()}
    if name == "agency" and path in ("/findings", "/boards/{code}/actions"):
        return {"type": "string", "enum": [sector.value for sector in AgencySector]}
    if name == "status" and path == "/boards/{code}/actions":
        return {"type": "string", "enum": [status.value for status in ActionStatus]}
    if name == "version" and path.startswith("/reference/"):
        kind = themes.KIND if path.endswith("/themes") else typology.KIND
        return {"type": "integer", "enum": versions_of(kind)}
    return None


def body_property(name: str, schema: dict[str, Any]) -> None:
    """Narrow a request body's `theme` or `themes` property, in place, to the themes the server knows."""
    if name == "theme":
        _narrow_strings(schema, {"enum": theme_names()})
    elif name == "themes" and isinstance(schema.get("items"), dict):
        _narrow_strings(schema["items"], {"enum": theme_names()})


def narrowed(schema: dict[str, Any], narrower: dict[str, Any]) -> dict[str, Any]:
    """`schema` (perhaps 'string or null') with its string branch replaced by `narrower`."""
    if "anyOf" in schema:
        branches = [narrower if branch.get("type") in ("string", "integer") else branch for branch in schema["anyOf"]]
        return {**schema, "anyOf": branches}
    return {**schema, **narrower}


def _narrow_strings(schema: dict[str, Any], narrower: dict[str, Any]) -> None:
    if schema.get("type") == "string":
        schema.pop("pattern", None)
        schema.pop("minLength", None)
        schema.update(narrower)
    for branch in schema.get("anyOf", []):
        if isinstance(branch, dict):
            _narrow_strings(branch, narrower)


# Python's \s also matches the separators \x1c-\x1f and NEL (\x85), which str.strip() removes too; a schema's
# pattern is read as ECMA-262, where \s does not. Spelled out, the documented pattern means what the server does.
_PY_SPACE = r"\s\x1c-\x1f\x85"


def ecma_pattern(pattern: str) -> str:
    """`pattern`, a Python regular expression, with \\s and \\S spelled as Python reads them."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            token = pattern[index : index + 2]
            if token == r"\s":
                out.append(_PY_SPACE if in_class else f"[{_PY_SPACE}]")
            elif token == r"\S" and not in_class:
                out.append(f"[^{_PY_SPACE}]")
            else:
                out.append(token)
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)
