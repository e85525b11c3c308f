"""The typer commands made from catalogue entries.

Each entry becomes one command whose parameters are its `Arg`s plus `--json`. Building them needs only typer:
the command model, the applications and rich load when the command runs, so `lipp --help` stays quick.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from typing import Annotated, Any

import typer

from lipp.interfaces.catalogue.entry import Arg, Entry, without_empty

KINDS: dict[str, Any] = {"text": str, "number": int, "flag": bool, "many": list[str]}
JSON = inspect.Parameter(
    "json",
    inspect.Parameter.KEYWORD_ONLY,
    annotation=Annotated[bool, typer.Option("--json", help="Print JSON for machines.")],
    default=False,
)


def add_commands(group: typer.Typer, entries: Iterable[Entry]) -> None:
    """Add each entry to `group` as `lipp <group> <name>`, in the order given (help lists them so)."""
    for entry in entries:
        group.command(entry.name, help=entry.help)(command_for(entry))


def command_for(entry: Entry) -> Any:
    """A typer callback for `entry`: validate the typed values as the command, run it as the acting user, show it."""

    def command(ctx: typer.Context, json: bool = False, **values: Any) -> None:
        from lipp.interfaces.cli.common import session_of
        from lipp.interfaces.cli.output import emit_json

        session = session_of(ctx)
        fields = {arg.field: values[arg.parameter] for arg in entry.args}
        if entry.prepare is not None:
            fields = entry.prepare(session, fields)
        validated = entry.command_class().model_validate(without_empty(fields))
        result = entry.run(session.lipp, session.actor(), validated)
        if json:
            emit_json(result)
        else:
            entry.show(session, validated, result, values)

    context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    parameters = [context, *(parameter_for(arg) for arg in entry.args), JSON]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {}  # the signature carries the types; typer reads them from there
    command.__name__ = entry.name.replace("-", "_")
    command.__doc__ = entry.help
    return command


def parameter_for(arg: Arg) -> inspect.Parameter:
    """The typer parameter for `arg`: an argument or an option, required or with its default."""
    kind: Any = KINDS[arg.kind]
    default: Any = inspect.Parameter.empty
    if arg.kind == "flag":
        default = bool(arg.default)
    elif not arg.required:
        default = arg.default
        kind = kind if default is not None else kind | None
    info = typer.Argument(help=arg.help) if arg.argument else typer.Option(*arg.spellings, help=arg.help)
    return inspect.Parameter(
        arg.parameter, inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[kind, info], default=default
    )
