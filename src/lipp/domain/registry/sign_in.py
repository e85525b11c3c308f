"""Signing in with a password: repeated failures first slow further attempts down, then lock the account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from lipp.domain.errors import Unauthenticated
from lipp.domain.registry.user import User

LONGEST_WAIT = timedelta(minutes=15)


class SignInRefused(Unauthenticated):
    """The name, e-mail or password is wrong (one message for all, so it tells nobody which)."""


class SignInThrottled(Unauthenticated):
    """Failures in a row: the next attempt must wait; it is refused unchecked until then."""


class AccountLocked(Unauthenticated):
    """Too many failures in a row: a new password (reset by e-mail, or set by an admin) opens the account."""


@dataclass(frozen=True)
class SignInPolicy:
    """After `throttle_after` failures in a row each attempt waits twice as long as the last (1 s, 2 s, 4 s, up
    to 15 minutes); the `lock_after`th failure in a row locks the account."""

    throttle_after: int = 3
    lock_after: int = 10

    def wait_after(self, failures: int) -> timedelta:
        if failures < self.throttle_after:
            return timedelta(0)
        return min(timedelta(seconds=2 ** (failures - self.throttle_after)), LONGEST_WAIT)


def check_may_try(user: User, policy: SignInPolicy, now: datetime) -> None:
    """Refuse before the password is even checked: a locked account, or an attempt inside its wait."""
    if user.locked:
        raise AccountLocked("this account is locked after too many failed sign-ins: reset the password to open it")
    if user.last_failed_sign_in is None:
        return
    ready_at = user.last_failed_sign_in + policy.wait_after(user.failed_sign_ins)
    if now < ready_at:
        seconds = max(1, int((ready_at - now).total_seconds() + 0.999))
        raise SignInThrottled(f"too many failed sign-ins: wait {seconds} seconds, then try again")


def record_failure(user: User, policy: SignInPolicy, actor_id: UUID, now: datetime) -> None:
    """A wrong password: count it, and lock the account at the limit."""
    failures = user.failed_sign_ins + 1
    wait = int(policy.wait_after(failures).total_seconds())
    user.trigger_event(User.SignInFailed, timestamp=now, actor_id=actor_id, failures=failures, wait_seconds=wait)
    if failures >= policy.lock_after:
        user.trigger_event(User.SignInLocked, timestamp=now, actor_id=actor_id, failures=failures)


def record_success(user: User, actor_id: UUID, now: datetime) -> bool:
    """The right password: clear earlier failures (True when there were some, so the user must be saved)."""
    if user.failed_sign_ins == 0:
        return False
    user.trigger_event(User.SignInFailuresCleared, timestamp=now, actor_id=actor_id, failures=user.failed_sign_ins)
    return True


def record_password(user: User, actor_id: UUID, now: datetime, how: str) -> None:
    user.trigger_event(User.PasswordSet, timestamp=now, actor_id=actor_id, how=how)
