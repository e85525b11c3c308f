"""Every team, briefing, delivery and metrics endpoint against every kind of caller. team.member belongs to
NVL-CSC, an NVL team taking every theme, local and national."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from lipp.commands.learning import AcknowledgeDelivery, RecordDiscussion, ReportPracticeChange
from lipp.domain.clock import SettableClock
from lipp.learning.generate import ClearedFinding, DigestSummary, DigestTheme
from tests.api.conftest import CALLERS, Api
from tests.learning.journeys import published

CASES = itertools.count(100)
DIGESTS = itertools.count(1)

#        admin  nvl.co emr.co rev.a  rev.b  nat    team
TEAMS = (200, 200, 200, 403, 403, 200, 200)
TEAMS_OF_NVL = (200, 200, 403, 403, 403, 200, 200)  # another board's coordinator is refused, not shown none
ADD_TEAM = (201, 201, 403, 403, 403, 403, 403)
SHOW_TEAM = (200, 200, 404, 404, 404, 200, 200)
SUBSCRIBE = (200, 200, 404, 404, 404, 403, 403)
EVERYONE = (200, 200, 200, 200, 200, 200, 200)
DRAFT_REVIEW = (403, 201, 404, 404, 404, 404, 404)
DRAFT_THEME = (403, 403, 403, 403, 403, 201, 403)
READ_LOCAL_BRIEFING = (200, 200, 404, 404, 404, 200, 200)
EDIT_LOCAL_DRAFT = (403, 200, 404, 404, 404, 403, 404)
RELEASE_LOCAL = (403, 200, 404, 404, 404, 403, 404)
LIST_DELIVERIES = (200, 200, 200, 403, 403, 403, 200)  # only those who may see a delivery's detail
SHOW_DELIVERY = (200, 200, 404, 404, 404, 404, 200)
TEAM_STEP = (403, 403, 404, 404, 404, 404, 200)
VERIFY = (403, 200, 404, 404, 404, 404, 403)
METRICS = (200, 200, 200, 403, 403, 200, 403)
METRICS_OF_NVL = (200, 200, 403, 403, 403, 200, 403)  # another board's coordinator is refused, not shown zeros
SEES_REVIEW_REFERENCE = (True, True, None, None, None, False, True)  # None: may not read the briefing at all
BOARD_CONTACT = (200, 200, 403, 403, 403, 403, 403)


def _rows(row: tuple[int, ...]) -> list[tuple[str, int]]:
    return list(zip(CALLERS, row, strict=True))


def _published(api: Api) -> str:
    clock = api.lipp.clock
    assert isinstance(clock, SettableClock)
    return published(api.lipp, api.people, clock, case=f"Child {next(CASES)}")


def _draft(api: Api) -> str:
    response = api.client.post(
        "/briefings/from-review", headers=api.as_("nvl.coordinator"), json={"reference": _published(api)}
    )
    assert response.status_code == 201, response.text
    key: str = response.json()["key"]
    return key


def _national_delivery(api: Api) -> str:
    """A fresh national briefing (from a digest's plain data) released to every team: NVL-CSC's code."""
    digest = DigestSummary(
        digest_id=f"digest-{next(DIGESTS)}",
        period="2026 Q1",
        themes=(DigestTheme("NT13", "Information sharing", 4, 0.4),),
        exemplars=(ClearedFinding("Referrals lost", "Referrals were not followed up.", "No owner.", ("NT13",)),),
    )
    national = api.people.national_body
    document = api.lipp.learning.draft_from_digest(national, digest)
    api.client.post(f"/briefings/{document.key}/release", headers=api.as_("national.body")).raise_for_status()
    rows = api.lipp.deliveries.deliveries(api.people.admin, briefing=document.key)
    return next(row.code for row in rows if row.team == "NVL-CSC")


@pytest.fixture(scope="module")
def released_key(shared_api: Api) -> str:
    key = _draft(shared_api)
    shared_api.client.post(f"/briefings/{key}/release", headers=shared_api.as_("nvl.coordinator")).raise_for_status()
    return key


@pytest.fixture(scope="module")
def draft_key(shared_api: Api) -> str:
    return _draft(shared_api)


@pytest.mark.parametrize(("caller", "status"), _rows(TEAMS))
def test_listing_teams(shared_api: Api, caller: str, status: int) -> None:
    assert shared_api.client.get("/teams", headers=shared_api.as_(caller)).status_code == status


@pytest.mark.parametrize(("caller", "status"), _rows(TEAMS_OF_NVL))
def test_listing_one_boards_teams(shared_api: Api, caller: str, status: int) -> None:
    response = shared_api.client.get("/teams?board=NVL", headers=shared_api.as_(caller))
    assert response.status_code == status, response.text
    if status == 200:
        assert "NVL-CSC" in {row["code"] for row in response.json()}


@pytest.mark.parametrize(("caller", "status"), _rows(ADD_TEAM))
def test_registering_a_team(shared_api: Api, caller: str, status: int) -> None:
    body = {
        "code": f"NVL-{caller.upper().replace('.', '-')}",
        "name": "A team",
        "agency": "police",
        "board": "NVL",
        "manager_email": "manager@teams.example",
        "team_email": "team@teams.example",
    }
    response = shared_api.client.post("/teams", headers=shared_api.as_(caller), json=body)
    assert response.status_code == status, response.text


@pytest.mark.parametrize(("caller", "status"), _rows(SHOW_TEAM))
def test_showing_a_team(shared_api: Api, caller: str, status: int) -> None:
    assert shared_api.client.get("/teams/NVL-CSC", headers=shared_api.as_(caller)).status_code == status


@pytest.mark.parametrize(("caller", "status"), _rows(SUBSCRIBE))
def test_changing_a_teams_subscriptions(shared_api: Api, caller: str, status: int) -> None:
    response = shared_api.client.put(
        "/teams/NVL-CSC/subscriptions", headers=shared_api.as_(caller), json={"scopes": ["local", "national"]}
    )
    assert response.status_code == status, response.text


@pytest.mark.parametrize(("caller", "status"), _rows(BOARD_CONTACT))
def test_setting_a_boards_learning_mailbox(shared_api: Api, caller: str, status: int) -> None:
    response = shared_api.client.put(
        "/boards/NVL/learning-contact", headers=shared_api.as_(caller), json={"email": "learning@nvl.example"}
    )
    assert response.status_code == status, response.text


@pytest.mark.parametrize(("caller", "status"), _rows(EVERYONE))
def test_listing_briefings(shared_api: Api, caller: str, status: int) -> None:
    assert shared_api.client.get("/briefings", headers=shared_api.as_(caller)).status_code == status


@pytest.mark.parametrize(("caller", "status"), _rows(DRAFT_REVIEW))
def test_drafting_from_a_review(shared_api: Api, caller: str, status: int) -> None:
    reference = _published(shared_api)
    response = shared_api.client.post(
        "/briefings/from-review", headers=shared_api.as_(caller), json={"reference": reference}
    )
    assert response.status_code == status, response.text


@pytest.mark.parametrize(("caller", "status"), _rows(DRAFT_THEME))
def test_drafting_from_a_theme(shared_api: Api, released_key: str, caller: str, status: int) -> None:
    response = shared_api.client.post("/briefings/from-theme", headers=shared_api.as_(caller), json={"theme": "NT04"})
    assert response.status_code == status, response.text


@pytest.mark.parametrize("path", ["/briefings/{key}", "/briefings/{key}/rendering"])
@pytest.mark.parametrize(("caller", "status"), _rows(READ_LOCAL_BRIEFING))
def test_reading_a_released_local_briefing(
    shared_api: Api, released_key: str, path: str, caller: str, status: int
) -> None:
    response = shared_api.client.get(path.format(key=released_key), headers=shared_api.as_(caller))
    assert response.status_code == status, response.text


@pytest.mark.parametrize(("caller", "status"), _rows(EDIT_LOCAL_DRAFT))
def test_editing_a_draft(shared_api: Api, draft_key: str, caller: str, status: int) -> None:
    response = shared_api.client.patch(
        f"/briefings/{draft_key}", headers=shared_api.as_(caller), json={"title": f"Edited by {caller}"}
    )
    assert response.status_code == status, response.text


@pytest.mark.parametrize(("caller", "status"), _rows(RELEASE_LOCAL))
def test_releasing_a_draft(shared_api: Api, draft_key: str, caller: str, status: int) -> None:
    key = _draft(shared_api) if status == 200 else draft_key
    response = shared_api.client.post(f"/briefings/{key}/release", headers=shared_api.as_(caller))
    assert response.status_code == status, response.text


@pytest.mark.parametrize(("caller", "status"), _rows(LIST_DELIVERIES))
def test_listing_deliveries_shows_only_what_the_caller_may_see(
    shared_api: Api, released_key: str, caller: str, status: int
) -> None:
    response = shared_api.client.get("/deliveries", headers=shared_api.as_(caller))
    assert response.status_code == status, response.text
    if caller == "team.member":
        assert {row["team"] for row in response.json()} == {"NVL-CSC"}
    if caller == "emr.coordinator":
        assert {row["board"] for row in response.json()} <= {"EMR"}


@pytest.mark.parametrize(("caller", "status"), _rows(SHOW_DELIVERY))
def test_showing_a_delivery(shared_api: Api, caller: str, status: int) -> None:
    code = _national_delivery(shared_api)
    assert shared_api.client.get(f"/deliveries/{code}", headers=shared_api.as_(caller)).status_code == status


def _ready_for(api: Api, step: str) -> str:
    code = _national_delivery(api)
    member = api.lipp.registry.actor_for("team.member")
    learning = api.lipp.learning
    if step in ("discussion", "practice-change", "verification"):
        learning.acknowledge(member, AcknowledgeDelivery(code=code))
    if step in ("practice-change", "verification"):
        learning.record_discussion(member, RecordDiscussion(code=code, reflections="Discussed at the team meeting"))
    if step == "verification":
        learning.report_change(member, ReportPracticeChange(code=code, what_changed="Referrals are chased daily"))
    return code


STEPS: dict[str, tuple[dict[str, Any], tuple[int, ...]]] = {
    "acknowledgement": ({}, TEAM_STEP),
    "discussion": ({"reflections": "We discussed it"}, TEAM_STEP),
    "practice-change": ({"what_changed": "Referrals are chased daily"}, TEAM_STEP),
    "verification": ({"note": "Seen in the audit"}, VERIFY),
}


@pytest.mark.parametrize(
    ("step", "caller", "status"),
    [(step, caller, status) for step, (_, row) in STEPS.items() for caller, status in _rows(row)],
)
def test_each_delivery_step_is_open_only_to_those_who_may_take_it(
    shared_api: Api, step: str, caller: str, status: int
) -> None:
    code = _ready_for(shared_api, step)
    before = shared_api.lipp.learning.delivery(shared_api.people.admin, code).history

    response = shared_api.client.post(f"/deliveries/{code}/{step}", headers=shared_api.as_(caller), json=STEPS[step][0])

    assert response.status_code == status, response.text
    after = shared_api.lipp.learning.delivery(shared_api.people.admin, code).history
    assert len(after) == len(before) + (1 if status == 200 else 0)


@pytest.mark.parametrize(("caller", "status"), _rows(METRICS))
def test_loop_metrics(shared_api: Api, caller: str, status: int) -> None:
    assert shared_api.client.get("/learning/metrics", headers=shared_api.as_(caller)).status_code == status


@pytest.mark.parametrize(("caller", "status"), _rows(METRICS_OF_NVL))
def test_loop_metrics_of_one_board(shared_api: Api, caller: str, status: int) -> None:
    response = shared_api.client.get("/learning/metrics?board=nvl", headers=shared_api.as_(caller))
    assert response.status_code == status, response.text


@pytest.mark.parametrize(("caller", "sees"), list(zip(CALLERS, SEES_REVIEW_REFERENCE, strict=True)))
def test_only_readers_inside_the_board_see_the_review_reference(
    shared_api: Api, released_key: str, caller: str, sees: bool | None
) -> None:
    """National readers see the board's code and year; the key (an identifier) is left out of the search."""
    document = shared_api.client.get(f"/briefings/{released_key}", headers=shared_api.as_(caller))
    if sees is None:
        assert document.status_code == 404
        return
    reference = shared_api.lipp.learning.briefing(shared_api.people.admin, released_key).source_reference
    listed = shared_api.client.get("/briefings", headers=shared_api.as_(caller)).json()
    summary = next(row for row in listed if row["key"] == released_key)
    rendered = [
        shared_api.client.get(f"/briefings/{released_key}/rendering?format={f}", headers=shared_api.as_(caller)).text
        for f in ("html", "markdown", "text")
    ]
    texts = [
        *(str(v) for k, v in document.json().items() if k != "key"),
        *(str(v) for k, v in summary.items() if k != "key"),
        *(text.replace(released_key, "") for text in rendered),
    ]
    carried = any(reference.lower() in text.lower() for text in texts)
    assert carried is sees
    if not sees:
        board, year = reference.split("-")[:2]
        assert document.json()["source_reference"] == f"{board}-{year}"  # as the findings library shows it


def test_each_listed_delivery_is_one_the_caller_may_see_in_detail(shared_api: Api, released_key: str) -> None:
    """The list and the detail follow one rule: whatever a caller lists they may open, and every delivery they
    may open they find in the list."""
    codes = [_national_delivery(shared_api) for _ in range(2)]
    every = shared_api.client.get("/deliveries", headers=shared_api.as_("admin")).json()
    for caller in CALLERS:
        listing = shared_api.client.get("/deliveries", headers=shared_api.as_(caller))
        listed = {row["code"] for row in listing.json()} if listing.status_code == 200 else set()
        showable = {
            row["code"]
            for row in every
            if shared_api.client.get(f"/deliveries/{row['code']}", headers=shared_api.as_(caller)).status_code == 200
        }
        assert listed == showable, caller
    assert set(codes) <= {row["code"] for row in every}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/teams"),
        ("post", "/teams"),
        ("get", "/briefings"),
        ("post", "/briefings/from-review"),
        ("post", "/briefings/review-nvl-2026-001/release"),
        ("get", "/deliveries"),
        ("post", "/deliveries/AAAAA-BBBBB/acknowledgement"),
        ("get", "/learning/metrics"),
    ],
)
def test_every_learning_endpoint_refuses_a_caller_without_a_valid_token(api: Api, method: str, path: str) -> None:
    response = api.client.request(method, path, headers={"Authorization": "Bearer lipp_not-a-token"}, json={})
    assert response.status_code == 401, response.text
