"""Every endpoint against every kind of caller: who may, who is refused, and how (401, 403 or 404)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from lipp.commands.markers import AssessQualityMarker
from tests.api.conftest import CALLERS, Api

CASE_NUMBERS = itertools.count(1)

# The lifecycle, step by step: (path suffix, body). Dates fit the fixture clock (Monday 2 March 2026).
LIFECYCLE: list[tuple[str, dict[str, Any]]] = [
    ("decision", {"on": "2026-02-10", "decision": "local_review", "rationale": "Learning about risk sharing"}),
    ("commissioning", {"on": "2026-02-11", "kind": "lcspr", "methodology": "silp"}),
    ("lead-reviewer", {"on": "2026-02-12", "reviewer": "reviewer.a"}),
    (
        "terms-of-reference",
        {
            "on": "2026-02-13",
            "scope_from": "2025-01-01",
            "scope_to": "2026-02-02",
            "key_lines_of_enquiry": ["How was risk shared?"],
            "agencies": ["police"],
        },
    ),
    ("pause", {"on": "2026-02-16", "process": "inquest", "reason": "Inquest opened"}),
    ("resumption", {"on": "2026-02-17"}),
    ("draft-report", {"on": "2026-02-18"}),
    ("sign-off", {"on": "2026-02-19", "board_response": "Accepted"}),
    ("panel-copy", {"on": "2026-02-19"}),
    ("publication", {"on": "2026-03-02", "location": "partnership website"}),
    ("closure", {"on": "2026-03-02"}),
]
ALTERNATIVES = {
    "publication-deferral": (
        {"on": "2026-02-20", "reason": "Trial pending", "reconsider_on": "2026-04-01"},
        "publication",
    ),
    "non-publication": (
        {"on": "2026-02-20", "reason": "Would identify siblings", "improvement_information": "Summary of findings"},
        "publication",
    ),
}
APPOINTED_FROM = "terms-of-reference"  # reviewer.a is appointed before this step
# The quality markers a step's gate needs, assessed by the coordinator once the review reaches their stage and
# before the step (through the application: test_findings_matrix covers the marker endpoint), and on which day.
MARKERS_BEFORE = {
    "sign-off": ("2026-02-18", range(1, 14)),  # groups A and B, once the draft is in
    "publication": ("2026-02-19", (14, 16, 17)),  # after the copy to the Panel
}

# Expected status per caller. Columns follow CALLERS:
#            admin  nvl.co emr.co rev.a  rev.b  nat    team
BEFORE_APPOINTMENT = (403, 200, 404, 404, 404, 404, 404)
AFTER_APPOINTMENT = (403, 200, 404, 403, 404, 404, 404)
DRAFT_REPORT = (403, 200, 404, 200, 404, 404, 404)
READ_REVIEW = (200, 200, 404, 200, 404, 404, 404)
NOTIFY = (403, 201, 403, 403, 403, 403, 403)
REGISTER = (200, 200, 403, 403, 403, 403, 403)
BOARDS = (200, 200, 200, 200, 200, 200, 200)
USERS = (200, 200, 200, 403, 403, 403, 403)
ADMIN_ONLY_CREATE = (201, 403, 403, 403, 403, 403, 403)
ADMIN_ONLY = (200, 403, 403, 403, 403, 403, 403)
ME = (200, 200, 200, 200, 200, 200, 200)


def _notify(api: Api, case: str) -> str:
    response = api.client.post(
        "/reviews",
        headers=api.as_("nvl.coordinator"),
        json={
            "board": "NVL",
            "case_reference": case,
            "incident_kind": "death",
            "looked_after": False,
            "agencies": ["police", "health"],
            "aware_on": "2026-02-02",
            "notified_on": "2026-02-04",
        },
    )
    assert response.status_code == 201, response.text
    reference: str = response.json()["reference"]
    return reference


def _review_ready_for(api: Api, step: str) -> str:
    """A fresh review, advanced by its coordinator to just before `step`."""
    reference = _notify(api, f"Child {next(CASE_NUMBERS)}")
    for path, body in LIFECYCLE:
        if path in MARKERS_BEFORE:
            on, markers = MARKERS_BEFORE[path]
            for number in markers:
                command = AssessQualityMarker(
                    reference=reference, on=on, marker=number, rating="met", evidence="Seen in the review's records"
                )
                api.lipp.reviews.execute(api.people.coordinator, command)
        if path == step:
            break
        response = api.client.post(f"/reviews/{reference}/{path}", headers=api.as_("nvl.coordinator"), json=body)
        assert response.status_code == 200, response.text
    return reference


def _step_cases() -> list[tuple[str, dict[str, Any], str, int]]:
    cases = []
    appointed = False
    for path, body in LIFECYCLE:
        appointed = appointed or path == APPOINTED_FROM
        row = DRAFT_REPORT if path == "draft-report" else AFTER_APPOINTMENT if appointed else BEFORE_APPOINTMENT
        cases += [(path, body, caller, status) for caller, status in zip(CALLERS, row, strict=True)]
    for path, (body, _) in ALTERNATIVES.items():
        cases += [(path, body, caller, status) for caller, status in zip(CALLERS, AFTER_APPOINTMENT, strict=True)]
    return cases


@pytest.mark.parametrize(("path", "body", "caller", "status"), _step_cases())
def test_each_review_step_is_open_only_to_those_who_may_take_it(
    shared_api: Api, path: str, body: dict[str, Any], caller: str, status: int
) -> None:
    prerequisite = ALTERNATIVES[path][1] if path in ALTERNATIVES else path
    reference = _review_ready_for(shared_api, prerequisite)
    before = shared_api.lipp.reviews.review(shared_api.people.admin, reference).version

    response = shared_api.client.post(f"/reviews/{reference}/{path}", headers=shared_api.as_(caller), json=body)

    assert response.status_code == status, response.text
    after = shared_api.lipp.reviews.review(shared_api.people.admin, reference).version
    assert after == before + (1 if status == 200 else 0)
    if status != 200:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == status


@pytest.mark.parametrize(("caller", "status"), list(zip(CALLERS, NOTIFY, strict=True)))
def test_only_the_boards_coordinator_may_notify(shared_api: Api, caller: str, status: int) -> None:
    response = shared_api.client.post(
        "/reviews",
        headers=shared_api.as_(caller),
        json={
            "board": "NVL",
            "case_reference": "Child Q",
            "incident_kind": "serious_harm",
            "looked_after": True,
            "agencies": ["police"],
            "aware_on": "2026-02-25",
        },
    )
    assert response.status_code == status, response.text


def _reads() -> list[tuple[str, str, int]]:
    per_endpoint = {
        "/reviews/{ref}": READ_REVIEW,
        "/reviews/{ref}/timeline": READ_REVIEW,
        "/boards/NVL/reviews": REGISTER,
        "/boards/NVL/reviews?stage=in_conduct&overdue=true": REGISTER,
        "/boards/NVL/reviews/counts": REGISTER,
        "/boards": BOARDS,
        "/users": USERS,
        "/me": ME,
    }
    return [
        (path, caller, status)
        for path, row in per_endpoint.items()
        for caller, status in zip(CALLERS, row, strict=True)
    ]


@pytest.mark.parametrize(("path", "caller", "status"), _reads())
def test_each_query_shows_only_what_the_caller_may_see(shared_api: Api, path: str, caller: str, status: int) -> None:
    reference = _review_ready_for(shared_api, "terms-of-reference")  # reviewer.a is appointed

    response = shared_api.client.get(path.replace("{ref}", reference), headers=shared_api.as_(caller))

    assert response.status_code == status, response.text


@pytest.mark.parametrize(
    ("method", "path", "body", "row"),
    [
        (
            "post",
            "/boards",
            {"code": "WBV", "name": "Westbrook Vale Partnership", "area": "Westbrook Vale"},
            ADMIN_ONLY_CREATE,
        ),
        ("post", "/users", {"username": "wbv.new", "role": "lead_reviewer"}, ADMIN_ONLY_CREATE),
        ("post", "/users/reviewer.b/deactivation", {"reason": "Left the register"}, ADMIN_ONLY),
    ],
)
@pytest.mark.parametrize("caller_index", range(len(CALLERS)))
def test_only_admins_change_the_registry(
    api: Api, method: str, path: str, body: dict[str, Any], row: tuple[int, ...], caller_index: int
) -> None:
    response = api.client.request(method, path, headers=api.as_(CALLERS[caller_index]), json=body)
    assert response.status_code == row[caller_index], response.text


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/me"),
        ("get", "/boards"),
        ("get", "/users"),
        ("get", "/reviews/NVL-2026-001"),
        ("get", "/boards/NVL/reviews"),
        ("get", "/boards/NVL/reviews/counts"),
        ("post", "/reviews"),
        ("post", "/reviews/NVL-2026-001/decision"),
        ("post", "/boards"),
        ("post", "/users"),
    ],
)
def test_every_endpoint_refuses_a_caller_without_a_valid_token(api: Api, method: str, path: str) -> None:
    for headers in ({}, {"Authorization": "Bearer lipp_not-a-token"}, {"Authorization": "Basic YWRtaW46YWRtaW4="}):
        response = api.client.request(method, path, headers=headers, json={})
        assert response.status_code == 401, (headers, response.text)
        assert response.headers["www-authenticate"] == "Bearer"


def test_the_register_filters_by_stage_and_counts_each_stage(api: Api) -> None:
    """The coordinator's register over HTTP, as `lipp review list --stage` and `lipp review counts` show it."""
    conducted = _review_ready_for(api, "draft-report")  # terms agreed: in conduct
    decided = _review_ready_for(api, "commissioning")
    notified = _notify(api, f"Child {next(CASE_NUMBERS)}")
    coordinator = api.as_("nvl.coordinator")

    in_conduct = api.client.get("/boards/NVL/reviews", params={"stage": "in_conduct"}, headers=coordinator)
    counts = api.client.get("/boards/NVL/reviews/counts", headers=coordinator)
    bad_stage = api.client.get("/boards/NVL/reviews", params={"stage": "finished"}, headers=coordinator)

    assert [row["reference"] for row in in_conduct.json()] == [conducted]
    assert {c["stage"]: (c["reviews"], c["paused"]) for c in counts.json()} == {
        "notified": (1, 0),
        "decided": (1, 0),
        "in_conduct": (1, 0),
    }, (notified, decided)
    assert [c["stage"] for c in counts.json()] == ["notified", "decided", "in_conduct"], "in process order"
    assert bad_stage.status_code == 422 and "stage" in bad_stage.json()["detail"]


@pytest.mark.parametrize(
    ("method", "path", "status", "says"),
    [
        ("get", "/nowhere", 404, "no endpoint at /nowhere"),
        ("delete", "/reviews", 405, "takes POST"),
        ("get", "/reviews/NVL-2026-001/decision", 405, "takes POST"),
    ],
)
def test_unknown_paths_and_methods_are_problems_too(
    shared_api: Api, method: str, path: str, status: int, says: str
) -> None:
    response = shared_api.client.request(method, path, headers=shared_api.as_("nvl.coordinator"))

    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert says in response.json()["detail"] and response.json()["status"] == status
    if status == 405:
        assert response.headers["allow"] == "POST"
