"""The real `lipp` command, run as a user runs it: a separate process, its own data folder, the system clock.

Business dates are in 2025, safely in the past whenever this runs; they are hand-worked:
aware Monday 6 January 2025, so the notification is due Monday 13 January (7, 8, 9, 10, 13); notified Wednesday
8 January, so the rapid review is due Wednesday 29 January (15 working days); decided Monday 20 January, so
completion is due Sunday 20 July 2025; copy to the Panel Tuesday 17 June, so publication may come no earlier than
Thursday 26 June (18, 19, 20, 23, 24, 25, 26 June). The coordinator assesses quality markers 1 to 13 on Monday 9 June,
a week after the draft and before the sign-off on 16 June, and markers 14, 16 and 17 on Wednesday 18 June, the day
after the copy to the Panel, before deferring publication that day.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import pytest

if TYPE_CHECKING:
    from tests.e2e.conftest import DemoRun

_BESIDE_PYTHON = Path(sys.executable).parent / "lipp"  # the script installed with this test run's lipp
LIPP = str(_BESIDE_PYTHON) if _BESIDE_PYTHON.exists() else shutil.which("lipp") or "lipp"
REFERENCE = "NVL-2025-001"
# Once the review reaches a stage: the markers the coordinator assesses, and on which day.
MARKERS_AT = {"report_drafted": ("2025-06-09", range(1, 14)), "sent_to_panel": ("2025-06-18", (14, 16, 17))}


class Cli:
    """Runs `lipp` in one data folder and checks what every user must be spared: a traceback."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("LIPP_")}
        env["LIPP_DATA_DIR"] = str(self.data_dir)
        done = subprocess.run([LIPP, *args], capture_output=True, text=True, env=env, timeout=timeout, check=False)
        assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
        return done

    def ok(self, *args: str, timeout: float = 120) -> str:
        done = self.run(*args, timeout=timeout)
        assert done.returncode == 0, f"lipp {' '.join(args)} exited {done.returncode}: {done.stderr}"
        return done.stdout

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--json"))

    def refused(self, *args: str, exit_code: int = 1) -> str:
        """A refusal: the given exit code and exactly one line on stderr, starting 'error:'."""
        return refusal_line(self.run(*args), exit_code)

    def all_refused(self, calls: list[list[str]], exit_code: int = 1) -> list[str]:
        """Several independent refusals, run side by side to spare the suite's time."""
        with ThreadPoolExecutor(max_workers=4) as pool:
            runs = list(pool.map(lambda args: self.run(*args), calls))
        return [refusal_line(done, exit_code) for done in runs]


def refusal_line(done: subprocess.CompletedProcess[str], exit_code: int) -> str:
    assert done.returncode == exit_code, f"{done.args} exited {done.returncode}: {done.stdout} {done.stderr}"
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error:"), done.stderr
    return lines[0]


def today_in_england() -> date:
    return datetime.now(ZoneInfo("Europe/London")).date()


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    """A data folder with an admin, two boards, their coordinators, a lead reviewer and a national body."""
    cli = Cli(tmp_path_factory.mktemp("lipp-cli"))
    assert "admin" in cli.ok("setup", "admin")
    assert "NVL" in cli.ok("board", "add", "NVL", "--name", "Northvale Safeguarding Partnership", "--area", "Northvale")
    cli.ok("board", "add", "emr", "--name", "Eastmere Safeguarding Partnership", "--area", "Eastmere")
    cli.ok("user", "add", "nvl.coordinator", "--role", "coordinator", "--board", "NVL")
    cli.ok("user", "add", "emr.coordinator", "--role", "coordinator", "--board", "EMR")
    cli.ok("user", "add", "reviewer.a", "--role", "lead-reviewer")
    cli.ok("user", "add", "national.body", "--role", "national_body")
    users = {user["username"]: user for user in cli.json("user", "list")}
    assert (users["nvl.coordinator"]["role"], users["nvl.coordinator"]["board"]) == ("coordinator", "NVL")
    assert (users["reviewer.a"]["role"], users["national.body"]["role"]) == ("lead_reviewer", "national_body")
    assert "nvl.coordinator" in cli.ok("login", "nvl.coordinator")
    return cli


