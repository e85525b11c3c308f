"""The authorisation matrix extended to pages: every caller, signed in with a password, gets from each page the
status its API route gives their token, because both ask the same application methods as the same actor."""

from __future__ import annotations

import re
from typing import Any

import pytest

from lipp.bootstrap import accounts_for
from lipp.commands import reviews as c
from tests.api.conftest import CALLERS, Api
from tests.scenario.journeys import in_conduct

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
        assert shown.headers["cache-control"] == "no-store", page  # pages show case data: no copy is kept
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


def forms_and_routes() -> list[tuple[str, dict[str, str], str, dict[str, object]]]:
    """(a form's page, what it posts, the API route its command runs at, the JSON body the API takes): the
    refusals of each are the same, since both run the same command as the same actor. None of them succeeds
    for any caller, so the shared store is left as it was."""
    due = {"due_on-day": "1", "due_on-month": "3", "due_on-year": "2027"}
    action = {"theme": "NT05", "owner": "Head of practice", "description": "Publish guidance."}
    return [
        ("/app/alliance/actions/new", {**action, **due}, "/alliance/actions", {**action, "due_on": "2027-03-01"}),
        (
            "/app/alliance/actions/NOPE-A9/progress",
            {"note": "Drafted"},
            "/alliance/actions/NOPE-A9/progress",
            {"note": "Drafted"},
        ),
        ("/app/deliveries/ZZZZZ-ZZZZZ/acknowledgement", {}, "/deliveries/ZZZZZ-ZZZZZ/acknowledgement", {}),
        (
            "/app/deliveries/ZZZZZ-ZZZZZ/practice-change",
            {"what_changed": "Daily checks"},
            "/deliveries/ZZZZZ-ZZZZZ/practice-change",
            {"what_changed": "Daily checks"},
        ),
        (
            "/app/admin/users/nobody.here/deactivation",
            {"reason": "Left"},
            "/users/nobody.here/deactivation",
            {"reason": "Left"},
        ),
    ]


def _outcome(status: int) -> str:
    return "done" if status in (200, 201, 303) else str(status)


@pytest.mark.parametrize("caller", CALLERS)
def test_each_form_refuses_each_caller_as_its_api_route_does(shared_api: Api, reference: str, caller: str) -> None:
    client = shared_api.client
    client.cookies.clear()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/app/sign-in").text)
    assert token
    client.post("/app/sign-in", data={"csrf_token": token.group(1), "login": caller, "password": PASSWORD})
    form_token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/app/library").text)
    assert form_token
    for form, posted, route, body in forms_and_routes():
        shown = client.post(form, data={"csrf_token": form_token.group(1), **posted}, follow_redirects=False)
        answered = client.post(route, json=body, headers=shared_api.as_(caller))
        assert _outcome(shown.status_code) == _outcome(answered.status_code), (caller, form, answered.text)
        assert shown.headers["content-type"].startswith("text/html")
        forged = client.post(form, data=posted, follow_redirects=False)  # no form token: refused, nothing runs
        assert forged.status_code == 403, (caller, form)
    client.cookies.clear()


EARLY = "2026-01-01"  # before the board became aware: every step's date rule refuses it, after authorisation


@pytest.fixture(scope="module")
def conducted(shared_api: Api, reference: str) -> str:
    """A review of NVL being conducted by reviewer.a, with finding F1: each form has something to act on."""
    lipp, people = shared_api.lipp, shared_api.people
    from lipp.commands import findings as f

    found = in_conduct(lipp, people, case="Child U")
    finding = f.LogFinding(
        reference=found,
        title="Concerns were not shared",
        issue="Agencies kept what they knew to themselves",
        causes="No shared record",
        pattern="1",
        themes=["NT05"],
        agencies=["police"],  # type: ignore[list-item]
        evidence=["The strategy meeting"],
    )
    lipp.reviews.log_finding(people.reviewer, finding)
    return found


def form_cases(reference: str) -> list[tuple[Any, dict[str, Any]]]:
    """(entry, a valid body every authorised caller is refused by a rule for): what the form and the API both
    get, so the status each answers with comes from authorisation alone."""
    from lipp.interfaces.catalogue import findings, markers, reviews

    early = {"on": EARLY}
    bodies: dict[str, dict[str, Any]] = {
        "review notify": {
            "board": "NVL",
            "case_reference": "Child V",
            "incident_kind": "death",
            "looked_after": False,
            "agencies": ["police"],
            "aware_on": "2026-02-02",
            "notified_on": EARLY,
        },
        "review decide": {"decision": "local_review", "rationale": "Learning", **early},
        "review commission": {"kind": "lcspr", "methodology": "silp", **early},
        "review appoint": {"reviewer": "reviewer.b", **early},
        "review terms": {
            "scope_from": "2025-01-01",
            "scope_to": "2025-06-01",
            "key_lines_of_enquiry": ["Information sharing"],
            "agencies": ["police"],
            **early,
        },
        "review pause": {"process": "inquest", "reason": "The inquest", **early},
        "review explain-delay": {"reason": "The inquest", **early},
        "review sign-off": {"board_response": "Accepted", **early},
        "review defer": {"reason": "Trial", "reconsider_on": "2026-12-01", **early},
        "review publish": {"location": "", **early},
        "review withhold": {"reason": "Risk", "improvement_information": "Summary", **early},
        "finding log": {
            "title": "T",
            "issue": "I",
            "causes": "C",
            "pattern": "1",
            "themes": ["NT05"],
            "agencies": ["police"],
            "evidence": ["E"],
            **early,
        },
        "finding revise": {"reason": "Clearer", "title": "A clearer title", **early},
        "finding rank": {"order": ["F1"], "reason": "Priority", **early},
        "finding withdraw": {"reason": "Duplicate", **early},
        "finding confirm": {"hit": 1, "reason": "Nobody", **early},
        "finding unapprove": {"reason": "Identifies the family", **early},
        "finding release": {"reason": "The trial has ended", **early},
        "marker assess": {"rating": "met", "evidence": "Seen", **early},
    }
    path_values = {"reference": reference, "finding": "F1", "marker": 1}
    entries = reviews.ENTRIES + findings.ENTRIES + markers.ENTRIES
    return [(e, path_values, bodies.get(f"{e.group} {e.name}", early)) for e in entries]  # type: ignore[misc]


