"""The active admins, kept as one aggregate so that removing the last of them is refused even under races."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from lipp.domain.errors import RuleBroken
from lipp.domain.identifiers import LIPP_NAMESPACE

ADMIN_ROSTER_ID = uuid5(LIPP_NAMESPACE, "registry:active-admins")


class LastActiveAdmin(RuleBroken):
    """Deactivating the last active admin, or taking their role, would leave no one to administer lipp."""


class AdminRoster(Aggregate):
    """Who is an active admin now. Every change to that set is saved together with the user's own event, so two
    admins removing each other at once conflict (one is told to try again) instead of both succeeding."""

    class Counted(Aggregate.Created):
        """The roster started, from the registry as it stood (a store made before the roster counts its users)."""

        admins: list[UUID]

        def apply(self, aggregate: Any) -> None:
            aggregate.admins = list(self.admins)

    class Changed(Aggregate.Event):
        """An admin was added to or left the set; the whole set after the change."""

        admins: list[UUID]

        def apply(self, aggregate: Any) -> None:
            aggregate.admins = list(self.admins)

    admins: list[UUID]

    def __init__(self) -> None:
        """State is set by `Counted.apply`."""

    @classmethod
    def count(cls, *, now: datetime, admins: list[UUID]) -> AdminRoster:
        return cls._create(cls.Counted, id=ADMIN_ROSTER_ID, timestamp=now, admins=sorted(admins))

    def add(self, *, now: datetime, user_id: UUID) -> None:
        if user_id not in self.admins:
            self.trigger_event(self.Changed, timestamp=now, admins=sorted([*self.admins, user_id]))

    def remove(self, *, now: datetime, user_id: UUID, username: str, what: str) -> None:
        """Take `user_id` out of the set; refused when no other active admin would remain."""
        if user_id not in self.admins:
            return
        if len(self.admins) == 1:
            raise LastActiveAdmin(
                f"{username} is the last active admin and cannot {what}: make another user an admin first "
                "(or, holding the database, see 'lipp admin recover')"
            )
        self.trigger_event(self.Changed, timestamp=now, admins=[a for a in self.admins if a != user_id])
