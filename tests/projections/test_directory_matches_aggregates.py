"""The directory shows what replaying each aggregate shows: every list, after catch-up and after a rebuild.

The oracles below are the lists as lipp computed them before the directory: every aggregate of a kind found
by its first event's topic in the log and replayed. The story drives every event the directory reads."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from lipp.application.alliance_views import action_view
from lipp.application.register_views import profile_view
from lipp.bootstrap import Lipp
from lipp.commands import register as r
from lipp.commands.alliance import ChangeDigestSubscription, CommitAction, CompleteAction, PostProgress, WithdrawAction
from lipp.commands.fields import AgencyInput
from lipp.commands.learning import DraftThemeBriefing, EditBriefing
from lipp.commands.registry import ChangeTeamSubscriptions, DeactivateUser, RegisterUser
from lipp.commands.tokens import IssueToken, RevokeToken
from lipp.digest.periods import Period
from lipp.domain.actors import Actor, Role
from lipp.domain.alliance.action import AllianceAction
from lipp.domain.clock import SettableClock
from lipp.domain.digest.digest import Digest
from lipp.domain.learning.briefing import Briefing
from lipp.domain.register.profile import ReviewerProfile
from lipp.domain.registry.board import Board
from lipp.domain.registry.national_body import NationalBody
from lipp.domain.registry.team import Team
from lipp.domain.registry.token import ApiToken
from lipp.domain.registry.user import User
from lipp.projections.paging import Paging
from tests.alliance.members import Members
from tests.conftest import People
from tests.learning.journeys import released


def _replayed(lipp: Lipp, first: type[Any]) -> list[Any]:
    app = lipp.registry
    return [app.repository.get(app.mapper.to_domain_event(n).originator_id) for n in app.notifications_of(first)]


def story(lipp: Lipp, people: People, clock: SettableClock) -> None:
    """Every event the directory reads, at least once."""
    admin, registry = people.admin, lipp.registry
    key = released(lipp, people, clock)  # boards, users, teams, a review, a released briefing
    members = Members(lipp, people)
    registry.set_board_contact(admin, "NVL", "learning@northvale.example")
    registry.change_subscriptions(
        admin, ChangeTeamSubscriptions.model_validate({"code": "NVL-DA", "themes": ["NT05", "NT13"]})
    )
    registry.change_digest_subscription(
        admin, ChangeDigestSubscription(code="FCR", digest_email="digests@fcr.example", digest_subscribed=False)
    )
    registry.register_user(admin, RegisterUser(username="leaver", role="coordinator", board="EMR"))
    registry.deactivate_user(admin, DeactivateUser(username="leaver", reason="left the partnership"))
    for label in ("dashboard", "export", "nightly"):
        lipp.tokens.issue(admin, IssueToken(username="nvl.coordinator", label=label))  # same clock: one time
    first = lipp.tokens.tokens(admin)[0]
    lipp.tokens.revoke(admin, RevokeToken(token_id=first.token_id, reason="rotated"))
    reviewers = lipp.reviewers
    reviewers.enrol(admin, r.EnrolReviewer(username="reviewer.b", expertise=["neglect"], capacity=2))
    reviewers.set_expertise(admin, r.SetExpertise(username="reviewer.b", expertise=["neglect", "babies"]))
    reviewers.record_masterclass(
        admin, r.RecordMasterclass(username="reviewer.b", attended_on=date(2026, 1, 5), topic="Voice")
    )
    reviewers.record_masterclass(
        admin, r.RecordMasterclass(username="reviewer.b", attended_on=date(2025, 6, 1), topic="Bias")
    )
    for sector in ("police", "health"):
        agency = AgencyInput(sector=sector, name=f"Northvale {sector}")
        reviewers.declare_conflict(
            admin, r.DeclareConflict(username="reviewer.b", agency=agency, reason="worked there")
        )
    reviewers.withdraw_conflict(admin, r.WithdrawConflict(username="reviewer.b", conflict=1, reason="years ago"))
    reviewers.set_availability(admin, r.SetAvailability(username="reviewer.b", available=False, reason="on leave"))
    alliance = lipp.alliance
    for owner, due in (
        ("Policy lead", date(2026, 3, 20)),
        ("Data Lead", date(2026, 9, 1)),
        ("Chair", date(2026, 5, 1)),
    ):
        alliance.commit(members.ncb, CommitAction(theme="NT13", owner=owner, description="Guide", due_on=due))
    alliance.commit(
        members.fcr, CommitAction(theme="NT04", owner="Chair", description="Audit", due_on=date(2026, 4, 1))
    )
    alliance.post_progress(members.ncb, PostProgress(action="NCB-A1", note="Drafted"))
    alliance.complete(members.ncb, CompleteAction(action="NCB-A2", evidence="Published"))
    alliance.withdraw(members.fcr, WithdrawAction(action="FCR-A1", reason="Merged into NCB-A1"))
    assert lipp.learning.briefing(people.coordinator, key).status == "released"
    clock.advance(timedelta(minutes=5))
    draft = lipp.learning.draft_from_theme(people.national_body, DraftThemeBriefing(theme="Information sharing"))
    lipp.learning.edit(people.national_body, EditBriefing(key=draft.key, title="Contacts or referrals?"))
    clock.set(datetime(2026, 4, 7, 9, tzinfo=UTC))
    digests = lipp.digests
    computed = digests.compute(admin, Period(date(2026, 1, 1), date(2026, 3, 31)), digests.catch_up(admin))
    digests.issue(admin, computed)


def expected(lipp: Lipp, actor: Actor) -> dict[str, Any]:
    registry, today = lipp.registry, lipp.alliance.today()
    teams = [t for t in _replayed(lipp, Team.Registered)]
    visible = [t for t in teams if _may_see_team(actor, t)]
    return {
        "boards": sorted(
            (registry._remember_board(b) for b in _replayed(lipp, Board.Registered)), key=lambda b: b.code
        ),
        "users": sorted((registry._user_view(u) for u in _replayed(lipp, User.Registered)), key=lambda u: u.username),
        "teams": sorted((registry.team_view(t) for t in visible), key=lambda v: v.code),
        "bodies": sorted(
            (registry.national_body_by_id(b.id) for b in _replayed(lipp, NationalBody.Registered)), key=lambda b: b.code
        ),
        "tokens": [lipp.tokens._view(t) for t in _replayed(lipp, ApiToken.Issued)],
        "reviewers": [
            profile_view(p) for p in sorted(_replayed(lipp, ReviewerProfile.Enrolled), key=lambda p: p.username)
        ],
        "actions": sorted(
            (action_view(a, today) for a in _replayed(lipp, AllianceAction.Committed)),
            key=lambda v: (v.theme_id, v.due_on, v.reference),
        ),
        "digests": sorted(
            (lipp.digests._view(d) for d in _replayed(lipp, Digest.Issued)),
            key=lambda v: (v.period_to, v.period_from, v.position),
            reverse=True,
        ),
        "briefings": [
            lipp.learning._summary(b)
            for b in sorted(_replayed(lipp, Briefing.Drafted), key=lambda b: b.drafted_at, reverse=True)
        ],
    }


def listed(lipp: Lipp, actor: Actor) -> dict[str, Any]:
    registry = lipp.registry
    return {
        "boards": list(registry.boards()),
        "users": list(registry.users(actor)),
        "teams": list(registry.teams(actor)),
        "bodies": list(registry.national_bodies()),
        "tokens": list(lipp.tokens.tokens(actor)),
        "reviewers": list(lipp.reviewers.profiles(actor)),
        "actions": list(lipp.alliance.actions(actor)),
        "digests": list(lipp.digests.digests(actor)),
        "briefings": list(lipp.learning.briefings(actor)),
    }


def _may_see_team(actor: Actor, team: Team) -> bool:
    from lipp.application.registry_teams import may_see_team

    return may_see_team(actor, team)


def test_every_list_shows_what_the_aggregates_hold(lipp: Lipp, people: People, clock: SettableClock) -> None:
    story(lipp, people, clock)
    admin = people.admin
    found, wanted = listed(lipp, admin), expected(lipp, admin)
    for kind, items in wanted.items():
        assert items, f"the story makes {kind}"
        assert found[kind] == items, kind
    tokens = found["tokens"]
    assert [t.label for t in tokens] == ["dashboard", "export", "nightly"]  # issued at one moment: log order
    assert lipp.registry.users(admin)[-1].username == "reviewer.b"
    lipp.runner.rebuild(next(p for p in lipp.projections if p.name == "directory"))
    assert listed(lipp, admin) == found


def test_lists_keep_each_role_to_what_it_may_see(lipp: Lipp, people: People, clock: SettableClock) -> None:
    story(lipp, people, clock)
    member = lipp.registry.actor_for("nvl-csc.member")
    assert member.role is Role.TEAM_MEMBER
    for actor in (people.coordinator, people.other_coordinator, member, people.national_body):
        teams = lipp.registry.teams(actor)
        assert teams == expected(lipp, actor)["teams"]
        briefings = [b.key for b in lipp.learning.briefings(actor)]
        oracle = [
            b.key
            for b in sorted(_replayed(lipp, Briefing.Drafted), key=lambda b: b.drafted_at, reverse=True)
            if _briefing_visible(lipp, actor, b)
        ]
        assert briefings == oracle, actor.username


def _briefing_visible(lipp: Lipp, actor: Actor, briefing: Briefing) -> bool:
    from lipp.application.learning import _may_see

    return _may_see(actor, briefing, lipp.learning._received(actor, briefing))


def test_pages_of_a_list_are_its_slices(lipp: Lipp, people: People, clock: SettableClock) -> None:
    story(lipp, people, clock)
    users = lipp.registry.users(people.admin)
    for limit in (1, 2, 5):
        collected, offset = [], 0
        while True:
            page = lipp.registry.users(people.admin, Paging(limit, offset))
            assert page.total == len(users)
            collected.extend(page)
            if page.next_offset is None:
                break
            offset = page.next_offset
        assert collected == list(users)
