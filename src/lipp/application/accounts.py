"""Signing in to the web pages: passwords, invitations and resets by e-mail, throttling and locking.

Password hashes and e-mail addresses are kept in the accounts tables (replaceable, erasable); what happened to
an account (a password set, each failure, a lock) is recorded as events on the User aggregate."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from uuid import UUID

from sqlalchemy import Engine

from lipp.accounts import passwords, totp
from lipp.accounts.credentials import CredentialStore
from lipp.accounts.links import Link, LinkPurpose, OneTimeLinks, token_hash
from lipp.adapters.envelope import Envelope
from lipp.adapters.outbox import Outbox
from lipp.adapters.transports import Transport
from lipp.application.base import LippApplication
from lipp.application.registry import RegistryApplication, UnknownUser, require_admin
from lipp.application.storage import EventStorage
from lipp.config import WebSettings
from lipp.domain.actors import SYSTEM_ACTOR, Actor, Role
from lipp.domain.clock import Clock
from lipp.domain.errors import ConcurrentChange, InvalidInput, Unauthenticated
from lipp.domain.identifiers import user_id_for
from lipp.domain.registry import sign_in
from lipp.domain.registry.sign_in import SignInPolicy, SignInRefused
from lipp.domain.registry.user import USERNAME, User, UserIsDeactivated

SHORTEST_PASSWORD = 12
LONGEST_PASSWORD = 200
EMAIL_SHAPE = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class WrongCode(Unauthenticated):
    """The authenticator app's code is wrong, too old, or was used already."""


class UserHasNoEmail(InvalidInput):
    """A link by e-mail needs the user's e-mail address."""


def check_new_password(password: str) -> str:
    """NCSC-style: long rather than complex; refused with what is wrong."""
    if len(password) < SHORTEST_PASSWORD:
        raise InvalidInput(f"a password has at least {SHORTEST_PASSWORD} characters")
    if len(password) > LONGEST_PASSWORD:
        raise InvalidInput(f"a password has at most {LONGEST_PASSWORD} characters")
    if not password.strip():
        raise InvalidInput("a password is not only spaces")
    return password


def check_email(email: str) -> str:
    value = email.strip().lower()
    if len(value) > 254 or not re.match(EMAIL_SHAPE, value):
        raise InvalidInput(f"enter an e-mail address like name@example.org (got '{email}')")
    return value