def as_form(entry: Any, body: dict[str, Any]) -> dict[str, str]:
    """The body as the form's inputs send it: dates in three parts, lists one per line, flags as 'yes'."""
    from lipp.interfaces.catalogue.forms import fields_of

    sent: dict[str, str] = {}
    for field in fields_of(entry):
        value = body.get(field.name)
        if value is None or field.on_path:
            continue
        if field.widget == "date":
            year, month, day = str(value).split("-")
            sent.update({f"{field.name}-day": day, f"{field.name}-month": month, f"{field.name}-year": year})
        elif field.widget == "many":
            sent[field.name] = "\n".join(str(v) for v in value)
        elif field.widget == "flag":
            if value:
                sent[field.name] = "yes"
        else:
            sent[field.name] = str(value)
    return sent


@pytest.mark.parametrize("caller", CALLERS)
def test_each_form_answers_each_caller_as_its_api_route_does(shared_api: Api, conducted: str, caller: str) -> None:
    from lipp.interfaces.web.forms import page_path

    client = shared_api.client
    client.cookies.clear()
    signed = sign_in(client, caller)
    for entry, values, body in form_cases(conducted):
        api_path = entry.http.path.format(**values)
        answered = client.post(api_path, json=body, headers=shared_api.as_(caller))
        page = page_path(entry).format(**values)
        opened = client.get(page, follow_redirects=False)
        version = re.search(r'name="version" value="(\d+)"', opened.text)
        form = {"csrf_token": signed, **as_form(entry, body), **({"version": version.group(1)} if version else {})}
        sent = client.post(page, data=form, follow_redirects=False)
        assert sent.status_code == answered.status_code, (caller, page, answered.text, sent.text[-600:])
        assert answered.status_code in (403, 404, 409), (caller, api_path, answered.text)  # nothing changed
        assert sent.headers["content-type"].startswith("text/html")
    client.cookies.clear()


def sign_in(client: Any, caller: str) -> str:
    """Sign `caller` in with their password; the session's form token."""
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/app/sign-in").text)
    assert token
    signed = client.post("/app/sign-in", data={"csrf_token": token.group(1), "login": caller, "password": PASSWORD})
    found = re.search(r'name="csrf_token" value="([^"]+)"', signed.text)
    assert found
    return found.group(1)


def form_pages_and_routes(reference: str) -> list[tuple[str, str]]:
    """(a form's page, the API route whose data it shows beside the form)."""
    return [
        (f"/app/reviews/{reference}/decision", f"/reviews/{reference}"),
        (f"/app/reviews/{reference}/lead-reviewer", f"/reviews/{reference}/suitable-reviewers?all=true"),
        (f"/app/reviews/{reference}/findings/new", f"/reviews/{reference}/findings"),
        (f"/app/reviews/{reference}/findings/F1/revision", f"/reviews/{reference}/findings/F1"),
        (f"/app/reviews/{reference}/findings/F9/revision", f"/reviews/{reference}/findings/F9"),
        (f"/app/reviews/{reference}/markers/3", f"/reviews/{reference}/markers"),
        ("/app/reviews/NVL-2026-999/decision", "/reviews/NVL-2026-999"),
    ]


@pytest.mark.parametrize("caller", CALLERS)
def test_each_form_page_opens_for_each_caller_as_its_api_route_answers(
    shared_api: Api, conducted: str, caller: str
) -> None:
    client = shared_api.client
    client.cookies.clear()
    sign_in(client, caller)
    for page, route in form_pages_and_routes(conducted):
        shown = client.get(page, follow_redirects=False)
        answered = client.get(route, headers=shared_api.as_(caller))
        assert shown.status_code == answered.status_code, (caller, page, answered.text)
    notify = client.get("/app/reviews/new", follow_redirects=False)
    assert notify.status_code == (200 if caller.endswith(".coordinator") else 403)  # as POST /reviews allows
    client.cookies.clear()
