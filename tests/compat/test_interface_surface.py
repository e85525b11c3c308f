"""The CLI and the API made from the command catalogue keep the outside the hand-written ones had: every command
and option (with its short forms and defaults), every path, method, success status, parameter and body field."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.compat.interface_surface import RECORD, api_surface, cli_surface

RECORDED: dict[str, Any] = json.loads(RECORD.read_text())


def _normalised(found: dict[str, Any]) -> dict[str, Any]:
    normal: dict[str, Any] = json.loads(json.dumps(found, sort_keys=True, default=str))
    return normal


@pytest.fixture(scope="module")
def cli() -> dict[str, Any]:
    return _normalised(cli_surface())


@pytest.fixture(scope="module")
def api() -> dict[str, Any]:
    return _normalised(api_surface())


@pytest.mark.parametrize("command", sorted(RECORDED["cli"]))
def test_every_recorded_command_keeps_its_parameters(cli: dict[str, Any], command: str) -> None:
    assert cli.get(command) == RECORDED["cli"][command]


@pytest.mark.parametrize("operation", sorted(RECORDED["api"]))
def test_every_recorded_operation_keeps_its_shape(api: dict[str, Any], operation: str) -> None:
    assert api.get(operation) == RECORDED["api"][operation]
