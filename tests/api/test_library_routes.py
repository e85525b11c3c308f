"""Searching findings and counting marker results over HTTP: each caller sees what the CLI shows them."""

from __future__ import annotations

import dataclasses
from typing import Any

from lipp.commands import findings as f
from lipp.commands.markers import AssessQualityMarker
from lipp.domain.actors import Actor
from tests.api.conftest import Api
from tests.api.test_authorisation_matrix import _review_ready_for
from tests.api.test_findings_matrix import FINDING, IN_CONDUCT, _log


def _as_json(value: Any) -> Any:
    """A DTO as the API sends it: dates as ISO strings, tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _as_json(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_as_json(item) for item in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def test_search_scopes_findings_by_role_as_the_cli_does(shared_api: Api) -> None:
    api, people = shared_api, shared_api.people
    reference = _review_ready_for(api, IN_CONDUCT)
    shared = _log(api, reference, {**FINDING, "title": "Strategy meeting held without health"})
    api.lipp.reviews.share_finding(people.coordinator, f.ShareFinding(reference=reference, finding=shared))
    early = f.ApproveSharing(reference=reference, finding=shared, early_reason="Needed nationally now")
    api.lipp.reviews.approve_sharing(people.coordinator, early)
    _log(api, reference, {**FINDING, "title": "Strategy minutes never circulated"})
    actors: dict[str, Actor] = {
        "admin": people.admin,
        "emr.coordinator": people.other_coordinator,
        "national.body": people.national_body,
    }

    found = {
        caller: api.client.get("/findings", params={"q": "strategy", "board": "NVL"}, headers=api.as_(caller)).json()
        for caller in actors
    }

    admin = {x["title"]: x for x in found["admin"] if x["review"] == reference}
    assert set(admin) == {"Strategy meeting held without health", "Strategy minutes never circulated"}
    assert all(x["case_reference"] for x in admin.values())
    for outsider in ("emr.coordinator", "national.body"):
        assert all(x["shareable"] and x["case_reference"] is None and x["evidence"] == [] for x in found[outsider])
        assert "Strategy minutes never circulated" not in {x["title"] for x in found[outsider]}
    national = [x for x in found["national.body"] if x["title"] == "Strategy meeting held without health"]
    assert national and all(x["review"] == reference.rsplit("-", 1)[0] for x in national), "board and year only"
    for caller, actor in actors.items():
        expected = api.lipp.library.search_findings(actor, "strategy", board="NVL")
        assert found[caller] == _as_json(expected), caller


def test_marker_results_count_what_the_cli_counts(shared_api: Api) -> None:
    api, people = shared_api, shared_api.people
    reference = _review_ready_for(api, IN_CONDUCT)
    command = AssessQualityMarker(reference=reference, marker=3, rating="met", evidence="Seen in the records")
    api.lipp.reviews.execute(people.coordinator, command)

    national = api.client.get("/quality-markers/results", headers=api.as_("national.body")).json()
    own = api.client.get("/quality-markers/results", headers=api.as_("nvl.coordinator")).json()

    assert national == _as_json(api.lipp.marker_results.marker_results(people.national_body))
    assert own == _as_json(api.lipp.marker_results.marker_results(people.coordinator))
    assert [r["marker"] for r in national] == list(range(1, 19))
    assert own[2]["met"] >= 1
    assert isinstance(national[2]["met"], str) or national[2]["met"] >= 5  # small counts hidden nationally


def test_projection_status_shows_every_read_model_caught_up(shared_api: Api) -> None:
    api = shared_api
    api.client.get("/findings", headers=api.as_("admin"))  # reading catches these two up
    api.client.get("/quality-markers/results", headers=api.as_("admin"))

    states = {s["name"]: s for s in api.client.get("/projections", headers=api.as_("admin")).json()}

    assert set(states) == {p.name for p in api.lipp.projections}
    assert states["findings_library"]["lag"] == states["marker_results"]["lag"] == 0
    assert states["findings_library"]["log_end"] == api.lipp.storage.recorder.max_notification_id()
    assert all(s["lag"] == s["log_end"] - (s["position"] or 0) for s in states.values())
