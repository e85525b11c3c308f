"""The outside of lipp's interfaces as data: every CLI command with its parameters, every HTTP operation with its
path, method, success status, parameters and body fields.

`python -m tests.compat.interface_surface` writes `interface_surface.json`, the record the generated CLI and API
are held to (tests/compat/test_interface_surface.py). Re-record only for a deliberate, compatible addition.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from typer._click.core import Command, Context  # typer vendors click
from typer.core import TyperGroup as Group

RECORD = Path(__file__).parent / "interface_surface.json"


def cli_surface() -> dict[str, Any]:
    """`lipp ...` command path -> its parameters as click sees them."""
    from lipp.interfaces.cli.main import app

    root = typer.main.get_command(app)
    found: dict[str, Any] = {}

    def walk(command: Command, path: str, parent: Context | None) -> None:
        context = Context(command, info_name=path.rsplit(" ", 1)[-1], parent=parent)
        found[path] = [_parameter(p) for p in command.params]
        if isinstance(command, Group):
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                assert sub is not None
                walk(sub, f"{path} {name}", context)

    walk(root, "lipp", None)
    return found


def _parameter(parameter: Any) -> dict[str, Any]:
    default = parameter.default
    return {
        "name": parameter.name,
        "kind": type(parameter).__name__,
        "opts": list(parameter.opts),
        "secondary_opts": list(parameter.secondary_opts),
        "required": parameter.required,
        "multiple": parameter.multiple,
        "nargs": parameter.nargs,
        "flag": bool(getattr(parameter, "is_flag", False)),
        "type": str(parameter.type_descriptor.annotation),
        "min": parameter.min,
        "max": parameter.max,
        "default": default if isinstance(default, (str, int, float, bool, type(None))) else repr(default),
    }


def api_surface() -> dict[str, Any]:
    """`METHOD /path` -> operation id, success status, parameters, and the body's fields (required ones marked)."""
    from lipp.interfaces.api.app import create_app

    schema = create_app().openapi()
    components = schema.get("components", {}).get("schemas", {})
    found: dict[str, Any] = {}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            found[f"{method.upper()} {path}"] = {
                "operation_id": operation.get("operationId"),
                "statuses": sorted(code for code in operation["responses"] if code.startswith("2")),
                "parameters": sorted(
                    f"{p['in']}:{p['name']}{'*' if p.get('required') else ''}" for p in operation.get("parameters", [])
                ),
                "body": _fields(body, components),
            }
    return found


def _fields(schema: dict[str, Any] | None, components: dict[str, Any]) -> dict[str, Any] | None:
    if schema is None:
        return None
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    required = set(schema.get("required", []))
    # names and whether required, not each field's schema: field types are refined on their own (commands/)
    return {name: name in required for name in schema.get("properties", {})}


def surface() -> dict[str, Any]:
    return {"cli": cli_surface(), "api": api_surface()}


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else RECORD
    out.write_text(json.dumps(surface(), indent=1, sort_keys=True, default=str) + "\n")
    print(f"wrote {out}")
