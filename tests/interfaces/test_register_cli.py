"""The CLI a coordinator and an operator use: the register, counts per stage, and the projections' status."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from lipp.bootstrap import Lipp
from lipp.commands import reviews as c
from lipp.interfaces.cli.main import app
from lipp.interfaces.errors import refusal_for
from tests.conftest import People


def run(lipp: Lipp, *args: str) -> tuple[int, str, BaseException | None]:
    options = ["--data-dir", str(lipp.settings.data_dir), "--database-url", lipp.settings.effective_database_url]
    # On PostgreSQL (a shared store) `--as` needs the operator setting; tests of its refusal are in test_cli_identity.
    result = CliRunner().invoke(app, [*options, *args], env={"LIPP_CLI_TRUST_NAMES": "true"})
    return result.exit_code, result.stdout, result.exception


def notify_two(lipp: Lipp, people: People) -> None:
    for case in ("Child K", "Child L"):
        lipp.reviews.notify_incident(
            people.coordinator,
            c.NotifyIncident(
                board="NVL",
                case_reference=case,
                incident_kind="death",
                looked_after=False,
                agencies=["police"],
                aware_on=date(2026, 2, 27),
            ),
        )
    lipp.reviews.decide(
        people.coordinator,
        c.RecordRapidReviewDecision(reference="NVL-2026-002", decision="no_further_review", rationale="Known"),
    )


def test_coordinator_lists_the_register_and_counts_from_the_read_model(lipp: Lipp, people: People) -> None:
    notify_two(lipp, people)

    code, listed, _ = run(lipp, "--as", "nvl.coordinator", "review", "list", "--json")
    _, counted, _ = run(lipp, "--as", "nvl.coordinator", "review", "counts", "--json")
    _, decided, _ = run(lipp, "--as", "nvl.coordinator", "review", "list", "--stage", "decided", "--json")

    assert code == 0
    assert [(r["reference"], r["stage"], r["next_deadline"]) for r in json.loads(listed)] == [
        ("NVL-2026-001", "notified", "rapid review"),
        ("NVL-2026-002", "decided", None),
    ]
    assert json.loads(counted) == [
        {"stage": "notified", "reviews": 1, "paused": 0},
        {"stage": "decided", "reviews": 1, "paused": 0},
    ]
    assert [r["reference"] for r in json.loads(decided)] == ["NVL-2026-002"]


def test_another_boards_coordinator_is_refused_with_one_line(lipp: Lipp, people: People) -> None:
    notify_two(lipp, people)

    _, _, error = run(lipp, "--as", "emr.coordinator", "review", "list", "--board", "NVL")

    refusal = refusal_for(error) if isinstance(error, Exception) else None
    assert refusal is not None and refusal.exit_code == 1
    assert refusal.message == "emr.coordinator (coordinator) may not list NVL's reviews"


def test_operator_sees_the_lag_then_rebuilds(lipp: Lipp, people: People) -> None:
    notify_two(lipp, people)

    _, before, _ = run(lipp, "projections", "status", "--json")
    code, _, _ = run(lipp, "projections", "rebuild")
    _, after, _ = run(lipp, "projections", "status", "--json")

    end = lipp.storage.recorder.max_notification_id()
    assert code == 0
    assert json.loads(before)["review_register"] == {
        "version": 1,
        "position": 0,
        "log_end": end,
        "lag": end,
    }  # made at setup
    assert json.loads(after)["review_register"] == {"version": 1, "position": end, "log_end": end, "lag": 0}
