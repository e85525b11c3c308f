"""A coordinator confirms a redaction hit identifies nobody, over the app: the review page marks the hit where it
is in the finding's text and links to the confirmation, whose page marks it too; once confirmed, the finding is
shareable. A lead reviewer is offered no such link (the step is the coordinators')."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from lipp.bootstrap import Lipp, accounts_for
from lipp.commands import findings as f
from lipp.interfaces.api.app import create_app
from tests.conftest import People
from tests.scenario.journeys import in_conduct
from tests.web.test_sessions import PASSWORD, token_of

NAME = "Jane Dawlish"


@pytest.fixture
def reference(lipp: Lipp, people: People) -> str:
    found = in_conduct(lipp, people, case="Child W")
    lipp.reviews.log_finding(
        people.reviewer,
        f.LogFinding(
            reference=found,
            title="Concerns were not shared",
            issue=f"Nobody told {NAME} <the carer> about the meeting",  # a name, and markup to escape
            causes="No shared record",
            pattern="1",
            themes=["NT05"],
            agencies=["police"],  # type: ignore[list-item]
            evidence=["The strategy meeting"],
        ),
    )
    lipp.reviews.share_finding(people.reviewer, f.ShareFinding(reference=found, finding="F1"))  # type: ignore[arg-type]
    return found


@pytest.fixture
def client(lipp: Lipp, people: People) -> Iterator[TestClient]:
    for username in ("nvl.coordinator", "reviewer.a"):
        accounts_for(lipp).set_password(people.admin, username, PASSWORD)
    with TestClient(create_app(lambda: lipp), base_url="http://127.0.0.1") as client:
        yield client


def sign_in(client: TestClient, username: str) -> None:
    client.cookies.clear()
    token = token_of(client.get("/app/sign-in").text)
    client.post("/app/sign-in", data={"csrf_token": token, "login": username, "password": PASSWORD})


def test_a_coordinator_confirms_a_hit_with_it_marked_in_the_text(client: TestClient, reference: str) -> None:
    sign_in(client, "nvl.coordinator")
    review = client.get(f"/app/reviews/{reference}").text
    assert re.search(rf'<mark class="lipp-hit">{NAME}<span class="govuk-visually-hidden"> \(hit 1', review)
    assert "&lt;the carer&gt;" in review  # the text around the mark is escaped
    link = f"/app/reviews/{reference}/findings/F1/false-positives?hit=1"
    assert f'href="{link}"' in review
    form = client.get(link).text
    assert f'<mark class="lipp-hit">{NAME}' in form and re.search(r'id="hit" name="hit"[^>]* value="1"', form)
    data = {"csrf_token": token_of(form), "version": re.findall(r'name="version" value="(\d+)"', form)[0]}
    empty = client.post(link.partition("?")[0], data={**data, "hit": "1"})
    assert empty.status_code == 422 and "Enter reason" in empty.text
    done = client.post(link.partition("?")[0], data={**data, "hit": "1", "reason": "An invented name in a draft"})
    assert done.url.path == f"/app/reviews/{reference}" and "Done: Confirm a hit identifies nobody" in done.text
    # cleared of its hit, the finding waits for the board's approval before it travels (ADR 0023)
    assert "Awaiting the board&#39;s approval" in done.text and "lipp-hit--cleared" in done.text


def test_a_lead_reviewer_is_offered_no_confirmation(client: TestClient, reference: str) -> None:
    sign_in(client, "reviewer.a")
    review = client.get(f"/app/reviews/{reference}").text
    assert "<mark" in review and "false-positives" not in review
    refused = client.get(f"/app/reviews/{reference}/findings/F1/false-positives?hit=1")
    assert refused.status_code == 200  # the form shows what GET .../findings shows: the POST is refused
    form = refused.text
    data = {"csrf_token": token_of(form), "version": re.findall(r'name="version" value="(\d+)"', form)[0]}
    sent = client.post(
        f"/app/reviews/{reference}/findings/F1/false-positives", data={**data, "hit": "1", "reason": "x"}
    )
    assert sent.status_code == 403