@pytest.fixture(scope="module")
def closed_review(cli: Cli) -> str:
    """A review walked from notification to closure, each step through the CLI."""
    notified = cli.ok(
        "review", "notify", "--case", "Child K", "--incident", "death", "--aware-on", "2025-01-06",
        "--notified-on", "2025-01-08", "--agency", "police", "--agency", "health:Northvale Trust", "--looked-after",
    )  # fmt: skip
    reference = notified.split(":")[0].strip()
    assert reference.startswith("NVL-2025-")
    steps: list[tuple[str, list[str]]] = [
        ("decided", ["decide", reference, "--decision", "local-review", "--rationale", "Agencies did not share risk"]),
        ("commissioned", ["commission", reference, "--kind", "lcspr", "--methodology", "learning-together"]),
        ("reviewer_appointed", ["appoint", reference, "--reviewer", "reviewer.a"]),
        (
            "in_conduct",
            [
                "terms",
                reference,
                "--scope-from",
                "2024-01-01",
                "--scope-to",
                "2025-01-06",
                "--line",
                "Who knew?",
                "--line",
                "Who acted?",
                "--agency",
                "police",
            ],
        ),
        ("in_conduct", ["pause", reference, "--process", "criminal-trial", "--reason", "The trial comes first"]),
        ("in_conduct", ["resume", reference]),
        ("report_drafted", ["--as", "reviewer.a", "draft", reference]),
        ("signed_off", ["sign-off", reference, "--response", "The partnership accepts every finding"]),
        ("sent_to_panel", ["send-to-panel", reference]),
        (
            "publication_deferred",
            ["defer", reference, "--reason", "Sentencing is pending", "--reconsider-on", "2025-06-30"],
        ),
        ("published", ["publish", reference, "--location", "https://example.org/child-k"]),
        ("closed", ["close", reference]),
    ]
    dates = ["2025-01-20", "2025-01-27", "2025-02-03", "2025-02-10", "2025-03-03", "2025-04-01", "2025-06-02"]
    dates += ["2025-06-16", "2025-06-17", "2025-06-18", "2025-06-30", "2025-07-01"]
    version = 1
    for (stage, args), on in zip(steps, dates, strict=True):
        global_options = args[:2] if args[0] == "--as" else []
        command = args[2:] if global_options else args
        receipt = cli.json(*global_options, "review", *command, "--on", on)
        version += 1
        assert receipt == {"reference": reference, "stage": stage, "version": version}
        if stage in MARKERS_AT:
            assessed_on, markers = MARKERS_AT[stage]
            for number in markers:
                evidence = "Seen in the review's records and the panel minutes"
                receipt = cli.json("marker", "assess", reference, str(number), "--rating", "met",
                                   "--evidence", evidence, "--on", assessed_on)  # fmt: skip
                version += 1
                assert receipt == {"reference": reference, "stage": stage, "version": version}
    return reference


def test_show_gives_the_review_with_every_deadline(cli: Cli, closed_review: str) -> None:
    view = cli.json("review", "show", closed_review.lower())
    # Thirteen events of the process and sixteen marker assessments.
    assert (view["reference"], view["stage"], view["version"]) == (closed_review, "closed", 29)
    assert (view["case_reference"], view["incident_kind"], view["looked_after"]) == ("Child K", "death", True)
    assert view["agencies"] == ["police"]  # as the terms of reference agreed
    assert (view["kind"], view["methodology"], view["lead_reviewer"]) == ("lcspr", "learning_together", "reviewer.a")
    assert (view["scope_from"], view["scope_to"]) == ("2024-01-01", "2025-01-06")
    assert view["key_lines_of_enquiry"] == ["Who knew?", "Who acted?"]
    assert view["earliest_publication_on"] == "2025-06-26"
    assert [(d["name"], d["due_on"], d["done_on"], d["status"], d["rag"]) for d in view["deadlines"]] == [
        ("notification", "2025-01-13", "2025-01-08", "met", "green"),
        ("rapid review", "2025-01-29", "2025-01-20", "met", "green"),
        # 20 July 2025: the 29 days paused from 3 March to 1 April do not move it.
        ("completion (sign-off)", "2025-07-20", "2025-06-16", "met", "green"),
    ]
    text = cli.ok("review", "show", closed_review)
    for expected in (closed_review, "closed", "Child K", "2025-01-29", "2025-07-20", "reviewer.a"):
        assert expected in text


