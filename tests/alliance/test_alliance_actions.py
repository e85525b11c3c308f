"""Alliance actions: a member body commits against a national theme, reports progress, completes or withdraws."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from lipp.application.alliance import (
    ActorMayNotSeeAllianceActions,
    AdminNamesTheBody,
    OnlyMembersActForTheirBody,
    UnknownAction,
)
from lipp.application.national_bodies import OnlyAdminsManageTheAlliance, UnknownNationalBody
from lipp.bootstrap import Lipp
from lipp.commands.alliance import (
    ChangeDigestSubscription,
    CommitAction,
    CompleteAction,
    JoinNationalBody,
    PostProgress,
    RegisterNationalBody,
    WithdrawAction,
)
from lipp.commands.registry import RegisterUser
from lipp.domain.alliance.rules import (
    ActionIsClosed,
    ActionTextMayIdentifySomeone,
    DueDateBeforeCommitment,
    StepDatedBeforeCommitment,
    StepDatedInTheFuture,
)
from lipp.domain.clock import SettableClock
from lipp.domain.errors import AlreadyExists
from lipp.domain.reference.themes import UnknownTheme
from lipp.domain.registry.user import OnlyNationalBodyUsersJoinABody
from tests.alliance.members import Members
from tests.conftest import People


@pytest.fixture
def members(lipp: Lipp, people: People) -> Members:
    return Members(lipp, people)


def _commit(lipp: Lipp, members: Members, theme: str = "NT05", due: date = date(2026, 6, 30)) -> str:
    command = CommitAction(
        theme=theme, owner="Head of policy", description="Publish guidance on risk tools", due_on=due
    )
    return lipp.alliance.commit(members.ncb, command).reference


def test_a_member_commits_an_action_reports_progress_and_completes_it_with_evidence(
    lipp: Lipp, people: People, members: Members, clock: SettableClock
) -> None:
    reference = _commit(lipp, members, theme="Babies under one: vulnerability and risk")
    assert reference == "NCB-A1"
    lipp.alliance.post_progress(members.ncb, PostProgress(action="ncb-a1", note="Draft out for consultation"))
    clock.set(datetime(2026, 4, 14, 10, tzinfo=UTC))
    done = lipp.alliance.complete(
        members.ncb, CompleteAction(action=reference, evidence="Adopted by 40 partnerships", on=date(2026, 4, 10))
    )
    assert (done.status, done.closed_on, done.evidence, done.overdue) == (
        "completed",
        date(2026, 4, 10),
        "Adopted by 40 partnerships",
        False,
    )
    assert (done.theme_id, done.theme) == ("NT04", "Babies under one: vulnerability and risk")
    assert [(p.on, p.note) for p in done.progress] == [(date(2026, 3, 2), "Draft out for consultation")]
    assert lipp.alliance.action(people.coordinator, reference) == done
    with pytest.raises(ActionIsClosed):
        lipp.alliance.withdraw(members.ncb, WithdrawAction(action=reference, reason="No longer needed"))


def test_an_open_action_past_its_due_date_is_flagged_overdue_and_a_withdrawn_one_is_not(
    lipp: Lipp, people: People, members: Members, clock: SettableClock
) -> None:
    late = _commit(lipp, members, due=date(2026, 3, 31))
    dropped = _commit(lipp, members, due=date(2026, 3, 31))
    lipp.alliance.withdraw(members.ncb, WithdrawAction(action=dropped, reason="Merged into NCB-A1"))
    assert not lipp.alliance.action(people.admin, late).overdue
    clock.set(datetime(2026, 4, 1, 9, tzinfo=UTC))
    assert lipp.alliance.action(people.admin, late).overdue
    assert [a.reference for a in lipp.alliance.actions(people.admin, status="overdue")] == [late]
    withdrawn = lipp.alliance.action(people.admin, dropped)
    assert (withdrawn.status, withdrawn.overdue, withdrawn.withdrawal_reason) == (
        "withdrawn",
        False,
        "Merged into NCB-A1",
    )


def test_actions_are_listed_by_theme_body_and_owner(lipp: Lipp, people: People, members: Members) -> None:
    _commit(lipp, members, theme="NT05")
    _commit(lipp, members, theme="NT13")
    lipp.alliance.commit(
        members.fcr,
        CommitAction(theme="NT05", owner="Research lead", description="Study of court orders", due_on=date(2026, 9, 1)),
    )
    alliance = lipp.alliance
    assert [a.reference for a in alliance.actions(people.national_body, theme="domestic abuse")] == ["NCB-A1", "FCR-A1"]
    assert [a.reference for a in alliance.actions(people.admin, body="fcr")] == ["FCR-A1"]
    assert [a.reference for a in alliance.actions(people.admin, owner="policy")] == ["NCB-A1", "NCB-A2"]
    with pytest.raises(UnknownTheme):
        alliance.actions(people.admin, theme="Weather")


def test_a_member_manages_only_its_own_bodys_actions_and_an_admin_names_the_body(
    lipp: Lipp, people: People, members: Members
) -> None:
    reference = _commit(lipp, members)
    with pytest.raises(OnlyMembersActForTheirBody):
        lipp.alliance.post_progress(members.fcr, PostProgress(action=reference, note="Not ours"))
    with pytest.raises(OnlyMembersActForTheirBody):
        lipp.alliance.commit(
            members.fcr, CommitAction(theme="NT05", owner="Lead", description="x", due_on=date(2026, 5, 1), body="NCB")
        )
    for outsider in (people.national_body, people.coordinator, people.reviewer):  # no body, or not a member role
        with pytest.raises(OnlyMembersActForTheirBody):
            lipp.alliance.withdraw(outsider, WithdrawAction(action=reference, reason="Not theirs"))
    with pytest.raises(AdminNamesTheBody):
        _commit_as_admin(lipp, people, body=None)
    assert _commit_as_admin(lipp, people, body="FCR") == "FCR-A1"
    with pytest.raises(UnknownNationalBody):
        _commit_as_admin(lipp, people, body="ZZZ")
    with pytest.raises(ActorMayNotSeeAllianceActions):
        lipp.alliance.actions(people.reviewer)
    with pytest.raises(UnknownAction):
        lipp.alliance.action(people.admin, "NCB-A9")


def _commit_as_admin(lipp: Lipp, people: People, body: str | None) -> str:
    command = CommitAction(
        theme="NT17", owner="Chair", description="Neglect toolkit", due_on=date(2026, 5, 1), body=body
    )
    return lipp.alliance.commit(people.admin, command).reference


def test_action_text_that_may_identify_someone_and_impossible_dates_are_refused(lipp: Lipp, members: Members) -> None:
    with pytest.raises(ActionTextMayIdentifySomeone):
        lipp.alliance.commit(
            members.ncb,
            CommitAction(
                theme="NT05", owner="Policy", description="Follow up with Sarah Jones", due_on=date(2026, 5, 1)
            ),
        )
    with pytest.raises(DueDateBeforeCommitment):
        _commit(lipp, members, due=date(2026, 3, 1))
    reference = _commit(lipp, members)
    with pytest.raises(StepDatedInTheFuture):
        lipp.alliance.post_progress(members.ncb, PostProgress(action=reference, note="Soon", on=date(2026, 3, 3)))
    with pytest.raises(StepDatedBeforeCommitment):
        lipp.alliance.post_progress(members.ncb, PostProgress(action=reference, note="Early", on=date(2026, 3, 1)))
    assert lipp.alliance.action(members.ncb, reference).progress == []


def test_admins_register_members_their_users_and_digest_subscriptions(lipp: Lipp, people: People) -> None:
    registry = lipp.registry
    body = registry.register_national_body(
        people.admin, RegisterNationalBody(code="ncb", name="National body", digest_email="Digest@NCB.example")
    )
    assert (body.code, body.digest_email, body.digest_subscribed) == ("NCB", "digest@ncb.example", True)
    with pytest.raises(AlreadyExists):
        registry.register_national_body(
            people.admin, RegisterNationalBody(code="NCB", name="Again", digest_email="a@b.example")
        )
    with pytest.raises(OnlyAdminsManageTheAlliance):
        registry.register_national_body(
            people.national_body, RegisterNationalBody(code="OWN", name="Own", digest_email="a@b.example")
        )
    registry.join_national_body(people.admin, JoinNationalBody(username="national.body", body="NCB"))
    assert registry.user("national.body").national_body == "NCB"
    assert registry.actor_for("national.body").national_body_id == body.id
    with pytest.raises(OnlyNationalBodyUsersJoinABody):
        registry.join_national_body(people.admin, JoinNationalBody(username="reviewer.a", body="NCB"))
    with pytest.raises(ValueError, match="only a national body user"):
        RegisterUser(username="x.y", role="lead_reviewer", national_body="NCB")
    changed = registry.change_digest_subscription(
        people.admin, ChangeDigestSubscription(code="NCB", digest_email="alliance@ncb.example", digest_subscribed=False)
    )
    assert (changed.digest_email, changed.digest_subscribed) == ("alliance@ncb.example", False)
    assert [b.code for b in registry.national_bodies()] == ["NCB"]
