"""The authorisation matrix extended to pages: every caller, signed in with a password, gets from each page the
status its API route gives their token, because both ask the same application methods as the same actor."""

from __future__ import annotations

import re

import pytest

from lipp.accounts.building import accounts_for
from lipp.commands import reviews as c
from tests.api.conftest import CALLERS, Api

PASSWORD = "copper willow harbour 5"


@pytest.fixture(scope="module")
def reference(shared_api: Api) -> str:
    """A review of NVL with reviewer.a appointed, so each role's access differs."""
    lipp, people = shared_api.lipp, shared_api.people
    command = c.NotifyIncident(
        board="NVL",
        case_reference="Child P",
        incident_kind="death",
        looked_after=False,
        agencies=["police"],
        aware_on="2026-02-02",  # type: ignore[arg-type]
    )
    found = lipp.reviews.notify_incident(people.coordinator, command).reference
    lipp.reviews.execute(
        people.coordinator, c.RecordRapidReviewDecision(reference=found, decision="local_review", rationale="Learning")
    )
    lipp.reviews.execute(people.coordinator, c.CommissionReview(reference=found, kind="lcspr", methodology="silp"))
    lipp.reviews.execute(people.coordinator, c.AppointLeadReviewer(reference=found, reviewer="reviewer.a"))
    shared_api.client.base_url = "https://testserver"  # the session cookie is Secure off loopback
    accounts = accounts_for(lipp)
    for caller in CALLERS:
        accounts.set_password(people.admin, caller, PASSWORD)
    return found


def pages_and_routes(reference: str) -> list[tuple[str, str]]:
    """(page, the API route it shows): the same data, the same authorisation."""
    return [
        (f"/app/reviews/{reference}", f"/reviews/{reference}"),
        (
            f"/app/reviews/{reference}?as-of-day=20&as-of-month=2&as-of-year=2026",
            f"/reviews/{reference}?as_of=2026-02-20",
        ),
        ("/app/boards/NVL", "/boards/NVL/reviews"),
        ("/app/boards/EMR", "/boards/EMR/reviews"),
        ("/app/boards/NOPE", "/boards/NOPE/reviews"),
        ("/app/reviews/NVL-2026-999", "/reviews/NVL-2026-999"),
        ("/app/deliveries", "/deliveries"),
        ("/app/deliveries/ZZZZ-ZZZZ", "/deliveries/ZZZZ-ZZZZ"),
        ("/app/library", "/findings"),
        ("/app/library?q=sharing&board=NVL&year=2026", "/findings?q=sharing&board=NVL&from=2026-01-01&to=2026-12-31"),
        ("/app/library?theme=no-such-theme", "/findings?theme=no-such-theme"),
        ("/app/digests", "/digests"),
        (f"/app/digests/{NO_DIGEST}", f"/digests/{NO_DIGEST}"),
        (f"/app/digests/{NO_DIGEST}/digest.json", f"/digests/{NO_DIGEST}/document"),
        ("/app/marker-results", "/quality-markers/results"),
        ("/app/marker-results?board=EMR", "/quality-markers/results?board=EMR"),
        ("/app/alliance/actions", "/alliance/actions"),
        ("/app/alliance/actions?status=overdue", "/alliance/actions?status=overdue"),
        ("/app/alliance/actions/NOPE-2026-1", "/alliance/actions/NOPE-2026-1"),
        ("/app/admin/users", "/users"),
        ("/app/admin/boards", "/boards"),
        ("/app/admin/reviewers", "/reviewers"),
        ("/app/admin/national-bodies", "/alliance/members"),
        ("/app/admin/read-models", "/projections"),
    ]


NO_DIGEST = "00000000-0000-4000-8000-000000000000"
ADMIN_ONLY = ("/app/admin/tokens", "/app/admin/outbox")  # no API route: the operator's commands (`lipp outbox`)


@pytest.mark.parametrize("caller", CALLERS)
def test_each_page_answers_each_caller_as_its_api_route_does(shared_api: Api, reference: str, caller: str) -> None:
    client = shared_api.client
    client.cookies.clear()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/app/sign-in").text)
    assert token
    signed = client.post("/app/sign-in", data={"csrf_token": token.group(1), "login": caller, "password": PASSWORD})
    assert signed.status_code == 200 and "Sign out" in signed.text
    for page, route in pages_and_routes(reference):
        shown = client.get(page, follow_redirects=False)
        answered = client.get(route, headers=shared_api.as_(caller))
        assert shown.status_code == answered.status_code, (caller, page, answered.text)
        assert shown.headers["content-type"].startswith("text/html")
    for admin_page in ADMIN_ONLY:
        assert client.get(admin_page).status_code == (200 if caller == "admin" else 403), (caller, admin_page)
    mine = client.get("/app/my-reviews", follow_redirects=False)
    assert mine.status_code == (200 if caller.startswith("reviewer.") else 403)
    assert (reference in mine.text) == (caller == "reviewer.a")
    client.cookies.clear()


def test_pages_need_a_signed_in_person(shared_api: Api, reference: str) -> None:
    shared_api.client.cookies.clear()
    for page in [shown for shown, _ in pages_and_routes(reference)] + list(ADMIN_ONLY):
        response = shared_api.client.get(page, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/app/sign-in?next=")
