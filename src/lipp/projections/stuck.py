"""What the runner does when a projection cannot apply an event: find the event, stop just before it, say why.

Each step runs inside the runner's writing transaction, so the rows applied, the position and the recorded
fault commit together (see faults.py for the record, README Troubleshooting for the operator's side)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.utils import get_topic
from sqlalchemy.engine import Connection

from lipp.projections import faults, tracking
from lipp.projections.decoding import Undecodable
from lipp.projections.projection import Projection


def apply_until_fault(
    connection: Connection, projection: Projection, picked: list[tuple[int, Any]], reached: int
) -> faults.Fault | None:
    """Apply `picked` one event at a time (each in a savepoint) with the position already moved to `reached`.
    At the first event that fails, undo only that event, move the position back to just before it and record
    the fault; None when every event applied (the failure did not come back), which clears any old fault."""
    for notification_id, event in picked:
        if isinstance(event, Undecodable):  # nothing to apply: stop just before it
            return _stop(
                connection,
                projection,
                reached,
                notification_id,
                faults.Fault(notification_id, event.topic, event.reason),
            )
        savepoint = connection.begin_nested()
        try:
            projection.apply_at(connection, [event], [notification_id])
        except Exception as error:  # any failure of one projection's handling: recorded, the others go on
            savepoint.rollback()
            fault = faults.Fault(notification_id, get_topic(type(event)), faults.reason_of(error))
            return _stop(connection, projection, reached, notification_id, fault)
        savepoint.commit()
    faults.clear(connection, projection.tracking_name)
    return None


def _stop(
    connection: Connection, projection: Projection, reached: int, notification_id: int, fault: faults.Fault
) -> faults.Fault:
    """Move the position back to just before the event and record why."""
    tracking.move_position(connection, projection.tracking_name, reached, notification_id - 1)
    faults.record(connection, projection.tracking_name, fault)
    return fault


def refuse_if_rebuild_stuck(
    connection: Connection, projections: Sequence[Projection], shadows: Sequence[Projection]
) -> None:
    """A rebuild whose shadow met an event it cannot apply stops (the live tables stay as they were); run again
    once the cause is fixed, it carries on from the shadow's position."""
    for projection, shadow in zip(projections, shadows, strict=True):
        fault = faults.fault_of(connection, shadow.tracking_name)
        if fault is not None:
            raise faults.ProjectionStuck(
                f"the rebuild stopped: {fault.describe(projection.name)}; the live tables are unchanged"
            )


def skip(connection: Connection, projection: Projection, notification_id: int) -> None:
    """Move a stuck projection past the event it is stuck on: that event's effect is missing from this read model
    until a rebuild with a lipp that can apply it. Any other notification id is refused."""
    fault = faults.fault_of(connection, projection.tracking_name)
    if fault is None or fault.notification_id != notification_id:
        where = f"stuck at notification {fault.notification_id}" if fault else "not stuck"
        raise faults.NotStuckThere(
            f"projection {projection.name} is {where}: only the event it is stuck on can be skipped"
        )
    tracking.move_position(connection, projection.tracking_name, notification_id - 1, notification_id)
    faults.clear(connection, projection.tracking_name)
