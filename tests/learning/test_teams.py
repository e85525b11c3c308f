"""Teams: who registers them, what they subscribe to, and who belongs to them."""

from __future__ import annotations

import pytest

from lipp.bootstrap import Lipp
from lipp.commands.registry import ChangeTeamSubscriptions, RegisterUser
from lipp.domain.errors import AlreadyExists, NotAuthorised, NotFound
from lipp.domain.registry.user import TeamMemberNeedsATeam
from tests.conftest import People, register_team


def test_a_coordinator_registers_a_team_of_their_board_with_themes_kept_by_stable_id(
    lipp: Lipp, people: People
) -> None:
    team = register_team(
        lipp, people.coordinator, "NVL-POL-1", "NVL", "police", themes=["Domestic abuse", "nt17"], scopes=["local"]
    )

    assert (team.code, team.board, team.agency) == ("NVL-POL-1", "NVL", "police")
    assert team.themes == ["NT05", "NT17"]
    assert team.scopes == ["local"]
    assert team.team_email == "nvl-pol-1@teams.example"
    assert lipp.registry.team(people.admin, "nvl-pol-1") == team


def test_a_coordinator_may_not_register_or_change_another_boards_teams(lipp: Lipp, people: People) -> None:
    with pytest.raises(NotAuthorised, match="board's coordinator"):
        register_team(lipp, people.other_coordinator, "NVL-POL-1", "NVL", "police")
    register_team(lipp, people.admin, "NVL-POL-1", "NVL", "police")
    with pytest.raises(NotFound):
        lipp.registry.change_subscriptions(people.other_coordinator, ChangeTeamSubscriptions(code="NVL-POL-1"))
    with pytest.raises(NotAuthorised):
        register_team(lipp, people.national_body, "EMR-POL-1", "EMR", "police")


def test_a_team_code_is_registered_once(lipp: Lipp, people: People) -> None:
    register_team(lipp, people.admin, "NVL-POL-1", "NVL", "police")
    with pytest.raises(AlreadyExists, match="NVL-POL-1"):
        register_team(lipp, people.coordinator, "nvl-pol-1", "NVL", "health")


def test_changing_subscriptions_replaces_them_whole(lipp: Lipp, people: People) -> None:
    register_team(lipp, people.admin, "NVL-POL-1", "NVL", "police", themes=["NT05"], agencies=["police"])

    changed = lipp.registry.change_subscriptions(
        people.coordinator, ChangeTeamSubscriptions.model_validate({"code": "NVL-POL-1", "scopes": ["national"]})
    )

    assert (changed.themes, changed.agencies, changed.scopes) == ([], [], ["national"])


def test_a_team_member_belongs_to_one_team_and_sees_only_it(lipp: Lipp, people: People) -> None:
    register_team(lipp, people.admin, "NVL-POL-1", "NVL", "police")
    register_team(lipp, people.admin, "NVL-HEALTH", "NVL", "health")
    with pytest.raises(ValueError, match="needs a team"):
        RegisterUser(username="pc.one", role="team_member")
    lipp.registry.register_user(people.admin, RegisterUser(username="pc.one", role="team_member", team="NVL-POL-1"))

    member = lipp.registry.actor_for("pc.one")

    assert lipp.registry.user("pc.one").team == "NVL-POL-1"
    assert [t.code for t in lipp.registry.teams(member)] == ["NVL-POL-1"]
    assert [t.code for t in lipp.registry.teams(people.coordinator)] == ["NVL-HEALTH", "NVL-POL-1"]
    assert lipp.registry.teams(people.other_coordinator) == []
    with pytest.raises(NotFound):
        lipp.registry.team(member, "NVL-HEALTH")


def test_the_domain_refuses_a_team_member_without_a_team() -> None:
    from datetime import UTC, datetime
    from uuid import uuid4

    from lipp.domain.actors import Role
    from lipp.domain.registry.user import User

    with pytest.raises(TeamMemberNeedsATeam):
        User.register(actor_id=uuid4(), now=datetime.now(UTC), username="x.y", role=Role.TEAM_MEMBER, board_id=None)
