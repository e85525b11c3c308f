"""Every str field of every command carries one of the two text rules, every date field one of the date rules:
no command takes a bare str or an unbounded date."""

from __future__ import annotations

from tests.interfaces.command_models import every_command_model, unruled_fields


def test_the_walk_finds_every_kind_of_command() -> None:
    names = {model.__name__ for model in every_command_model()}
    assert {"NotifyIncident", "LogFinding", "EditBriefing", "CommitAction", "IssueToken", "RegisterTeam"} <= names
    assert {"DeactivationBody", "ContactBody", "RedactionText"} <= names


def test_no_command_field_is_a_bare_str_or_an_unbounded_date() -> None:
    bare = {model.__name__: unruled_fields(model) for model in every_command_model()}
    assert {name: fields for name, fields in bare.items() if fields} == {}
