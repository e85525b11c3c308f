"""The directory's rows hold what the aggregates hold, for any sequence of steps: each generated history is
run through the real aggregate, and its events through the directory's handlers, and the two views agree."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any
from uuid import UUID

from hypothesis import given
from hypothesis import strategies as st

from lipp.application.alliance_views import action_row_view, action_view
from lipp.application.register_views import profile_row_view, profile_view
from lipp.domain.actors import Role
from lipp.domain.alliance.action import AllianceAction
from lipp.domain.identifiers import board_id_for, national_body_id_for, user_id_for
from lipp.domain.register.profile import ReviewerProfile
from lipp.domain.registry.team import Scope, Subscriptions, Team, TeamAgency
from lipp.domain.registry.user import User
from lipp.domain.review.vocabulary import Agency, AgencySector
from lipp.projections.directory.projection import DirectoryProjection
from lipp.projections.directory.registry_rows import DirectoryPart

ADMIN = user_id_for("admin")
NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)
TODAY = date(2026, 3, 2)
words = st.text(alphabet="abcdefghij klm", min_size=1, max_size=12).map(str.strip).filter(bool)
# Text an Alliance action carries travels nationally and passes the redaction check, which takes a word that is
# not English for a possible name: owners and notes are drawn from what people write there, in any case.
ROLES = (
    "Head of Safeguarding Policy",
    "national practice adviser",
    "Learning and Quality Lead",
    "policy team",
    "Head of Practice Learning",
    "Director of Quality",
    "safeguarding adviser",
    "National Learning Team",
)
NOTES = ("Draft guidance shared with the partners", "Consultation closed", "Workshop held", "Guidance published")
role_text = st.tuples(st.sampled_from(ROLES), st.sampled_from([str, str.lower, str.title])).map(lambda r: r[1](r[0]))
note_text = st.sampled_from(NOTES)


def row_of(aggregate: Any, part_type: type[DirectoryPart]) -> SimpleNamespace:
    """The aggregate's events through the directory part's handlers; JSON columns as they come back."""
    part = next(p for p in DirectoryProjection().parts if isinstance(p, part_type))
    rows: dict[UUID, dict[str, Any]] = {}
    part.fold(aggregate.collect_events(), rows)
    (row,) = rows.values()
    return SimpleNamespace(**{k: json.loads(json.dumps(v)) if isinstance(v, list) else v for k, v in row.items()})


profile_steps = st.lists(
    st.one_of(
        st.tuples(st.just("expertise"), st.lists(words, max_size=3)),
        st.tuples(st.just("masterclass"), st.integers(0, 900), words),
        st.tuples(st.just("conflict"), st.sampled_from(list(AgencySector)), st.sampled_from(["", "Northvale Trust"])),
        st.tuples(st.just("withdraw"), st.integers(1, 4)),
        st.tuples(st.just("availability"), st.booleans(), st.integers(1, 5)),
    ),
    max_size=12,
)


@given(steps=profile_steps, expertise=st.lists(words, max_size=3))
def test_a_reviewers_row_is_their_profile(steps: list[tuple[Any, ...]], expertise: list[str]) -> None:
    from lipp.projections.directory.work_rows import ReviewerRows

    profile = ReviewerProfile.enrol(
        actor_id=ADMIN,
        now=NOW,
        reviewer_id=user_id_for("reviewer.a"),
        username="reviewer.a",
        expertise=expertise,
        capacity=2,
    )
    for step in steps:
        if step[0] == "expertise":
            profile.set_expertise(actor_id=ADMIN, now=NOW, expertise=step[1])
        elif step[0] == "masterclass":
            day = TODAY - timedelta(days=step[1])
            profile.record_masterclass(actor_id=ADMIN, now=NOW, today=TODAY, attended_on=day, topic=step[2])
        elif step[0] == "conflict":
            profile.declare_conflict(actor_id=ADMIN, now=NOW, today=TODAY, agency=Agency(step[1], step[2]), reason="r")
        elif step[0] == "withdraw":
            if any(c.number == step[1] and not c.withdrawn for c in profile.conflicts):
                profile.withdraw_conflict(actor_id=ADMIN, now=NOW, number=step[1], reason="r")
        else:
            profile.set_availability(actor_id=ADMIN, now=NOW, available=step[1], capacity=step[2], reason="")
    row = row_of(profile, ReviewerRows)
    assert profile_row_view(row) == profile_view(profile)


action_steps = st.lists(
    st.one_of(
        st.tuples(st.just("progress"), st.integers(0, 30), note_text),
        st.tuples(st.just("complete"), st.integers(0, 30)),
        st.tuples(st.just("withdraw"), st.integers(0, 30)),
    ),
    max_size=6,
)


@given(steps=action_steps, due=st.integers(0, 60), owner=role_text, today=st.integers(0, 120))
def test_an_actions_row_is_the_action(steps: list[tuple[Any, ...]], due: int, owner: str, today: int) -> None:
    from lipp.projections.directory.work_rows import ActionRows

    action = AllianceAction.commit(
        actor_id=ADMIN,
        now=NOW,
        today=TODAY,
        national_body_id=national_body_id_for("NCB"),
        body_code="NCB",
        reference="NCB-A1",
        theme_id="NT13",
        themes_version=2,
        owner=owner,
        description="Guide",
        due_on=TODAY + timedelta(days=due),
    )
    on = TODAY
    for step in steps:
        if action.status.value != "open":
            break
        on += timedelta(days=step[1])  # each step on or after the one it follows
        if step[0] == "progress":
            action.post_progress(actor_id=ADMIN, now=NOW, today=on, on=on, note=step[2])
        elif step[0] == "complete":
            action.complete(actor_id=ADMIN, now=NOW, today=on, on=on, evidence="Evidence")
        else:
            action.withdraw(actor_id=ADMIN, now=NOW, today=on, on=on, reason="Merged")
    row = row_of(action, ActionRows)
    seen_on = on + timedelta(days=today)
    assert action_row_view(row, seen_on) == action_view(action, seen_on)
    assert row.owner_folded == owner.casefold()


subscriptions = st.builds(
    Subscriptions,
    themes=st.lists(st.sampled_from(["NT01", "NT04", "NT13"]), unique=True).map(tuple),
    agencies=st.lists(st.sampled_from([s.value for s in AgencySector]), unique=True).map(tuple),
    scopes=st.lists(st.sampled_from(list(Scope)), min_size=1, unique=True).map(tuple),
)


@given(first=subscriptions, changes=st.lists(subscriptions, max_size=3), agency=st.sampled_from(list(TeamAgency)))
def test_a_teams_row_is_the_team(first: Subscriptions, changes: list[Subscriptions], agency: TeamAgency) -> None:
    from lipp.application.registry_teams import _team_row_view
    from lipp.projections.directory.registry_rows import TeamRows

    team = Team.register(
        actor_id=ADMIN,
        now=NOW,
        code="NVL-CSC",
        name="Children's services",
        agency=agency,
        board_id=board_id_for("NVL"),
        manager_email="m@teams.example",
        team_email="t@teams.example",
        subscriptions=first,
    )
    for change in changes:
        team.subscribe(actor_id=ADMIN, now=NOW, subscriptions=change)
    row = row_of(team, TeamRows)
    row.board_code = "NVL"
    view = _team_row_view(row)
    subscribed = team.subscriptions
    assert (view.code, view.agency, view.board) == (team.code, team.agency.value, "NVL")
    assert (view.themes, view.agencies) == (list(subscribed.themes), list(subscribed.agencies))
    assert view.scopes == [scope.value for scope in subscribed.scopes]


@given(
    role=st.sampled_from([Role.ADMIN, Role.NATIONAL_BODY, Role.LEAD_REVIEWER]),
    deactivate=st.booleans(),
    join=st.booleans(),
)
def test_a_users_row_is_the_user(role: Role, deactivate: bool, join: bool) -> None:
    from lipp.projections.directory.registry_rows import UserRows

    user = User.register(actor_id=ADMIN, now=NOW, username="someone", role=role, board_id=None, team_id=None)
    if join and role is Role.NATIONAL_BODY:
        user.join_national_body(actor_id=ADMIN, now=NOW, national_body_id=national_body_id_for("NCB"))
    if deactivate:
        user.deactivate(actor_id=ADMIN, now=NOW, reason="left")
    row = row_of(user, UserRows)
    assert (row.username, row.role, row.active, row.national_body_id) == (
        user.username,
        user.role.value,
        user.active,
        user.national_body_id,
    )
    assert row.team_id is None
