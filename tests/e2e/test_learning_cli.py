"""The learning loop through the real `lipp` command, on the demo's data: the outbox of .eml files, a team that
acknowledges by code (twice), what it may not see, refusals as one line, and the metrics."""

from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from tests.e2e.conftest import DemoRun
from tests.e2e.test_cli import Cli

CODE = re.compile(r"lipp delivery acknowledge ([A-Z2-7]{5}-[A-Z2-7]{5})")


@pytest.fixture(scope="module")
def demo(demo_run: DemoRun) -> Cli:
    assert "Closing the learning loop" in demo_run.output
    return demo_run.cli


def _code_in_email_to(folder: Path, recipient: str) -> str:
    for path in (folder / "outbox").glob("*.eml"):
        message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        if str(message["To"]) == recipient:
            body = message.get_body(preferencelist=("plain",))
            assert body is not None
            found = CODE.search(str(body.get_content()))
            assert found
            return found.group(1)
    raise AssertionError(f"no e-mail to {recipient} in the outbox")


def test_the_demo_leaves_one_eml_per_team_and_metrics_that_add_up(demo: Cli) -> None:
    briefings = [p for p in (demo.data_dir / "outbox").glob("*.eml") if b"X-Lipp-Delivery:" in p.read_bytes()]
    assert len(briefings) == 4
    metrics = demo.json("--as", "nvl.coordinator", "learning", "metrics")
    assert (metrics["teams_targeted"], metrics["acknowledged"], metrics["verified"]) == (4, 2, 1)
    assert metrics["reach"] == 0.5


def test_a_team_acknowledges_by_code_once_and_is_told_the_second_time(demo: Cli) -> None:
    code = _code_in_email_to(demo.data_dir, "nvl-eh-east@northvale.example")
    demo.ok("--as", "demo.admin", "user", "add", "eh.member", "--role", "team_member", "--team", "NVL-EH-EAST")

    first = demo.json("--as", "eh.member", "delivery", "acknowledge", code.lower().replace("-", ""))
    again = demo.ok("--as", "eh.member", "delivery", "acknowledge", code)

    assert first["changed"] is True and first["state"] == "acknowledged"
    assert "Already acknowledged" in again and "nothing changed" in again


def test_refusals_are_one_line_and_a_briefing_renders_as_markdown(demo: Cli) -> None:
    key = demo.json("--as", "nvl.coordinator", "briefing", "list")[0]["key"]
    code = _code_in_email_to(demo.data_dir, "nvl-health-hv@northvale.example")
    refusals = demo.all_refused(
        [
            ["--as", "ppu.member", "delivery", "acknowledge", code],
            ["--as", "ppu.member", "learning", "metrics"],
            ["--as", "nvl.coordinator", "briefing", "edit", key, "--title", "Changed"],
        ]
    )
    assert "no delivery of yours" in refusals[0]
    assert "may not see loop metrics" in refusals[1]
    assert "released" in refusals[2]
    assert "invalid input" in demo.refused("--as", "ppu.member", "delivery", "acknowledge", "NOT-A-CODE", exit_code=2)
    markdown = demo.ok("--as", "nvl.coordinator", "briefing", "show", key, "--format", "markdown")
    assert markdown.startswith("# ") and "## Reflective questions" in markdown
