"""A frontline team that receives learning: its agency, board, contacts and what it subscribes to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from lipp.domain.errors import InvalidInput
from lipp.domain.identifiers import team_id_for

TEAM_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,31}$")
ROLE_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


class TeamAgency(StrEnum):
    """The agency a team works in."""

    CHILDRENS_SOCIAL_CARE = "childrens_social_care"
    POLICE = "police"
    HEALTH = "health"
    EDUCATION = "education"
    EARLY_HELP = "early_help"
    OTHER = "other"


class Scope(StrEnum):
    """Whether learning comes from the team's own board (local) or from national themes and digests."""

    LOCAL = "local"
    NATIONAL = "national"


def check_team_code(code: str) -> str:
    """2 to 32 capital letters, digits or hyphens, e.g. NVL-CSC-EAST: said on the phone, typed in the CLI."""
    value = code.strip().upper()
    if not TEAM_CODE.match(value):
        raise InvalidInput(f"a team code is 2 to 32 letters, digits or hyphens (got '{code}')")
    return value


def check_role_email(address: str) -> str:
    """A shared role mailbox (e.g. csc.east.manager@northvale.example), never required to name a person."""
    value = address.strip()
    if not ROLE_EMAIL.match(value):
        raise InvalidInput(f"'{address}' is not an e-mail address")
    return value


@dataclass(frozen=True)
class Subscriptions:
    """What learning a team wants: national themes by stable id (none: every theme), the agencies whose
    learning concerns it (none: any), and local and/or national learning."""

    themes: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    scopes: tuple[Scope, ...] = (Scope.LOCAL, Scope.NATIONAL)

    def as_event_fields(self) -> dict[str, list[str]]:
        return {
            "themes": list(self.themes),
            "agencies": list(self.agencies),
            "scopes": [scope.value for scope in self.scopes],
        }

    @classmethod
    def from_event(cls, themes: list[str], agencies: list[str], scopes: list[str]) -> Subscriptions:
        return cls(themes=tuple(themes), agencies=tuple(agencies), scopes=tuple(Scope(s) for s in scopes))


class Team(Aggregate):
    """A team (a social work team, a school, a police unit ...) that briefings are addressed to."""

    class Registered(Aggregate.Created):
        """An admin or the board's coordinator registered the team."""

        actor_id: UUID
        code: str
        name: str
        agency: str
        board_id: UUID
        manager_email: str
        team_email: str
        themes: list[str]
        agencies: list[str]
        scopes: list[str]

        def apply(self, aggregate: Any) -> None:
            aggregate.code = self.code
            aggregate.name = self.name
            aggregate.agency = TeamAgency(self.agency)
            aggregate.board_id = self.board_id
            aggregate.manager_email = self.manager_email
            aggregate.team_email = self.team_email
            aggregate.subscriptions = Subscriptions.from_event(self.themes, self.agencies, self.scopes)

    class SubscriptionsChanged(Aggregate.Event):
        """The team's subscriptions were replaced."""

        actor_id: UUID
        themes: list[str]
        agencies: list[str]
        scopes: list[str]

        def apply(self, aggregate: Any) -> None:
            aggregate.subscriptions = Subscriptions.from_event(self.themes, self.agencies, self.scopes)

    code: str
    name: str
    agency: TeamAgency
    board_id: UUID
    manager_email: str
    team_email: str
    subscriptions: Subscriptions

    def __init__(self) -> None:
        """State is set by `Registered.apply`."""

    @classmethod
    def register(
        cls,
        *,
        actor_id: UUID,
        now: datetime,
        code: str,
        name: str,
        agency: TeamAgency,
        board_id: UUID,
        manager_email: str,
        team_email: str,
        subscriptions: Subscriptions,
    ) -> Team:
        code = check_team_code(code)
        return cls._create(
            cls.Registered,
            id=team_id_for(code),
            timestamp=now,
            actor_id=actor_id,
            code=code,
            name=name,
            agency=agency.value,
            board_id=board_id,
            manager_email=check_role_email(manager_email),
            team_email=check_role_email(team_email),
            **subscriptions.as_event_fields(),
        )

    def subscribe(self, *, actor_id: UUID, now: datetime, subscriptions: Subscriptions) -> None:
        self.trigger_event(
            self.SubscriptionsChanged, timestamp=now, actor_id=actor_id, **subscriptions.as_event_fields()
        )
