"""List routes page: `limit` and `offset` pick a slice of the same bare JSON list as before, the headers say
how many there are in all and link the next and previous pages, and bad paging is refused with a 422."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lipp.projections.paging import DEFAULT_LIMIT, MAX_LIMIT
from tests.api.conftest import Api
from tests.conftest import register_team

TEAMS = 37
LIST_ROUTES = (
    "/boards",
    "/users",
    "/teams",
    "/alliance/members",
    "/alliance/actions",
    "/reviewers",
    "/briefings",
    "/deliveries",
    "/digests",
    "/boards/NVL/reviews",
)


@pytest.fixture(scope="module")
def teams_api(shared_api: Api) -> Iterator[Api]:
    for number in range(TEAMS - 1):  # the shared cast has NVL-CSC already
        register_team(shared_api.lipp, shared_api.people.admin, f"NVL-T{number:02d}", "NVL")
    yield shared_api


def _get(api: Api, path: str, **params: int) -> tuple[list[str], dict[str, str]]:
    response = api.client.get(path, params=params, headers=api.as_("admin"))
    assert response.status_code == 200, response.text
    body = response.json()
    assert isinstance(body, list)
    return [team["code"] for team in body], dict(response.headers)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(limit=st.integers(min_value=0, max_value=45), offset=st.integers(min_value=0, max_value=45))
def test_a_page_of_teams_is_the_slice_and_its_headers_say_so(teams_api: Api, limit: int, offset: int) -> None:
    every, _ = _get(teams_api, "/teams")
    assert len(every) == TEAMS and every == sorted(every)
    codes, headers = _get(teams_api, "/teams", limit=limit, offset=offset)
    assert codes == every[offset : offset + limit]
    assert headers["x-total-count"] == str(TEAMS)
    assert (headers["x-offset"], headers["x-limit"]) == (str(offset), str(limit))
    links = headers.get("link", "")
    assert ('rel="next"' in links) == (limit > 0 and offset + limit < TEAMS)
    assert ('rel="prev"' in links) == (offset > 0)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(limit=st.integers(min_value=1, max_value=40))
def test_following_the_next_links_reaches_every_team_once(teams_api: Api, limit: int) -> None:
    every, _ = _get(teams_api, "/teams")
    seen: list[str] = []
    url: str | None = f"/teams?limit={limit}"
    while url is not None:
        response = teams_api.client.get(url, headers=teams_api.as_("admin"))
        seen.extend(team["code"] for team in response.json())
        found = re.search(r'<([^>]+)>; rel="next"', response.headers.get("link", ""))
        url = found.group(1) if found else None
    assert seen == every


def test_without_paging_a_list_is_its_first_page_of_the_default_size(teams_api: Api) -> None:
    codes, headers = _get(teams_api, "/teams")
    assert len(codes) == min(TEAMS, DEFAULT_LIMIT) and headers["x-limit"] == str(DEFAULT_LIMIT)


@pytest.mark.parametrize("path", LIST_ROUTES)
@pytest.mark.parametrize("params", [{"limit": -1}, {"offset": -1}, {"limit": MAX_LIMIT + 1}, {"limit": "many"}])
def test_bad_paging_is_refused_on_every_list(teams_api: Api, path: str, params: dict[str, object]) -> None:
    response = teams_api.client.get(path, params=params, headers=teams_api.as_("admin"))
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert next(iter(params)) in response.text


@pytest.mark.parametrize("path", LIST_ROUTES)
def test_every_list_route_still_answers_a_bare_list_and_counts_it(teams_api: Api, path: str) -> None:
    response = teams_api.client.get(path, params={"limit": 1}, headers=teams_api.as_("admin"))
    assert response.status_code == 200, response.text
    assert isinstance(response.json(), list) and len(response.json()) <= 1
    assert int(response.headers["x-total-count"]) >= len(response.json())
