"""Signing in: any sequence of right and wrong passwords, at any pace, meets the throttle and the lock exactly as
the policy says, each failure and lock recorded on the User; invitations and resets arrive through the outbox
as links that work once."""

from __future__ import annotations

import email
import re
from datetime import datetime, timedelta
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lipp.accounts.links import LinkNotValid
from lipp.bootstrap import Lipp, accounts_for
from lipp.commands.registry import DeactivateUser, RegisterUser
from lipp.domain.clock import SettableClock
from lipp.domain.errors import InvalidInput
from lipp.domain.identifiers import user_id_for
from lipp.domain.registry.sign_in import AccountLocked, SignInPolicy, SignInRefused, SignInThrottled
from lipp.domain.registry.user import User
from tests.conftest import People

PASSWORD = "juniper tractor velvet 9"
names = count()

attempts = st.lists(
    st.tuples(st.booleans(), st.integers(min_value=0, max_value=40)),  # (right password?, seconds since last)
    min_size=1,
    max_size=7,
)


def expected_outcomes(tries: list[tuple[bool, int]], policy: SignInPolicy, start: datetime) -> list[str]:
    """What the policy says each attempt gets, worked out step by step apart from lipp's code."""
    failures, last, locked, now, outcomes = 0, None, False, start, []
    for right, gap in tries:
        now += timedelta(seconds=gap)
        if locked:
            outcomes.append("locked")
        elif (
            last is not None
            and failures >= policy.throttle_after
            and now < last + timedelta(seconds=2 ** (failures - policy.throttle_after))
        ):
            outcomes.append("throttled")
        elif right:
            failures, last = 0, None
            outcomes.append("signed in")
        else:
            failures, last = failures + 1, now
            locked = failures >= policy.lock_after
            outcomes.append("locked" if locked else "refused")
    return outcomes


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tries=attempts, by_email=st.booleans())
def test_failures_throttle_then_lock_exactly_as_the_policy_says(
    lipp: Lipp, people: People, clock: SettableClock, tries: list[tuple[bool, int]], by_email: bool
) -> None:
    accounts = accounts_for(lipp)
    accounts.policy = policy = SignInPolicy(throttle_after=2, lock_after=5)
    username = f"person.{next(names)}"
    lipp.registry.register_user(people.admin, RegisterUser(username=username, role="lead_reviewer"))
    accounts.set_password(people.admin, username, PASSWORD)
    accounts.credentials.set_email(user_id_for(username), f"{username}@example.org", clock.now())
    login = f"{username.upper()}@Example.org" if by_email else username
    outcomes = []
    start = clock.now()
    for right, gap in tries:
        clock.advance(timedelta(seconds=gap))
        try:
            actor = accounts.sign_in(login, PASSWORD if right else "a wrong password")
            assert actor.username == username
            outcomes.append("signed in")
        except AccountLocked:
            outcomes.append("locked")
        except SignInThrottled:
            outcomes.append("throttled")
        except SignInRefused:
            outcomes.append("refused")
    assert outcomes == expected_outcomes(tries, policy, start)
    user: User = lipp.registry.repository.get(user_id_for(username))
    events = [type(e).__name__ for e in lipp.registry.events.get(user.id)]
    assert events.count("SignInFailed") == outcomes.count("refused") + (1 if user.locked else 0)
    assert events.count("SignInLocked") == (1 if user.locked else 0)


def test_a_wrong_name_a_deactivated_user_and_a_wrong_password_are_told_the_same(lipp: Lipp, people: People) -> None:
    accounts = accounts_for(lipp)
    accounts.set_password(people.admin, "reviewer.b", PASSWORD)
    lipp.registry.deactivate_user(people.admin, DeactivateUser(username="reviewer.b", reason="Left"))
    messages = set()
    for login, password in (("nobody.here", PASSWORD), ("reviewer.b", PASSWORD), ("admin", "wrong password")):
        with pytest.raises(SignInRefused) as refused:
            accounts.sign_in(login, password)
        messages.add(str(refused.value))
    assert len(messages) == 1


