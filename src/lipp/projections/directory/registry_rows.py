"""The directory's registry rows: boards, users, teams, national bodies and API tokens.

Each handler does to the row what the event's `apply` does to the aggregate, so a list shows what the
aggregate would (the directory tests compare the two)."""

from __future__ import annotations

from typing import ClassVar

from eventsourcing.domain import DomainEvent

from lipp.domain.registry.board import Board
from lipp.domain.registry.national_body import NationalBody
from lipp.domain.registry.team import Team
from lipp.domain.registry.token import ApiToken
from lipp.domain.registry.user import User
from lipp.projections.directory.tables import (
    directory_boards,
    directory_metadata,
    directory_national_bodies,
    directory_teams,
    directory_tokens,
    directory_users,
)
from lipp.projections.projection import Row
from lipp.projections.rows import RowPerAggregate, changes_row, starts_row


class DirectoryPart(RowPerAggregate):
    """One table of the directory; the directory projection feeds each part its own events."""

    name: ClassVar[str] = "directory"
    metadata = directory_metadata
    positions: dict[int, int]
    """Notification ids of the batch's events by `id(event)`, set by the directory projection."""

    def position_of(self, event: DomainEvent) -> int:
        return self.positions.get(id(event), 0)


class BoardRows(DirectoryPart):
    table = directory_boards
    key = "board_id"

    @starts_row(Board.Registered)
    def registered(self, event: Board.Registered) -> Row:
        return {
            "board_id": event.originator_id,
            "code": event.code,
            "name": event.name,
            "area": event.area,
            "learning_contact": "",
        }

    @changes_row(Board.LearningContactSet)
    def contact_set(self, row: Row, event: Board.LearningContactSet) -> None:
        row["learning_contact"] = event.email


class UserRows(DirectoryPart):
    table = directory_users
    key = "user_id"

    @starts_row(User.Registered)
    def registered(self, event: User.Registered) -> Row:
        return {
            "user_id": event.originator_id,
            "username": event.username,
            "role": event.role,
            "board_id": event.board_id,
            "team_id": event.team_id,
            "national_body_id": None,
            "active": True,
        }

    @changes_row(User.Deactivated)
    def deactivated(self, row: Row, event: User.Deactivated) -> None:
        row["active"] = False

    @changes_row(User.JoinedNationalBody)
    def joined(self, row: Row, event: User.JoinedNationalBody) -> None:
        row["national_body_id"] = event.national_body_id


class TeamRows(DirectoryPart):
    table = directory_teams
    key = "team_id"

    @starts_row(Team.Registered)
    def registered(self, event: Team.Registered) -> Row:
        return {
            "team_id": event.originator_id,
            "code": event.code,
            "name": event.name,
            "agency": event.agency,
            "board_id": event.board_id,
            "manager_email": event.manager_email,
            "team_email": event.team_email,
            **_subscriptions(event),
        }

    @changes_row(Team.SubscriptionsChanged)
    def subscribed(self, row: Row, event: Team.SubscriptionsChanged) -> None:
        row.update(_subscriptions(event))


class NationalBodyRows(DirectoryPart):
    table = directory_national_bodies
    key = "body_id"

    @starts_row(NationalBody.Registered)
    def registered(self, event: NationalBody.Registered) -> Row:
        return {
            "body_id": event.originator_id,
            "code": event.code,
            "name": event.name,
            "digest_email": event.digest_email,
            "digest_subscribed": event.digest_subscribed,
        }

    @changes_row(NationalBody.DigestSubscriptionChanged)
    def subscription_changed(self, row: Row, event: NationalBody.DigestSubscriptionChanged) -> None:
        row.update(digest_email=event.digest_email, digest_subscribed=event.digest_subscribed)


class TokenRows(DirectoryPart):
    table = directory_tokens
    key = "token_id"

    @starts_row(ApiToken.Issued)
    def issued(self, event: ApiToken.Issued) -> Row:
        return {
            "token_id": event.originator_id,
            "user_id": event.user_id,
            "label": event.label,
            "issued_at": event.timestamp,
            "revoked": False,
            "position": self.position_of(event),
        }

    @changes_row(ApiToken.Revoked)
    def revoked(self, row: Row, event: ApiToken.Revoked) -> None:
        row["revoked"] = True


def _subscriptions(event: Team.Registered | Team.SubscriptionsChanged) -> Row:
    return {name: " ".join(getattr(event, name)) for name in ("themes", "agencies", "scopes")}
