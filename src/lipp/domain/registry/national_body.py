"""A national body in the Alliance: an organisation that receives the national digest and commits actions."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from lipp.domain.errors import InvalidInput, RuleBroken
from lipp.domain.identifiers import national_body_id_for
from lipp.domain.registry.board import check_board_code

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class SubscriptionUnchanged(RuleBroken):
    """Changing the digest subscription to what it already is records nothing."""


def check_email(address: str) -> str:
    """An organisation's mailbox for the digest (a shared address, not a person's)."""
    value = address.strip().lower()
    if not EMAIL.match(value):
        raise InvalidInput(f"'{address}' is not an e-mail address")
    return value


class NationalBody(Aggregate):
    """A member of the national Alliance: its code, name and the mailbox the national digest goes to."""

    class Registered(Aggregate.Created):
        """An admin registered the national body as a member of the Alliance."""

        actor_id: UUID
        code: str
        name: str
        digest_email: str
        digest_subscribed: bool

        def apply(self, aggregate: Any) -> None:
            aggregate.code = self.code
            aggregate.name = self.name
            aggregate.digest_email = self.digest_email
            aggregate.digest_subscribed = self.digest_subscribed

    class DigestSubscriptionChanged(Aggregate.Event):
        """An admin changed where, or whether, the national digest is sent to the body."""

        actor_id: UUID
        digest_email: str
        digest_subscribed: bool

        def apply(self, aggregate: Any) -> None:
            aggregate.digest_email = self.digest_email
            aggregate.digest_subscribed = self.digest_subscribed

    code: str
    name: str
    digest_email: str
    digest_subscribed: bool

    def __init__(self) -> None:
        """State is set by `Registered.apply`."""

    @classmethod
    def register(
        cls, *, actor_id: UUID, now: datetime, code: str, name: str, digest_email: str, subscribed: bool
    ) -> NationalBody:
        code = check_board_code(code)
        return cls._create(
            cls.Registered,
            id=national_body_id_for(code),
            timestamp=now,
            actor_id=actor_id,
            code=code,
            name=name,
            digest_email=check_email(digest_email),
            digest_subscribed=subscribed,
        )

    def change_subscription(self, *, actor_id: UUID, now: datetime, digest_email: str, subscribed: bool) -> None:
        email = check_email(digest_email)
        if (email, subscribed) == (self.digest_email, self.digest_subscribed):
            raise SubscriptionUnchanged(f"{self.code}'s digest subscription is already as given")
        self.trigger_event(
            self.DigestSubscriptionChanged,
            timestamp=now,
            actor_id=actor_id,
            digest_email=email,
            digest_subscribed=subscribed,
        )