def test_the_timeline_names_who_did_what_when_and_why(cli: Cli, closed_review: str) -> None:
    entries = cli.json("review", "timeline", closed_review)
    assert [e["version"] for e in entries] == list(range(1, 30))
    assert [e["on"] for e in entries] == [
        "2025-01-08", "2025-01-20", "2025-01-27", "2025-02-03", "2025-02-10", "2025-03-03", "2025-04-01",
        "2025-06-02", *["2025-06-09"] * 13, "2025-06-16", "2025-06-17", *["2025-06-18"] * 3, "2025-06-18",
        "2025-06-30", "2025-07-01",
    ]  # fmt: skip
    assert [e["actor"] for e in entries] == ["nvl.coordinator"] * 7 + ["reviewer.a"] + ["nvl.coordinator"] * 21
    assessed = [e["what"] for e in entries[8:21] + entries[23:26]]
    assert [what.split(" (")[0] for what in assessed] == [
        f"Assessed quality marker {n}" for n in (*range(1, 14), 14, 16, 17)
    ]
    assert all(what.endswith("): met") for what in assessed)
    assert entries[1]["why"] == "Agencies did not share risk"
    assert "local review" in entries[1]["what"]
    assert entries[4]["what"].endswith(", 2 key lines of enquiry")
    assert (entries[5]["why"], entries[26]["why"]) == ("The trial comes first", "Sentencing is pending")
    assert all(e["what"] and e["recorded_at"] for e in entries)
    text = cli.ok("review", "timeline", closed_review)
    for expected in ("nvl.coordinator", "reviewer.a", "Agencies did not share risk"):
        assert expected in text


def test_the_register_lists_the_boards_reviews_with_their_next_deadline(cli: Cli, closed_review: str) -> None:
    # Aware Monday 3 March 2025, notified Wednesday 5 March: the rapid review was due 15 working days later,
    # Wednesday 26 March 2025 (6, 7, 10-14, 17-21, 24, 25, 26 March), and is overdue ever since.
    open_one = cli.json("review", "notify", "--case", "Child L", "--incident", "serious-harm", "--aware-on",
                        "2025-03-03", "--notified-on", "2025-03-05", "--agency", "education")["reference"]  # fmt: skip
    rows = {row["reference"]: row for row in cli.json("review", "list")}
    assert {closed_review, open_one} <= set(rows)
    assert (rows[closed_review]["stage"], rows[closed_review]["next_deadline"]) == ("closed", None)
    assert (rows[open_one]["stage"], rows[open_one]["next_deadline"]) == ("notified", "rapid review")
    assert (rows[open_one]["next_due_on"], rows[open_one]["next_status"], rows[open_one]["next_rag"]) == (
        "2025-03-26",
        "overdue",
        "red",
    )
    overdue = {row["reference"] for row in cli.json("review", "list", "--overdue")}
    assert open_one in overdue
    assert closed_review not in overdue
    text = cli.ok("--as", "admin", "review", "list", "--board", "nvl")
    assert closed_review in text
    assert open_one in text


def test_as_of_shows_what_had_been_recorded_by_that_day(cli: Cli, closed_review: str) -> None:
    today = today_in_england()
    yesterday = str(today - timedelta(days=1))
    # Every step was recorded today, whatever its business date: yesterday the board had recorded nothing.
    assert cli.json("review", "list", "--as-of", yesterday) == []
    assert closed_review in cli.refused("review", "show", closed_review, "--as-of", yesterday)
    assert len(cli.json("review", "timeline", closed_review, "--as-of", str(today))) == 29


def test_a_refused_step_prints_one_error_line_exits_1_and_changes_nothing(cli: Cli) -> None:
    reference = cli.json("review", "notify", "--case", "Child M", "--incident", "death", "--aware-on", "2025-04-01",
                         "--notified-on", "2025-04-02", "--agency", "police")["reference"]  # fmt: skip
    future = str(today_in_england() + timedelta(days=30))
    decide = ["review", "decide", reference, "--decision", "local-review", "--rationale", "R"]
    lines = cli.all_refused(
        [
            ["review", "commission", reference, "--kind", "lcspr", "--methodology", "silp"],
            [*decide, "--on", "2025-04-01"],
            [*decide, "--on", future],
            ["review", "notify", "--case", "child m", "--incident", "death", "--aware-on", "2025-04-01",
             "--agency", "health"],
            ["review", "withhold", reference, "--reason", "Siblings", "--improvement-info", "A summary"],
        ]
    )  # fmt: skip
    assert "first record the rapid review decision" in lines[0]
    assert "before the notification" in lines[1]
    assert "after today" in lines[2]
    assert f"already notified as {reference}" in lines[3]
    assert "cannot decide not to publish" in lines[4]
    assert cli.json("review", "show", reference)["version"] == 1


