"""The `lipp` command groups, loaded when they run: `lipp --help` lists them from this table without importing
their modules (which bring the applications, SQLAlchemy and rich with them)."""

from __future__ import annotations

from difflib import get_close_matches
from importlib import import_module
from typing import Any

import typer
from typer._click.core import Command, Context  # typer vendors click
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

# name, "module:attribute" (a typer.Typer group or a command function), and its one-line help
COMMANDS: tuple[tuple[str, str, str], ...] = (
    (
        "setup",
        "registry_commands:setup",
        "Create the lipp store (if need be) and its first admin, and act as them from now on (on a shared store, with a"
        " token saved in your own config file).",
    ),
    ("login", "registry_commands:login", "Act as USERNAME in later commands."),
    ("whoami", "registry_commands:whoami", "Show who the CLI acts as."),
    (
        "demo",
        "demo_command:demo",
        "Seed three fictional boards and walk reviews through their lifecycle, then show the register and a timeline.",
    ),
    (
        "serve",
        "token_commands:serve",
        "Serve the HTTP API (settings from LIPP_* variables; --data-dir and --database-url are passed on).",
    ),
    ("board", "registry_commands:boards", "Safeguarding partnerships (boards)."),
    ("user", "registry_commands:users", "Users and their roles."),
    ("alliance", "alliance_commands:alliance", "The Alliance: national bodies and their actions on national themes."),
    ("digest", "digest_commands:digests", "National theme digests."),
    ("team", "team_commands:teams", "Teams that receive briefings, and their subscriptions."),
    ("briefing", "briefing_commands:briefings", "Seven-minute briefings: draft, edit, release."),
    ("delivery", "delivery_commands:deliveries", "Briefings as each team received them."),
    ("learning", "learning_commands:learning", "The learning loop: metrics, dispatch and chasing."),
    ("review", "review_commands:reviews", "Notify incidents and advance reviews."),
    ("finding", "finding_commands:findings", "Findings: what the review learned, why it happens, and its priority."),
    ("recommendation", "plan_commands:recommendations", "A review's recommendations and the partnership's responses."),
    (
        "action",
        "plan_commands:actions",
        "Actions of a plan: agree, progress, complete, verify or return, check impact.",
    ),
    ("plan", "plan_commands:plans", "Action plans: the board's tracker and the plan's facts."),
    (
        "marker",
        "marker_commands:markers",
        "The 18 quality markers: assess them, and see what sign-off and publication need.",
    ),
    ("reviewer", "reviewer_commands:reviewers", "The lead-reviewer register: expertise, masterclasses, conflicts."),
    ("reference", "reference_commands:reference", "Reference data: national themes and the pattern typology."),
    ("redaction", "reference_commands:redaction", "The redaction check for identifying details."),
    ("schemas", "schema_commands:schemas", "JSON Schemas of every event and command."),
    (
        "projections",
        "projection_commands:projections",
        "Read models: their position in the log, catching up and rebuilding.",
    ),
    ("outbox", "outbox_commands:outbox", "The e-mail outbox: failed messages and their reasons, and requeueing them."),
    ("token", "token_commands:tokens", "API tokens for the HTTP API."),
    ("store", "operator_commands:store", "The store itself: for operators."),
    ("admin", "operator_commands:admin", "Recovering administration: for an operator who holds the database."),
)
PACKAGE = "lipp.interfaces.cli"
EXTENDED_BY: dict[str, str] = {"user": "account_commands:add_to"}
"""Groups that another module adds commands to ("module:function" called with the group), when it is loaded."""
_extended: set[str] = set()


def _extend(name: str, group: typer.Typer) -> None:
    """Add the commands other modules give `name`'s group, once (a group is loaded again in tests)."""
    if name not in EXTENDED_BY or name in _extended:
        return
    module, _, function = EXTENDED_BY[name].partition(":")
    getattr(import_module(f"{PACKAGE}.{module}"), function)(group)
    _extended.add(name)


def load_command(name: str, target: str) -> Command:
    """The click command for `target`: a typer group as `lipp <name> ...`, or a function as `lipp <name>`."""
    module, _, attribute = target.partition(":")
    found: Any = getattr(import_module(f"{PACKAGE}.{module}"), attribute)
    if isinstance(found, typer.Typer):
        _extend(name, found)
        command: Command = typer.main.get_group(found)
    else:
        single = typer.Typer(add_completion=False)
        single.command(name)(found)
        command = typer.main.get_command(single)
    command.name = name
    return command


class LazyGroup(TyperGroup):
    """The root group: its sub-commands are imported when one is run, or its own help is asked for."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: dict[str, Command] = {}
        self._listing = False

    def list_commands(self, ctx: Context) -> list[str]:
        return [*super().list_commands(ctx), *(name for name, _, _ in COMMANDS)]

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is not None:
            return found
        entry = next((e for e in COMMANDS if e[0] == cmd_name), None)
        if entry is None:
            return None
        name, target, summary = entry
        if self._listing:  # only the name and the line of help are shown: no need to import it
            return TyperCommand(name=name, help=summary)
        if name not in self._loaded:
            self._loaded[name] = load_command(name, target)
        return self._loaded[name]

    def resolve_command(self, ctx: Context, args: list[str]) -> tuple[str | None, Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as error:  # typer suggests from the commands it holds; these are held in the table
            matches = get_close_matches(args[0], self.list_commands(ctx)) if args else []
            if matches and "Did you mean" not in error.message:
                error.message = f"{error.message.rstrip('.')}. Did you mean {', '.join(repr(m) for m in matches)}?"
            raise

    def format_commands(self, ctx: Context, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False
