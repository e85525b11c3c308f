"""Which deliveries a user may see: the one rule behind a delivery's detail, the delivery list and the loop
metrics, so a list never shows what the detail refuses and a filter never answers zeros for what is hidden."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from lipp.domain.actors import Actor, Role
from lipp.domain.errors import NotAuthorised
from lipp.domain.identifiers import board_id_for


class MayNotListDeliveries(NotAuthorised):
    """Deliveries are listed, one by one, to admins, a board's coordinator and a team's members."""


class ActorMayNotSeeLoopMetrics(NotAuthorised):
    """Loop metrics are for admins, national bodies (every board) and coordinators (their own board)."""


@dataclass(frozen=True)
class Sight:
    """Deliveries an actor may see: every one, one board's, or one team's."""

    every: bool = False
    board_id: UUID | None = None
    team_id: UUID | None = None

    def covers(self, board_id: UUID, team_id: UUID) -> bool:
        if self.every:
            return True
        if self.board_id is not None:
            return board_id == self.board_id
        return self.team_id is not None and team_id == self.team_id


EVERY = Sight(every=True)


def in_detail(actor: Actor) -> Sight | None:
    """Deliveries the actor may see one by one (detail and list): admins every one, a coordinator their board's
    teams', a team member their own team's; None for everyone else (national bodies see only the metrics)."""
    if actor.role in (Role.ADMIN, Role.SYSTEM):
        return EVERY
    if actor.role is Role.COORDINATOR and actor.board_id is not None:
        return Sight(board_id=actor.board_id)
    if actor.role is Role.TEAM_MEMBER and actor.team_id is not None:
        return Sight(team_id=actor.team_id)
    return None


def listing(actor: Actor) -> Sight:
    """The sight for listing deliveries, refused (403) to those who may see none in detail."""
    sight = in_detail(actor)
    if sight is None:
        raise MayNotListDeliveries(
            f"{actor.username} ({actor.role.value}) may not list deliveries: admins, coordinators and teams may"
        )
    return sight


def in_aggregate(actor: Actor, board_code: str | None) -> Sight:
    """The deliveries counted in the actor's loop metrics, optionally of one board: admins and national bodies
    every board's (anonymised counts), a coordinator only their own board's. Asking for a board one may not
    see is refused, not answered with zeros."""
    if actor.role in (Role.ADMIN, Role.NATIONAL_BODY, Role.SYSTEM):
        return EVERY
    if actor.role is Role.COORDINATOR and actor.board_id is not None:
        if board_code and board_id_for(board_code.strip().upper()) != actor.board_id:
            raise ActorMayNotSeeLoopMetrics(
                f"{actor.username} (coordinator) may not see the loop metrics of {board_code.strip().upper()}: "
                "only their own board's"
            )
        return Sight(board_id=actor.board_id)
    raise ActorMayNotSeeLoopMetrics(
        f"{actor.username} ({actor.role.value}) may not see loop metrics: admins, national bodies and coordinators may"
    )
