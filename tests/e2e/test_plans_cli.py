"""Recommendations and a plan from the command line: the reviewer recommends, the coordinator answers, agrees
actions, returns and verifies them, checks impact, and reads the tracker and the facts for markers 15 and 18."""

from __future__ import annotations

import json
from datetime import timedelta

from lipp.bootstrap import build
from lipp.config import Settings
from tests.e2e.test_findings_cli import Installation, installed, lipp_cli
from tests.interfaces.cli_run import run_cli

__all__ = ["installed"]  # the fixture, shared with the findings tests


def test_a_plan_from_recommendation_to_measured_impact(installed: Installation) -> None:
    folder, ref = installed.folder, installed.ref
    logged = lipp_cli(
        folder, "reviewer.a", "finding", "log", ref, "--title", "Health not invited", "--issue", "Health was absent.",
        "--causes", "Invitation lists were out of date.", "--pattern", "3", "--theme", "NT04", "--agency", "health",
        "--evidence", "A strategy discussion went ahead without health.",
    )  # fmt: skip
    assert logged.exit_code == 0, logged.stdout
    made = lipp_cli(
        folder, "reviewer.a", "recommendation", "make", ref, "--text", "Invite health to every strategy discussion.",
        "--to", "agency", "--sector", "health", "--finding", "F1",
    )  # fmt: skip
    assert made.exit_code == 0 and "made recommendation R1" in made.stdout, made.stdout
    assert lipp_cli(folder, "nvl.coordinator", "review", "draft", ref).exit_code == 0
    answered = lipp_cli(folder, "nvl.coordinator", "recommendation", "answer", ref, "R1", "--response", "accepted")
    assert answered.exit_code == 0 and "responded to R1" in answered.stdout, answered.stdout
    listed = lipp_cli(folder, "nvl.coordinator", "recommendation", "list", ref, "--json")
    assert [(r["key"], r["response"]) for r in json.loads(listed.stdout)] == [("R1", "accepted")]

    with build(Settings(data_dir=folder, database_url=None)) as lipp:
        due = (lipp.reviews.today() + timedelta(days=90)).isoformat()
    agreed = lipp_cli(
        folder, "nvl.coordinator", "action", "agree", ref, "--recommendation", "R1",
        "--agency", "health:Northvale Community Health", "--owner-role", "Named Nurse for Safeguarding",
        "--what", "Update invitation lists", "--measure", "Share of discussions with health present",
        "--baseline", "40%", "--due-on", due,
    )  # fmt: skip
    action = f"{ref}-A1"
    assert agreed.exit_code == 0 and action in agreed.stdout and "agreed" in agreed.stdout, agreed.stdout
    for step in (
        ["complete", action, "--evidence", "Lists updated"],
        ["return", action, "--reason", "No attendance figures yet"],
        ["complete", action, "--evidence", "Attended 9 of 10"],
        ["verify", action],
        ["impact", action, "--method", "dip-sample", "--before", "40", "--after", "90", "--narrative", "Better"],
    ):
        ran = lipp_cli(folder, "nvl.coordinator", "action", *step)
        assert ran.exit_code == 0, ran.stdout
    shown = lipp_cli(folder, "nvl.coordinator", "action", "show", action)
    assert "returned: No attendance figures yet" in shown.stdout and "40 → 90" in shown.stdout, shown.stdout
    tracker = lipp_cli(folder, "nvl.coordinator", "plan", "tracker", "--returned")
    assert action in tracker.stdout and "verified" in tracker.stdout, tracker.stdout
    facts = lipp_cli(folder, "nvl.coordinator", "plan", "facts")
    assert "1 action agreed with 1 agency; 1 verified; 1 with measured impact" in facts.stdout, facts.stdout
    assessed = lipp_cli(
        folder, "nvl.coordinator", "marker", "assess", ref, "18", "--rating", "met", "--evidence", "Re-audited"
    )
    assert f"The plan of {ref}: 1 action agreed with 1 agency" in assessed.stdout, assessed.stdout

    env = {"LIPP_DATA_DIR": str(folder)}
    refused = run_cli(["--as", "nvl.coordinator", "action", "verify", action], env)
    assert refused.exit_code == 1 and "verified on" in refused.stderr, refused.output
    bad = run_cli(["--as", "nvl.coordinator", "plan", "tracker", "--status", "lost"], env)
    assert bad.exit_code == 2 and "the status is one of" in bad.stderr, bad.output
    named = run_cli(
        ["--as", "nvl.coordinator", "action", "agree", ref, "--recommendation", "R1", "--agency", "police",
         "--owner-role", "Sarah Jones", "--what", "x", "--measure", "y", "--baseline", "z", "--due-on", due],
        env,
    )  # fmt: skip
    assert named.exit_code == 1 and "never people" in named.stderr, named.output
    assert "Traceback" not in refused.output + bad.output + named.output