class AccountsApplication(LippApplication):
    """Who may sign in, with what, and what happens when they get it wrong."""

    def __init__(
        self,
        storage: EventStorage,
        clock: Clock,
        registry: RegistryApplication,
        engine: Engine,
        outbox: Outbox,
        transport: Callable[[], Transport],
        settings: WebSettings,
        public_url: str,
    ) -> None:
        super().__init__(storage, clock)
        self.registry = registry
        self.credentials = CredentialStore(engine)
        self.links = OneTimeLinks(engine)
        self.outbox = outbox
        self.transport = transport
        self.settings = settings
        self.public_url = public_url.rstrip("/")
        self.policy = SignInPolicy(settings.throttle_after_failures, settings.lock_after_failures)
        # Told the user's id when a password is set, so what keeps sessions can end the user's others.
        self.on_password_set: list[Callable[[UUID], None]] = []

    def close(self) -> None:
        """Nothing of its own to close: the storage is shared, and lipp closes it once. (eventsourcing closes
        an application's storage when the application is collected, which would close everyone's.)"""

    # Commands.

    def set_password(self, actor: Actor, username: str, password: str) -> None:
        """An admin (or the user themselves, at the CLI) sets a password; it unlocks the account."""
        user = self._user(username)
        if actor.user_id != user.id:
            require_admin(actor, "set other users' passwords")
        self._store_password(user, password, actor.user_id, "operator")

    def invite(self, actor: Actor, username: str, email: str) -> None:
        """Record the user's e-mail address and send them a one-time link to choose a password."""
        require_admin(actor, "invite users")
        user = self._user(username)
        user.as_actor()  # a deactivated user is not invited
        self.credentials.set_email(user.id, check_email(email), self.now())
        self._send_link(user, LinkPurpose.INVITATION)

    def request_reset(self, login: str) -> None:
        """Send a reset link if `login` names an active user with an e-mail address; silent otherwise, so the
        page tells nobody who has an account."""
        user_id = self._user_id_for_login(login)
        user: User | None = self.load(user_id) if user_id else None
        if user is None or not user.active:
            return
        known = self.credentials.of(user.id)
        if known is not None and known.email:
            self._send_link(user, LinkPurpose.RESET)

    def choose_password(self, token: str, password: str) -> Actor:
        """Redeem an invitation or reset link with the new password; the person is then signed in."""
        check_new_password(password)
        link = self.links.use(token, self.now())
        user: User = self.repository.get(link.user_id)
        self._store_password(user, password, user.id, link.purpose.value)
        return user.as_actor()

    def sign_in(self, login: str, password: str) -> Actor:
        """The actor a username or e-mail with its password acts as; failures slow down, then lock."""
        for _ in range(3):
            try:
                return self._sign_in(login, password)
            except ConcurrentChange:  # another attempt on the same account was saved first: count afresh
                continue
        raise ConcurrentChange("several sign-ins to this account at once: try again")

    # The second factor.

    def second_factor_needed(self, user_id: UUID) -> bool:
        """Whether a correct password must be followed by a code: the user set one up, or the deployment
        requires one of everyone."""
        known = self.credentials.of(user_id)
        return self.settings.require_second_factor or bool(known and known.totp_secret)

    def has_second_factor(self, user_id: UUID) -> bool:
        known = self.credentials.of(user_id)
        return bool(known and known.totp_secret)

    def check_code(self, user_id: UUID, code: str) -> Actor:
        """The second step of signing in: a wrong code counts as a failed sign-in (the same waits and lock)."""
        user: User = self.repository.get(user_id)
        now = self.now()
        sign_in.check_may_try(user, self.policy, now)
        known = self.credentials.of(user_id)
        step = totp.matching_step(known.totp_secret, code, now) if known and known.totp_secret else None
        if step is None or not self.credentials.accept_totp_step(user_id, step):
            sign_in.record_failure(user, self.policy, SYSTEM_ACTOR.user_id, now)
            self.save_or_conflict(user)
            if user.locked:
                raise sign_in.AccountLocked("that was one failure too many: this account is now locked")
            raise WrongCode("the code is not right: enter the 6 digits your authenticator app shows now")
        if sign_in.record_success(user, user.id, now):
            self.save_or_conflict(user)
        return user.as_actor()

    def set_up_second_factor(self, user_id: UUID, secret: str, code: str) -> Actor:
        """Keep `secret` once the person proves their app has it by typing its current code."""
        now = self.now()
        step = totp.matching_step(secret, code, now)
        if step is None:
            raise WrongCode("the code is not right: add the key to your app, then enter the 6 digits it shows")
        user: User = self.repository.get(user_id)
        self.credentials.set_totp(user_id, secret, step, now)
        user.trigger_event(User.SecondFactorSet, timestamp=now, actor_id=user_id)
        self.save_or_conflict(user)
        return user.as_actor()

    # Queries.

    def link(self, token: str) -> Link:
        """What a one-time link is for; refused if used, expired or unknown."""
        return self.links.check(token, self.now())

    def email_of(self, username: str) -> str | None:
        known = self.credentials.of(user_id_for(username))
        return known.email if known else None

    # Internals.

    def _sign_in(self, login: str, password: str) -> Actor:
        user_id = self._user_id_for_login(login)
        user: User | None = self.load(user_id) if user_id else None
        if user is None:
            passwords.verify(None, password)  # as slow as a real check
            raise SignInRefused("the username, e-mail address or password is not right")
        now = self.now()
        sign_in.check_may_try(user, self.policy, now)
        known = self.credentials.of(user.id)
        if not passwords.verify(known.password_hash if known else None, password):
            sign_in.record_failure(user, self.policy, SYSTEM_ACTOR.user_id, now)
            self.save_or_conflict(user)
            if user.locked:
                raise sign_in.AccountLocked("that was one failure too many: this account is now locked")
            raise SignInRefused("the username, e-mail address or password is not right")
        try:
            actor = user.as_actor()
        except UserIsDeactivated:
            raise SignInRefused("the username, e-mail address or password is not right") from None
        if sign_in.record_success(user, user.id, now):
            self.save_or_conflict(user)
        assert known is not None and known.password_hash is not None
        if passwords.needs_rehash(known.password_hash):
            self.credentials.set_password_hash(user.id, passwords.hash_password(password), now)
        return actor

    def _store_password(self, user: User, password: str, actor_id: UUID, how: str) -> None:
        check_new_password(password)
        now = self.now()
        self.credentials.set_password_hash(user.id, passwords.hash_password(password), now)
        sign_in.record_password(user, actor_id, now, how)
        self.save_or_conflict(user)
        for listener in self.on_password_set:
            listener(user.id)

    def _send_link(self, user: User, purpose: LinkPurpose) -> None:
        known = self.credentials.of(user.id)
        if known is None or not known.email:
            raise UserHasNoEmail(f"{user.username} has no e-mail address: invite them first")
        lasts = timedelta(hours=self.settings.link_hours)
        token = self.links.issue(user.id, purpose, self.now(), lasts)
        url = f"{self.public_url}/app/choose-password/{token}"
        if purpose is LinkPurpose.INVITATION:
            subject = "You are invited to lipp"
            opening = f"An administrator has invited you to lipp as {user.username} ({_role(user.role)})."
        else:
            subject = "Reset your lipp password"
            opening = f"Someone asked to reset the password of {user.username}. If it was not you, ignore this."
        text = (
            f"{opening}\n\nChoose your password here (the link works once, for {self.settings.link_hours} hours):\n"
            f"{url}\n"
        )
        key = f"account:{purpose.value}:{token_hash(token)[:24]}"  # never the token itself
        self.outbox.queue([Envelope(key=key, recipient=known.email, subject=subject, text=text)])
        self.outbox.send_due(self.transport())

    def _user_id_for_login(self, login: str) -> UUID | None:
        value = login.strip().lower()
        if "@" in value:
            return self.credentials.user_with_email(value)
        return user_id_for(value) if USERNAME.match(value) else None

    def _user(self, username: str) -> User:
        user: User | None = self.load(user_id_for(username)) if USERNAME.match(username.strip().lower()) else None
        if user is None:
            raise UnknownUser(f"no user is named '{username}'")
        return user


def _role(role: Role) -> str:
    return role.value.replace("_", " ")
