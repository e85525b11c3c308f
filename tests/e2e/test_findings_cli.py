"""The CLI as a lead reviewer and a coordinator use it: findings, redaction, markers and the register."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from lipp.bootstrap import build
from lipp.commands import reviews as c
from lipp.commands.registry import RegisterBoard, RegisterUser
from lipp.config import Settings
from lipp.interfaces.cli.main import app


@dataclass(frozen=True)
class Installation:
    folder: Path
    ref: str


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Installation]:
    """A data folder with a board, its coordinator, two reviewers and a review in conduct, NVL-2026-001."""
    with build(Settings(data_dir=tmp_path, database_url=None)) as lipp:
        lipp.registry.set_up_first_admin("admin")
        admin = lipp.registry.actor_for("admin")
        lipp.registry.register_board(admin, RegisterBoard(code="NVL", name="Northvale Partnership", area="Northvale"))
        lipp.registry.register_user(admin, RegisterUser(username="nvl.coordinator", role="coordinator", board="NVL"))
        for name in ("reviewer.a", "reviewer.b"):
            lipp.registry.register_user(admin, RegisterUser(username=name, role="lead_reviewer"))
        coordinator = lipp.registry.actor_for("nvl.coordinator")
        aware = lipp.reviews.today()
        receipt = lipp.reviews.notify_incident(
            coordinator,
            c.NotifyIncident(
                board="NVL",
                case_reference="Child K",
                incident_kind="serious_harm",
                looked_after=False,
                agencies=["police", "health"],
                aware_on=aware,
            ),
        )
        ref = receipt.reference
        run = lipp.reviews.execute
        run(coordinator, c.RecordRapidReviewDecision(reference=ref, decision="local_review", rationale="Learning"))
        run(coordinator, c.CommissionReview(reference=ref, kind="lcspr", methodology="learning_together"))
        run(coordinator, c.AppointLeadReviewer(reference=ref, reviewer="reviewer.a"))
        run(
            coordinator,
            c.AgreeTermsOfReference(
                reference=ref,
                scope_from=aware - timedelta(days=365),
                scope_to=aware,
                key_lines_of_enquiry=["How was risk shared?"],
                agencies=["police", "health"],
            ),
        )
    yield Installation(tmp_path, ref)


def lipp_cli(folder: Path, user: str, *args: str) -> Result:
    return CliRunner().invoke(app, ["--data-dir", str(folder), "--as", user, *args])


def test_a_reviewer_logs_a_finding_and_the_coordinator_lists_it_as_json(installed: Installation) -> None:
    folder, ref = installed.folder, installed.ref
    logged = lipp_cli(
        folder,
        "reviewer.a",
        "finding", "log", ref,
        "--title", "Contacts mistaken for referrals",
        "--issue", "Practitioners assume a contact was a referral.",
        "--causes", "Forms use the words differently.",
        "--pattern", "1",
        "--theme", "NT13",
        "--agency", "police",
        "--evidence", "A police notification was closed as information only.",
        "--json",
    )  # fmt: skip
    assert logged.exit_code == 0, logged.stdout
    assert json.loads(logged.stdout)["finding"] == "F1"

    listed = json.loads(lipp_cli(folder, "nvl.coordinator", "finding", "list", ref, "--json").stdout)
    assert [(f["key"], f["rank"], f["pattern"]) for f in listed] == [("F1", 1, "human-tool")]


def test_sharing_a_finding_shows_each_hit_with_its_position(installed: Installation) -> None:
    folder, ref = installed.folder, installed.ref
    lipp_cli(
        folder, "reviewer.a", "finding", "log", ref, "--title", "Bruising not referred",
        "--issue", "Sarah's baby had a bruise that no one referred.", "--causes", "Unclear thresholds.",
        "--pattern", "3", "--theme", "NT04", "--agency", "health", "--evidence", "A bruise was noted at a visit.",
    )  # fmt: skip
    shared = lipp_cli(folder, "nvl.coordinator", "finding", "share", ref, "F1")
    assert shared.exit_code == 0
    assert "hits outstanding" in shared.stdout
    assert "person name" in shared.stdout and "0-5" in shared.stdout

    confirmed = lipp_cli(
        folder, "nvl.coordinator", "finding", "confirm", ref, "F1", "--hit", "1", "--reason", "Agreed pseudonym"
    )
    assert "awaiting approval" in confirmed.stdout and "lipp finding approve" in confirmed.stdout
    approved = lipp_cli(
        folder, "nvl.coordinator", "finding", "approve", ref, "F1", "--early-reason", "National alert on bruising"
    )
    assert approved.exit_code == 0, approved.stdout
    assert "shareable" in approved.stdout


def test_assessing_a_marker_shows_its_questions_and_the_gates_list_what_is_missing(installed: Installation) -> None:
    folder, ref = installed.folder, installed.ref
    assessed = lipp_cli(
        folder, "nvl.coordinator", "marker", "assess", ref, "7", "--rating", "met", "--evidence", "Register checked"
    )
    assert assessed.exit_code == 0
    assert "How might you know?" in assessed.stdout
    assert "Is the lead reviewer independent of every agency involved in the case?" in assessed.stdout

    gates = json.loads(lipp_cli(folder, "nvl.coordinator", "marker", "list", ref, "--json").stdout)["gates"]
    assert gates[0]["step"] == "sign-off" and not gates[0]["open"]
    assert len(gates[0]["missing"]) == 12


def test_the_register_refuses_a_conflicted_appointment_on_the_command_line(installed: Installation) -> None:
    folder, ref = installed.folder, installed.ref
    assert lipp_cli(folder, "admin", "reviewer", "enrol", "reviewer.b", "--expertise", "silp").exit_code == 0
    lipp_cli(folder, "reviewer.b", "reviewer", "conflict", "reviewer.b", "--agency", "health", "--reason", "Trust NED")
    suitable = json.loads(lipp_cli(folder, "nvl.coordinator", "reviewer", "suitable", ref, "--all", "--json").stdout)
    assert [(s["username"], s["suitable"]) for s in suitable] == [("reviewer.b", False)]

    refused = lipp_cli(folder, "nvl.coordinator", "review", "appoint", ref, "--reviewer", "reviewer.b")
    assert type(refused.exception).__name__ == "ReviewerHasConflictOfInterest"


def test_the_redaction_check_can_be_tried_on_any_text(installed: Installation) -> None:
    folder = installed.folder
    result = lipp_cli(folder, "nvl.coordinator", "redaction", "check", "Call 07700 900461 today.", "--json")
    assert json.loads(result.stdout) == [{"kind": "phone_number", "start": 5, "end": 17, "text": "07700 900461"}]
