"""Every recommendation and action-plan endpoint against every kind of caller: who may, who is refused, and how."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from tests.api.conftest import CALLERS, Api
from tests.plans.journeys import agree, recommended, signed_off_with_plan, with_findings

#            admin  nvl.co emr.co rev.a  rev.b  nat    team
RECOMMEND = (403, 201, 404, 201, 404, 404, 404)
ANSWER = (403, 200, 404, 403, 404, 404, 404)
AGREE = (403, 201, 404, 403, 404, 404, 404)
CHANGE_ACTION = (403, 200, 404, 404, 404, 404, 404)
READ_ACTION = (200, 200, 404, 404, 404, 404, 404)
READ_RECOMMENDATIONS = (200, 200, 404, 200, 404, 404, 404)
TRACKER = (200, 200, 403, 403, 403, 403, 403)
CASES = itertools.count(1)


def _cases(row: tuple[int, ...]) -> list[tuple[str, int]]:
    return list(zip(CALLERS, row, strict=True))


@pytest.fixture(scope="module")
def plan(shared_api: Api) -> str:
    """One signed-off review with accepted recommendations, for the tests that agree actions on it."""
    return signed_off_with_plan(shared_api.lipp, shared_api.people, case="Plan case")


def _action(api: Api, plan: str, reported: bool = False) -> str:
    reference = agree(api.lipp, api.people.coordinator, plan).reference
    if reported:
        from lipp.commands.plans import ReportActionCompletion

        api.lipp.plans.report_completion(api.people.coordinator, ReportActionCompletion(action=reference, evidence="x"))
    return reference


def _refused_as_problem(response: Any, status: int) -> None:
    assert response.status_code == status, response.text
    if status >= 400:
        assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(("caller", "status"), _cases(RECOMMEND))
def test_the_appointed_reviewer_and_the_boards_coordinator_record_recommendations(
    shared_api: Api, caller: str, status: int
) -> None:
    reference = with_findings(shared_api.lipp, shared_api.people, case=f"Rec {next(CASES)}")
    body = {"text": "Invite health", "addressed_to": "agency", "sector": "health", "findings": ["F1"]}
    response = shared_api.client.post(
        f"/reviews/{reference}/recommendations", headers=shared_api.as_(caller), json=body
    )
    _refused_as_problem(response, status)
    if status == 201:
        assert response.json()["recommendation"] == "R1"


@pytest.mark.parametrize(("caller", "status"), _cases(ANSWER))
def test_only_the_boards_coordinator_records_the_partnerships_response(
    shared_api: Api, caller: str, status: int
) -> None:
    reference = recommended(shared_api.lipp, shared_api.people, 1, case=f"Answer {next(CASES)}")
    response = shared_api.client.post(
        f"/reviews/{reference}/recommendations/R1/response",
        headers=shared_api.as_(caller),
        json={"response": "accepted"},
    )
    _refused_as_problem(response, status)


@pytest.mark.parametrize(("caller", "status"), _cases(READ_RECOMMENDATIONS))
def test_recommendations_are_read_by_whoever_may_see_the_review(
    shared_api: Api, plan: str, caller: str, status: int
) -> None:
    response = shared_api.client.get(f"/reviews/{plan}/recommendations", headers=shared_api.as_(caller))
    _refused_as_problem(response, status)


@pytest.mark.parametrize(("caller", "status"), _cases(AGREE))
def test_only_the_boards_coordinator_agrees_actions(shared_api: Api, plan: str, caller: str, status: int) -> None:
    body = {
        "recommendation": "R1",
        "agency": "police",
        "owner_role": "Detective Inspector",
        "what": "Brief officers",
        "measure": "Attendance",
        "baseline": "None",
        "due_on": "2026-09-30",
    }
    response = shared_api.client.post(f"/reviews/{plan}/actions", headers=shared_api.as_(caller), json=body)
    _refused_as_problem(response, status)
    if status == 201:
        assert response.headers["location"] == f"/actions/{response.json()['reference']}"


@pytest.mark.parametrize(("caller", "status"), _cases(CHANGE_ACTION))
@pytest.mark.parametrize(
    ("step", "body", "reported"),
    [
        ("progress", {"evidence": "Briefed"}, False),
        ("completion", {"evidence": "Done"}, False),
        ("verification", {"note": "Seen"}, True),
        ("return", {"reason": "No evidence"}, True),
        ("due-date", {"due_on": "2026-12-31", "reason": "Capacity"}, False),
    ],
)
def test_only_the_boards_coordinator_takes_an_actions_steps(
    shared_api: Api, plan: str, step: str, body: dict[str, Any], reported: bool, caller: str, status: int
) -> None:
    action = _action(shared_api, plan, reported)
    response = shared_api.client.post(f"/actions/{action}/{step}", headers=shared_api.as_(caller), json=body)
    _refused_as_problem(response, status)


@pytest.mark.parametrize(("caller", "status"), _cases(READ_ACTION))
def test_an_action_is_read_by_its_boards_coordinators_and_admins(
    shared_api: Api, plan: str, caller: str, status: int
) -> None:
    action = _action(shared_api, plan)
    _refused_as_problem(shared_api.client.get(f"/actions/{action}", headers=shared_api.as_(caller)), status)


@pytest.mark.parametrize(("caller", "status"), _cases(TRACKER))
@pytest.mark.parametrize(
    "path", ["/boards/NVL/actions", "/boards/NVL/actions?overdue=true&agency=health", "/boards/NVL/actions/facts"]
)
def test_the_tracker_and_the_facts_are_read_by_the_boards_coordinators_and_admins(
    shared_api: Api, plan: str, path: str, caller: str, status: int
) -> None:
    _action(shared_api, plan)
    _refused_as_problem(shared_api.client.get(path, headers=shared_api.as_(caller)), status)


def test_bad_input_and_broken_rules_read_as_one_problem_each(shared_api: Api, plan: str) -> None:
    coordinator = shared_api.as_("nvl.coordinator")
    action = _action(shared_api, plan)
    unknown_status = shared_api.client.get("/boards/NVL/actions?status=lost", headers=coordinator)
    assert unknown_status.status_code == 422 and "the status is one of" in unknown_status.json()["detail"]
    not_reported = shared_api.client.post(f"/actions/{action}/verification", headers=coordinator, json={})
    assert not_reported.status_code == 409 and "has not been reported" in not_reported.json()["detail"]
    negative = shared_api.client.post(
        f"/actions/{action}/impact-checks",
        headers=coordinator,
        json={"method": "audit", "before": -1, "after": 2, "narrative": "x"},
    )
    assert negative.status_code == 422
    paged = shared_api.client.get("/boards/NVL/actions?limit=1", headers=coordinator)
    assert paged.status_code == 200 and len(paged.json()) == 1 and int(paged.headers["X-Total-Count"]) >= 2
