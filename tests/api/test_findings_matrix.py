"""Every endpoint the CLI's findings, sharing, markers, reviewer-register and reference commands have, against
every kind of caller: who may, who is refused, and how (401, 403 or 404)."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from lipp.commands import findings as f
from lipp.commands import register as r
from lipp.commands import reviews as c
from lipp.commands.registry import RegisterUser
from lipp.domain.errors import AlreadyExists
from tests.api.conftest import CALLERS, Api
from tests.api.test_authorisation_matrix import _review_ready_for

NEW_REVIEWERS = itertools.count(1)
IN_CONDUCT = "pause"  # a review ready for its pause has agreed terms of reference: reviewer.a is appointed

FINDING = {
    "title": "Risk not shared at the strategy meeting",
    "issue": "Agencies held parts of the picture that were never put together",
    "causes": "No single record of what each agency knew",
    "pattern": "1",
    "themes": ["NT03"],
    "agencies": ["police", "health"],
    "evidence": ["The strategy discussion without health"],
}
# The mother's name is an identifying detail: the redaction check finds it (hit 1).
IDENTIFYING = {**FINDING, "evidence": ["The mother, Sarah Jones, was not asked about the injury"]}

# Expected status per caller. Columns follow CALLERS:
#                   admin  nvl.co emr.co rev.a  rev.b  nat    team
WRITE_FINDING = (403, 403, 404, 200, 404, 404, 404)
LOG_FINDING = (403, 403, 404, 201, 404, 404, 404)
SHARE = (403, 200, 404, 200, 404, 404, 404)
COORDINATOR = (403, 200, 404, 403, 404, 404, 404)
READ_REVIEW = (200, 200, 404, 200, 404, 404, 404)
ANYONE = (200, 200, 200, 200, 200, 200, 200)
ENROL = (201, 403, 403, 403, 403, 403, 403)
OWN_ENTRY = (200, 403, 403, 403, 200, 403, 403)  # changes to reviewer.b's entry
READ_OWN_ENTRY = (200, 200, 200, 404, 200, 404, 404)  # reviewer.b's entry
READ_REGISTER = (200, 200, 200, 403, 403, 403, 403)
MARKER_RESULTS = (200, 200, 200, 403, 403, 200, 403)
EMR_MARKER_RESULTS = (200, 403, 200, 403, 403, 200, 403)  # a coordinator sees their own board's only
ADMIN_ONLY = (200, 403, 403, 403, 403, 403, 403)

Prepare = Callable[[Api], dict[str, str]]


def _in_conduct(api: Api) -> dict[str, str]:
    return {"ref": _review_ready_for(api, IN_CONDUCT)}


def _log(api: Api, reference: str, content: dict[str, Any]) -> str:
    receipt = api.lipp.reviews.log_finding(api.people.reviewer, f.LogFinding(reference=reference, **content))
    return receipt.finding


def _with_finding(api: Api) -> dict[str, str]:
    reference = _review_ready_for(api, IN_CONDUCT)
    return {"ref": reference, "finding": _log(api, reference, FINDING)}


def _with_two_findings(api: Api) -> dict[str, str]:
    values = _with_finding(api)
    values["second"] = _log(api, values["ref"], {**FINDING, "title": "Health not invited"})
    return values


def _with_a_hit(api: Api) -> dict[str, str]:
    reference = _review_ready_for(api, IN_CONDUCT)
    key = _log(api, reference, IDENTIFYING)
    api.lipp.reviews.share_finding(api.people.coordinator, f.ShareFinding(reference=reference, finding=key))
    return {"ref": reference, "finding": key}


def _proposed(api: Api) -> dict[str, str]:
    values = _with_finding(api)
    command = f.ShareFinding(reference=values["ref"], finding=values["finding"])
    api.lipp.reviews.share_finding(api.people.reviewer, command)
    return values


def _approved(api: Api) -> dict[str, str]:
    values = _proposed(api)
    command = f.ApproveSharing(reference=values["ref"], finding=values["finding"], early_reason="National alert")
    api.lipp.reviews.approve_sharing(api.people.coordinator, command)
    return values


def _withheld(api: Api) -> dict[str, str]:
    """A review paused for a criminal trial and resumed: its findings are withheld until released."""
    reference = _review_ready_for(api, IN_CONDUCT)
    pause = c.PauseReview(on=date(2026, 2, 16), reference=reference, process="criminal_trial", reason="Trial")
    api.lipp.reviews.execute(api.people.coordinator, pause)
    api.lipp.reviews.execute(api.people.coordinator, c.ResumeReview(reference=reference, on=date(2026, 2, 17)))
    return {"ref": reference}


def _enrolled(api: Api, username: str) -> None:
    with contextlib.suppress(AlreadyExists):
        api.lipp.reviewers.enrol(api.people.admin, r.EnrolReviewer(username=username, expertise=["neglect"]))


def _reviewer_b(api: Api) -> dict[str, str]:
    _enrolled(api, "reviewer.b")
    return {}


def _reviewer_b_with_conflict(api: Api) -> dict[str, str]:
    _enrolled(api, "reviewer.b")
    command = r.DeclareConflict.model_validate(
        {"username": "reviewer.b", "agency": "housing:Vale Homes", "reason": "Was its board member"}
    )
    view = api.lipp.reviewers.declare_conflict(api.people.admin, command)
    return {"conflict": str(view.conflicts[-1].number)}


def _new_lead_reviewer(api: Api) -> dict[str, str]:
    username = f"reviewer.new{next(NEW_REVIEWERS)}"
    api.lipp.registry.register_user(api.people.admin, RegisterUser(username=username, role="lead_reviewer"))
    return {"user": username}


def _nothing(api: Api) -> dict[str, str]:
    return {}


# (method, path, body, prepare, expected row). `{name}` in the path and in string body values is filled from
# what `prepare` returns.
ENDPOINTS: dict[str, tuple[str, str, dict[str, Any] | None, Prepare, tuple[int, ...]]] = {
    "log finding": ("post", "/reviews/{ref}/findings", FINDING, _in_conduct, LOG_FINDING),
    "revise finding": (
        "post",
        "/reviews/{ref}/findings/{finding}/revision",
        {"title": "Risk held in parts", "reason": "Clearer title"},
        _with_finding,
        WRITE_FINDING,
    ),
    "rank findings": (
        "post",
        "/reviews/{ref}/findings/ranking",
        {"order": ["{second}", "{finding}"], "reason": "Health's absence matters most"},
        _with_two_findings,
        WRITE_FINDING,
    ),
    "withdraw finding": (
        "post",
        "/reviews/{ref}/findings/{finding}/withdrawal",
        {"reason": "Covered by another finding"},
        _with_finding,
        WRITE_FINDING,
    ),
    "share finding": ("post", "/reviews/{ref}/findings/{finding}/sharing", {}, _with_finding, SHARE),
    "confirm false positive": (
        "post",
        "/reviews/{ref}/findings/{finding}/false-positives",
        {"hit": 1, "reason": "A pseudonym the report uses throughout"},
        _with_a_hit,
        COORDINATOR,
    ),
    "approve sharing": (
        "post",
        "/reviews/{ref}/findings/{finding}/approval",
        {"early_reason": "A national alert on this risk"},
        _proposed,
        COORDINATOR,
    ),
    "withdraw sharing approval": (
        "post",
        "/reviews/{ref}/findings/{finding}/approval-withdrawal",
        {"reason": "A partner asked to wait"},
        _approved,
        COORDINATOR,
    ),
    "release findings": (
        "post",
        "/reviews/{ref}/findings/release",
        {"reason": "The trial has concluded"},
        _withheld,
        COORDINATOR,
    ),
    "list findings": ("get", "/reviews/{ref}/findings?withdrawn=true", None, _with_finding, READ_REVIEW),
    "show finding": ("get", "/reviews/{ref}/findings/{finding}", None, _with_finding, READ_REVIEW),
    "shareable findings": ("get", "/reviews/{ref}/shareable-findings", None, _with_finding, READ_REVIEW),
    "redaction check": ("post", "/redaction-check", {"text": "The mother, Sarah Jones"}, _nothing, ANYONE),
    "assess marker": (
        "post",
        "/reviews/{ref}/markers/1",
        {"rating": "met", "evidence": "Seen in the rapid review"},
        _in_conduct,
        COORDINATOR,
    ),
    "list markers": ("get", "/reviews/{ref}/markers", None, _in_conduct, READ_REVIEW),
    "marker guide": ("get", "/quality-markers", None, _nothing, ANYONE),
    "enrol reviewer": (
        "post",
        "/reviewers/{user}/enrolment",
        {"expertise": ["neglect"], "capacity": 2},
        _new_lead_reviewer,
        ENROL,
    ),
    "set expertise": (
        "post",
        "/reviewers/reviewer.b/expertise",
        {"expertise": ["neglect", "police"]},
        _reviewer_b,
        OWN_ENTRY,
    ),
    "record masterclass": (
        "post",
        "/reviewers/reviewer.b/masterclasses",
        {"attended_on": "2026-01-15", "topic": "Writing findings"},
        _reviewer_b,
        OWN_ENTRY,
    ),
    "declare conflict": (
        "post",
        "/reviewers/reviewer.b/conflicts",
        {"agency": "education:Vale Academy", "reason": "Was a governor"},
        _reviewer_b,
        OWN_ENTRY,
    ),
    "withdraw conflict": (
        "post",
        "/reviewers/reviewer.b/conflict-withdrawal",
        {"conflict": "{conflict}", "reason": "No longer a board member"},
        _reviewer_b_with_conflict,
        OWN_ENTRY,
    ),
    "set availability": (
        "post",
        "/reviewers/reviewer.b/availability",
        {"available": True, "capacity": 3},
        _reviewer_b,
        OWN_ENTRY,
    ),
    "list reviewers": ("get", "/reviewers", None, _reviewer_b, READ_REGISTER),
    "show reviewer": ("get", "/reviewers/reviewer.b", None, _reviewer_b, READ_OWN_ENTRY),
    "suitable reviewers": ("get", "/reviews/{ref}/suitable-reviewers?all=true", None, _in_conduct, COORDINATOR),
    "themes": ("get", "/reference/themes?version=1", None, _nothing, ANYONE),
    "search findings": ("get", "/findings?q=strategy+meeting&theme=NT03&pattern=1", None, _with_finding, ANYONE),
    "search findings by board and period": (
        "get",
        "/findings?board=NVL&agency=health&from=2026-01-01&to=2026-12-31&limit=5",
        None,
        _with_finding,
        ANYONE,
    ),
    "marker results": ("get", "/quality-markers/results?from=2026-01-01&to=2026-06-30", None, _nothing, MARKER_RESULTS),
    "marker results of a board": ("get", "/quality-markers/results?board=EMR", None, _nothing, EMR_MARKER_RESULTS),
    "projections status": ("get", "/projections", None, _nothing, ADMIN_ONLY),
    "patterns": ("get", "/reference/patterns", None, _nothing, ANYONE),
}


def _filled(value: Any, values: dict[str, str]) -> Any:
    if isinstance(value, str):
        filled = value.format(**values)
        return int(filled) if value == "{conflict}" else filled
    if isinstance(value, list):
        return [_filled(item, values) for item in value]
    if isinstance(value, dict):
        return {key: _filled(item, values) for key, item in value.items()}
    return value


def _cases() -> list[Any]:
    return [
        pytest.param(name, caller, status, id=f"{name}-{caller}")
        for name, (*_, row) in ENDPOINTS.items()
        for caller, status in zip(CALLERS, row, strict=True)
    ]


@pytest.mark.parametrize(("name", "caller", "status"), _cases())
def test_each_endpoint_is_open_only_to_those_who_may_use_it(
    shared_api: Api, name: str, caller: str, status: int
) -> None:
    method, path, body, prepare, _ = ENDPOINTS[name]
    values = prepare(shared_api)

    response = shared_api.client.request(
        method, _filled(path, values), headers=shared_api.as_(caller), json=_filled(body, values)
    )

    assert response.status_code == status, response.text
    if status >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == status


@pytest.mark.parametrize("name", ENDPOINTS)
def test_every_endpoint_refuses_a_caller_without_a_token(shared_api: Api, name: str) -> None:
    method, path, body, *_ = ENDPOINTS[name]
    values = {"ref": "NVL-2026-001", "finding": "F1", "second": "F2", "user": "reviewer.b", "conflict": "1"}

    response = shared_api.client.request(method, _filled(path, values), json=_filled(body, values))

    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("post", "/reviews/{ref}/findings", {**FINDING, "themes": []}, "themes"),
        ("post", "/reviews/{ref}/findings/X9/revision", {"title": "New", "reason": "Clearer"}, "finding"),
        ("post", "/reviews/{ref}/findings/F1/revision", {"reason": "Nothing changes"}, "request"),
        ("get", "/reviews/{ref}/findings/zz", None, "finding"),
        ("post", "/reviews/{ref}/markers/19", {"rating": "met", "evidence": "Seen"}, "marker"),
        ("post", "/reviews/{ref}/markers/2", {"rating": "perfect", "evidence": "Seen"}, "rating"),
        ("post", "/reviewers/reviewer.b/availability", {"available": True, "capacity": 0}, "capacity"),
        ("get", "/reference/themes?version=0", None, "version"),
        ("get", "/findings?from=last-week", None, "from"),
        ("get", "/findings?q=strategy&limit=0", None, "limit"),
        ("get", "/quality-markers/results?to=2026-13-01", None, "to"),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    shared_api: Api, method: str, path: str, body: dict[str, Any] | None, field: str
) -> None:
    response = shared_api.client.request(
        method, path.format(ref="NVL-2026-001"), headers=shared_api.as_("reviewer.a"), json=body
    )

    assert response.status_code == 422, response.text
    assert field in [error["field"] for error in response.json()["errors"]]
