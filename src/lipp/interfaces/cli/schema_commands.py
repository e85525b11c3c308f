"""CLI commands that write or check the JSON Schemas in schemas/."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lipp.interfaces.cli.output import console
from lipp.schemas import schema_differences, write_schemas

schemas = typer.Typer(help="JSON Schemas of every event and command.", no_args_is_help=True)
Folder = Annotated[Path, typer.Option(help="Where the schemas live.")]


@schemas.command("write")
def write(folder: Folder = Path("schemas")) -> None:
    """Regenerate the schemas from the code."""
    written = write_schemas(folder)
    console.print(f"Wrote {len(written)} schemas to {folder}/")


@schemas.command("check")
def check(folder: Folder = Path("schemas")) -> None:
    """Fail when the committed schemas differ from the code."""
    differences = schema_differences(folder)
    for difference in differences:
        console.print(difference)
    if differences:
        raise typer.Exit(1)
    console.print("Schemas match the code.")
