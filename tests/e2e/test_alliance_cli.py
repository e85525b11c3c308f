"""The Alliance from the command line: membership, an action's life, and refusals as one readable line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.e2e.test_cli import Cli

DUE = (date.today() + timedelta(days=3 * 365)).isoformat()
"""Ahead, but within the ten years a due date may lie ahead (the CLI runs on the real clock)."""


def test_a_member_body_commits_and_completes_an_action_and_others_are_refused(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    cli.ok("setup", "admin")
    cli.ok(
        "alliance",
        "member",
        "add",
        "NCB",
        "--name",
        "National Child Safeguarding Collaborative",
        "--email",
        "digest@ncb.example",
    )
    cli.ok("user", "add", "ncb.lead", "--role", "national_body", "--national-body", "NCB")
    cli.ok("user", "add", "other.body", "--role", "national_body")

    out = cli.ok(
        "--as",
        "ncb.lead",
        "alliance",
        "action",
        "commit",
        "--theme",
        "information sharing",
        "--owner",
        "Head of policy",
        "--description",
        "Guidance on sharing at the front door",
        "--due",
        DUE,
    )
    assert "NCB-A1" in out and "Information sharing" in out
    cli.ok("--as", "ncb.lead", "alliance", "action", "progress", "ncb-a1", "--note", "Draft consulted")
    cli.ok("--as", "ncb.lead", "alliance", "action", "complete", "NCB-A1", "--evidence", "Adopted widely")
    [action] = cli.json("alliance", "action", "list", "--theme", "NT13", "--json")
    assert (action["status"], action["progress"][0]["note"]) == ("completed", "Draft consulted")

    assert "completed" in cli.refused("--as", "ncb.lead", "alliance", "action", "withdraw", "NCB-A1", "--reason", "x")
    assert "may not manage" in cli.refused(
        "--as", "other.body", "alliance", "action", "progress", "NCB-A1", "--note", "Not ours"
    )
    assert "may identify someone" in cli.refused(
        "--as",
        "ncb.lead",
        "alliance",
        "action",
        "commit",
        "--theme",
        "NT05",
        "--owner",
        "Sarah Jones",
        "--description",
        "x",
        "--due",
        DUE,
    )
    assert "--due" in cli.refused(
        "--as",
        "ncb.lead",
        "alliance",
        "action",
        "commit",
        "--theme",
        "NT05",
        "--owner",
        "Lead",
        "--description",
        "x",
        "--due",
        "soon",
        exit_code=2,
    )
