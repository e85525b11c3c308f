"""Digest endpoints against every kind of caller: national bodies and admins read digests; others are refused."""

from __future__ import annotations

from datetime import date

import pytest

from lipp.digest.periods import Period
from tests.api.conftest import CALLERS, Api

#            admin  nvl.co emr.co rev.a  rev.b  nat    team
READ_DIGESTS = (200, 403, 403, 403, 403, 200, 403)


@pytest.fixture(scope="module")
def digest_id(shared_api: Api) -> str:
    digests, admin = shared_api.lipp.digests, shared_api.people.admin
    computed = digests.compute(admin, Period(date(2026, 1, 1), date(2026, 3, 31)), digests.catch_up(admin))
    return str(digests.issue(admin, computed).id)


@pytest.mark.parametrize(("caller", "status"), list(zip(CALLERS, READ_DIGESTS, strict=True)))
@pytest.mark.parametrize("path", ["/digests", "/digests/{id}", "/digests/{id}/document"])
def test_digests_are_read_by_national_bodies_and_admins(
    shared_api: Api, digest_id: str, path: str, caller: str, status: int
) -> None:
    response = shared_api.client.get(path.replace("{id}", digest_id), headers=shared_api.as_(caller))
    assert response.status_code == status, response.text
    if status == 200 and path.endswith("document"):
        assert response.json()["period"]["label"] == "2026 Q1"


def test_an_unknown_digest_is_a_404_and_no_token_a_401(shared_api: Api) -> None:
    assert shared_api.client.get("/digests/00000000-unknown", headers=shared_api.as_("admin")).status_code == 404
    assert shared_api.client.get("/digests").status_code == 401
