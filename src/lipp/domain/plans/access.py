"""Who may see and act on a board's plans. Refusals to see are reported as 'not found', never leaking existence."""

from __future__ import annotations

from uuid import UUID

from lipp.domain.actors import Actor, Role
from lipp.domain.errors import NotAuthorised


class OnlyTheBoardsCoordinatorsManagePlans(NotAuthorised):
    """A board's coordinators agree its actions, post their progress, verify or return them and check impact.

    (Agency leads posting their own agency's progress is a role still to come.)"""


class ActorMayNotSeePlans(NotAuthorised):
    """A board's plans are read by its coordinators and by admins."""


def may_see(actor: Actor, board_id: UUID) -> bool:
    return actor.role is Role.ADMIN or actor.is_coordinator_of(board_id)


def require_may_see(actor: Actor, board_id: UUID, board_code: str) -> None:
    if not may_see(actor, board_id):
        raise ActorMayNotSeePlans(
            f"{actor.username} ({actor.role.value}) may not see {board_code}'s action plans: "
            "its coordinators and admins may"
        )


def require_may_manage(actor: Actor, board_id: UUID, board_code: str) -> None:
    if not actor.is_coordinator_of(board_id):
        raise OnlyTheBoardsCoordinatorsManagePlans(
            f"{actor.username} ({actor.role.value}) may not change {board_code}'s action plans: "
            "only a coordinator of the board may"
        )
