"""The committed JSON Schemas are what the code generates, and a stale copy is caught."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from lipp.schemas import schema_differences

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def test_the_committed_schemas_match_the_code() -> None:
    assert schema_differences(SCHEMAS) == []


def test_a_schema_that_no_longer_matches_the_code_is_reported(tmp_path: Path) -> None:
    copy = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, copy)
    decision = copy / "commands" / "RecordRapidReviewDecision.json"
    schema = json.loads(decision.read_text())
    schema["properties"]["rationale"]["maxLength"] = 10
    decision.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n")
    assert schema_differences(copy) == ["differs from the code: commands/RecordRapidReviewDecision.json"]


def test_a_missing_schema_and_one_the_code_no_longer_has_are_reported(tmp_path: Path) -> None:
    copy = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, copy)
    (copy / "events" / "Review.Closed.json").unlink()
    (copy / "events" / "Review.Reopened.json").write_text("{}\n")
    assert schema_differences(copy) == [
        "missing: events/Review.Closed.json",
        "no longer in the code: events/Review.Reopened.json",
    ]


def test_an_empty_folder_is_missing_every_schema(tmp_path: Path) -> None:
    differences = schema_differences(tmp_path / "nothing")
    assert differences
    assert all(line.startswith("missing: ") for line in differences)
    assert "missing: commands/NotifyIncident.json" in differences
