"""Every Alliance endpoint against every kind of caller: who may, who is refused, and how."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from lipp.commands.alliance import CommitAction, JoinNationalBody, RegisterNationalBody
from tests.api.conftest import CALLERS, Api

#            admin  nvl.co emr.co rev.a  rev.b  nat    team
READ_ACTIONS = (200, 200, 200, 403, 403, 200, 403)
MEMBERS = (200, 200, 200, 200, 200, 200, 200)
ADMIN_ONLY_CREATE = (201, 403, 403, 403, 403, 403, 403)
ADMIN_ONLY = (200, 403, 403, 403, 403, 403, 403)
COMMIT = (422, 403, 403, 403, 403, 201, 403)  # an admin must name the body; national.body acts for NCB
CHANGE_ACTION = (200, 403, 403, 403, 403, 200, 403)
NUMBERS = itertools.count(1)


@pytest.fixture(scope="module")
def alliance_api(shared_api: Api) -> Api:
    lipp, admin = shared_api.lipp, shared_api.people.admin
    if not lipp.registry.national_bodies():
        lipp.registry.register_national_body(
            admin, RegisterNationalBody(code="NCB", name="National body", digest_email="digest@ncb.example")
        )
        lipp.registry.join_national_body(admin, JoinNationalBody(username="national.body", body="NCB"))
    return shared_api


def _open_action(api: Api) -> str:
    actor = api.lipp.registry.actor_for("national.body")
    command = CommitAction(theme="NT05", owner="Policy lead", description="Guidance", due_on="2026-06-30")
    return api.lipp.alliance.commit(actor, command).reference


def _cases(row: tuple[int, ...]) -> list[tuple[str, int]]:
    return list(zip(CALLERS, row, strict=True))


@pytest.mark.parametrize(("caller", "status"), _cases(READ_ACTIONS))
@pytest.mark.parametrize("path", ["/alliance/actions", "/alliance/actions/{ref}", "/alliance/actions?theme=NT05"])
def test_actions_are_read_by_national_bodies_admins_and_coordinators(
    alliance_api: Api, path: str, caller: str, status: int
) -> None:
    reference = _open_action(alliance_api)
    response = alliance_api.client.get(path.replace("{ref}", reference), headers=alliance_api.as_(caller))
    assert response.status_code == status, response.text


@pytest.mark.parametrize(("caller", "status"), _cases(MEMBERS))
def test_every_user_sees_who_the_members_are(alliance_api: Api, caller: str, status: int) -> None:
    response = alliance_api.client.get("/alliance/members", headers=alliance_api.as_(caller))
    assert response.status_code == status, response.text
    assert [m["code"] for m in response.json()] == ["NCB"]


@pytest.mark.parametrize(("caller", "status"), _cases(COMMIT))
def test_a_member_commits_for_its_own_body(alliance_api: Api, caller: str, status: int) -> None:
    body = {"theme": "NT13", "owner": "Policy lead", "description": "Data sharing guide", "due_on": "2026-09-30"}
    response = alliance_api.client.post("/alliance/actions", headers=alliance_api.as_(caller), json=body)
    assert response.status_code == status, response.text
    if status == 201:
        assert response.json()["body"] == "NCB"
    else:
        assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(("caller", "status"), _cases(CHANGE_ACTION))
@pytest.mark.parametrize(
    ("step", "body"),
    [
        ("progress", {"note": "Draft consulted"}),
        ("completion", {"evidence": "Adopted by partnerships"}),
        ("withdrawal", {"reason": "Superseded"}),
    ],
)
def test_only_the_bodys_members_and_admins_move_an_action_on(
    alliance_api: Api, step: str, body: dict[str, Any], caller: str, status: int
) -> None:
    reference = _open_action(alliance_api)
    response = alliance_api.client.post(
        f"/alliance/actions/{reference}/{step}", headers=alliance_api.as_(caller), json=body
    )
    assert response.status_code == status, response.text
    shown = alliance_api.lipp.alliance.action(alliance_api.people.admin, reference)
    assert (shown.status == "open" and not shown.progress) == (status != 200)


@pytest.mark.parametrize("caller_index", range(len(CALLERS)))
@pytest.mark.parametrize(
    ("path", "body", "row"),
    [
        ("/alliance/members", {"name": "Another body", "digest_email": "d@x.example"}, ADMIN_ONLY_CREATE),
        (
            "/alliance/members/NCB/subscription",
            {"digest_email": "a@ncb.example", "digest_subscribed": True},
            ADMIN_ONLY,
        ),
    ],
)
def test_only_admins_manage_the_membership(
    alliance_api: Api, path: str, body: dict[str, Any], row: tuple[int, ...], caller_index: int
) -> None:
    if path == "/alliance/members":
        body = {**body, "code": "".join(("ZZ", "ABCDEFGHJK"[next(NUMBERS) % 10], "ABCDEFGHJK"[next(NUMBERS) % 10]))}
    else:
        body = {**body, "digest_email": f"n{next(NUMBERS)}@ncb.example"}
    response = alliance_api.client.post(path, headers=alliance_api.as_(CALLERS[caller_index]), json=body)
    assert response.status_code == row[caller_index], response.text


def test_joining_a_body_is_for_admins_and_a_bad_action_reference_is_a_422(api: Api) -> None:
    api.lipp.registry.register_national_body(
        api.people.admin, RegisterNationalBody(code="NCB", name="National body", digest_email="digest@ncb.example")
    )
    refused = api.client.post(
        "/alliance/members/NCB/users", headers=api.as_("national.body"), json={"username": "national.body"}
    )
    assert refused.status_code == 403
    joined = api.client.post(
        "/alliance/members/NCB/users", headers=api.as_("admin"), json={"username": "national.body"}
    )
    assert joined.status_code == 200, joined.text
    assert api.client.get("/me", headers=api.as_("national.body")).json()["national_body"] == "NCB"
    assert api.client.get("/alliance/actions/NCB-7", headers=api.as_("admin")).status_code == 404
    bad = api.client.post("/alliance/actions/not-a-ref/progress", headers=api.as_("admin"), json={"note": "x"})
    assert bad.status_code == 422


@pytest.mark.parametrize(("method", "path"), [("get", "/alliance/actions"), ("post", "/alliance/actions")])
def test_alliance_endpoints_refuse_a_caller_without_a_token(api: Api, method: str, path: str) -> None:
    assert api.client.request(method, path, json={}).status_code == 401
