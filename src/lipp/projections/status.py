"""Where the read models stand, for admins: each projection's position in the log and how far behind it is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lipp.domain.actors import Actor, Role
from lipp.domain.errors import NotAuthorised
from lipp.projections.faults import Fault
from lipp.projections.projection import Projection
from lipp.projections.runner import ProjectionRunner


class ActorMayNotSeeProjections(NotAuthorised):
    """Only admins see the read models' positions: they run the platform, nobody else needs to."""


@dataclass(frozen=True)
class ProjectionState:
    """A projection's version, the last notification it applied (None: not built), the log's end, the lag,
    and the event it is stuck on (None: it is not)."""

    name: str
    version: int
    position: int | None
    log_end: int
    lag: int
    stuck: Fault | None = None


def projection_states(
    actor: Actor, runner: ProjectionRunner, projections: Sequence[Projection]
) -> list[ProjectionState]:
    """Each projection's state, in catalogue order (admins only)."""
    if actor.role is not Role.ADMIN:
        raise ActorMayNotSeeProjections(
            f"{actor.username} ({actor.role.value}) may not see the read models' state: admins may"
        )
    found = [runner.status(projection) for projection in projections]
    return [ProjectionState(s.name, s.version, s.position, s.log_end, s.lag, s.stuck) for s in found]