def test_people_without_a_part_in_a_review_are_refused_with_one_line(cli: Cli, closed_review: str) -> None:
    lines = cli.all_refused(
        [
            ["--as", "emr.coordinator", "review", "show", closed_review],
            ["--as", "national.body", "review", "timeline", closed_review],
            ["--as", "emr.coordinator", "review", "close", closed_review],
            ["board", "add", "WBV", "--name", "Westbrook", "--area", "Westbrook"],
        ]
    )
    assert all("no review" in line for line in lines[:3])
    assert "admins" in lines[3]


def test_bad_input_prints_one_error_line_and_exits_2(cli: Cli) -> None:
    lines = cli.all_refused(
        [
            ["review", "decide", REFERENCE, "--decision", "maybe", "--rationale", "R"],
            ["review", "decide", REFERENCE, "--decision", "local-review", "--rationale", "R", "--on", "2025-02-30"],
            ["review", "notify", "--case", "Child 1234567", "--incident", "death", "--aware-on", "2025-01-06",
             "--agency", "police"],
            ["review", "show", REFERENCE, "--as-of", "last tuesday"],
            ["review", "decide", REFERENCE, "--frobnicate"],
        ],
        exit_code=2,
    )  # fmt: skip
    assert "decision" in lines[0]
    assert "six or more digits" in lines[2]
    assert "--as-of: Input should be a valid date" in lines[3]
    assert "frobnicate" in lines[4]


def test_text_in_square_brackets_is_shown_as_typed(cli: Cli) -> None:
    reference = cli.json("review", "notify", "--case", "Child N", "--incident", "death", "--aware-on", "2025-05-06",
                         "--notified-on", "2025-05-07", "--agency", "police")["reference"]  # fmt: skip
    rationale = "Minutes [redacted] say [bold]more[/bold] than [/] the notes"
    cli.ok("review", "decide", reference, "--decision", "local-review", "--rationale", rationale, "--on", "2025-05-20")
    shown = cli.ok("review", "show", reference)
    assert "[redacted]" in shown
    assert "[/]" in shown
    timeline = cli.ok("review", "timeline", reference)
    assert "[bold]more[/bold]" in timeline
    # A refusal naming a pattern keeps its brackets too.
    assert "[a-z]" in cli.refused("--as", "admin", "user", "add", "x", "--role", "lead-reviewer", exit_code=2)


def test_a_command_with_no_one_acting_is_refused(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "fresh")
    assert "there is no lipp store at" in cli.refused("review", "list", "--board", "NVL")  # nothing set up yet
    cli.ok("setup", "admin")
    (cli.data_dir / "current-user").unlink()  # set up, but no one logged in
    assert "who is acting" in cli.refused("review", "list", "--board", "NVL")


def test_the_demo_seeds_a_history_and_shows_a_register_and_a_timeline(demo_run: DemoRun) -> None:
    out, folder = demo_run.output, demo_run.cli.data_dir
    assert "Reviews of NVL" in out
    assert "Timeline of NVL-" in out
    assert (folder / "lipp.db").exists()
    named = out.split("The national theme digest: open", 1)[1].split("\n\n", 1)[0]  # a long path may wrap
    html = Path(named.replace("\n", "").strip())
    assert html.name == "digest.html" and "National theme digest" in html.read_text()
    digests = [p for p in (folder / "outbox").glob("*.eml") if b"X-Lipp-Digest:" in p.read_bytes()]
    assert digests, "the digest was e-mailed into the outbox folder"


def test_the_cli_refuses_what_the_api_refuses_about_deliveries(cli: Cli) -> None:
    """The same rule as the API (one sight rule): a national body lists no single deliveries, a coordinator
    sees no other board's loop metrics; each a one-line refusal, not an empty answer."""
    refusals = cli.all_refused(
        [
            ["--as", "national.body", "delivery", "list"],
            ["--as", "nvl.coordinator", "learning", "metrics", "--board", "EMR"],
        ]
    )
    assert "may not list deliveries" in refusals[0]
    assert "may not see the loop metrics of EMR" in refusals[1]
    assert cli.json("--as", "nvl.coordinator", "learning", "metrics", "--board", "nvl")["teams_targeted"] == 0
