"""Who acts: every command carries an actor, and every event records one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from lipp.domain.identifiers import SYSTEM_ACTOR_ID


class Role(StrEnum):
    """What a user may do, scoped as the docstrings say."""

    ADMIN = "admin"
    """Manages the registry: boards and users. Sees every review; advances none."""
    COORDINATOR = "coordinator"
    """A partnership's business manager: advances the reviews of one board."""
    LEAD_REVIEWER = "lead_reviewer"
    """An independent reviewer: acts on the reviews they are appointed to."""
    NATIONAL_BODY = "national_body"
    """A member of the national Alliance: anonymised national data only."""
    TEAM_MEMBER = "team_member"
    """A frontline practitioner: their team's deliveries only."""
    SYSTEM = "system"
    """lipp itself, acting in scheduled flows."""


@dataclass(frozen=True)
class Actor:
    """A user acting in one role, with the board or team that scopes it."""

    user_id: UUID
    username: str
    role: Role
    board_id: UUID | None = None
    team_id: UUID | None = None
    national_body_id: UUID | None = None

    def is_member_of(self, national_body_id: UUID) -> bool:
        return self.role is Role.NATIONAL_BODY and self.national_body_id == national_body_id

    def is_coordinator_of(self, board_id: UUID) -> bool:
        return self.role is Role.COORDINATOR and self.board_id == board_id


SYSTEM_ACTOR = Actor(user_id=SYSTEM_ACTOR_ID, username="lipp", role=Role.SYSTEM)