@pytest.mark.parametrize("password", ["", "short", " " * 20, "x" * 201])
def test_a_weak_or_absurd_password_is_refused(lipp: Lipp, people: People, password: str) -> None:
    with pytest.raises(InvalidInput):
        accounts_for(lipp).set_password(people.admin, "reviewer.a", password)


def test_only_admins_set_other_peoples_passwords(lipp: Lipp, people: People) -> None:
    accounts = accounts_for(lipp)
    with pytest.raises(Exception, match="only admins"):
        accounts.set_password(people.coordinator, "reviewer.a", PASSWORD)
    accounts.set_password(people.reviewer, "reviewer.a", PASSWORD)  # their own
    assert accounts.sign_in("reviewer.a", PASSWORD).username == "reviewer.a"


def _link_in_outbox(folder: Path, subject: str) -> str:
    for path in sorted(folder.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes())
        if message["Subject"] == subject:
            body = (
                message.get_payload(decode=True)
                if not message.is_multipart()
                else message.get_payload(0).get_payload(decode=True)
            )  # type: ignore[union-attr]
            found = re.search(r"/app/choose-password/(\S+)", body.decode())  # type: ignore[union-attr]
            assert found
            return found.group(1)
    raise AssertionError(f"no e-mail '{subject}' in {folder}")


def test_an_invitation_and_a_reset_arrive_as_links_that_work_once(lipp: Lipp, people: People) -> None:
    accounts = accounts_for(lipp)
    accounts.invite(people.admin, "reviewer.a", "Reviewer.A@Example.org")
    token = _link_in_outbox(lipp.settings.outbox_dir, "You are invited to lipp")
    assert accounts.link(token).purpose == "invitation"
    assert accounts.choose_password(token, PASSWORD).username == "reviewer.a"
    with pytest.raises(LinkNotValid):
        accounts.choose_password(token, PASSWORD + "2")
    assert accounts.sign_in("reviewer.a@example.org", PASSWORD).username == "reviewer.a"

    before = len(list(lipp.settings.outbox_dir.glob("*.eml")))
    accounts.request_reset("nobody@example.org")  # no account: nothing sent, and nothing said
    accounts.request_reset("reviewer.b")  # an account without an e-mail address: nothing sent either
    assert len(list(lipp.settings.outbox_dir.glob("*.eml"))) == before
    accounts.request_reset("reviewer.a")
    reset = _link_in_outbox(lipp.settings.outbox_dir, "Reset your lipp password")
    accounts.choose_password(reset, PASSWORD + " new")
    with pytest.raises(SignInRefused):
        accounts.sign_in("reviewer.a", PASSWORD)
    assert all(entry.key.startswith("account:") and reset not in entry.key for entry in lipp.outbox.entries())


def test_a_link_expires(lipp: Lipp, people: People, clock: SettableClock) -> None:
    accounts = accounts_for(lipp)
    accounts.invite(people.admin, "reviewer.a", "reviewer.a@example.org")
    token = _link_in_outbox(lipp.settings.outbox_dir, "You are invited to lipp")
    clock.advance(timedelta(hours=lipp.settings.web.link_hours, seconds=1))
    with pytest.raises(LinkNotValid):
        accounts.choose_password(token, PASSWORD)


def test_a_lock_is_opened_by_a_new_password(lipp: Lipp, people: People, clock: SettableClock) -> None:
    accounts = accounts_for(lipp)
    accounts.policy = SignInPolicy(throttle_after=5, lock_after=2)
    accounts.set_password(people.admin, "reviewer.a", PASSWORD)
    for _ in range(2):
        with pytest.raises((SignInRefused, AccountLocked)):
            accounts.sign_in("reviewer.a", "wrong password!!")
    with pytest.raises(AccountLocked):
        accounts.sign_in("reviewer.a", PASSWORD)
    accounts.set_password(people.admin, "reviewer.a", PASSWORD)
    assert accounts.sign_in("reviewer.a", PASSWORD).username == "reviewer.a"
