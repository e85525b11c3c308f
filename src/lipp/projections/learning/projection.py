"""Keeps the deliveries table from the Delivery events: a batch's touched rows are loaded, folded, rewritten."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar
from uuid import UUID

from eventsourcing.domain import DomainEvent
from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from lipp.domain.learning.delivery import Delivery
from lipp.domain.learning.states import DeliveryState
from lipp.projections.bulk import WRITE_CHUNK
from lipp.projections.learning.tables import learning_deliveries as t
from lipp.projections.learning.tables import learning_metadata
from lipp.projections.projection import Projection, Row
from lipp.projections.rows import IN_CHUNK

STEP_COLUMNS: dict[type[DomainEvent], tuple[str, DeliveryState]] = {
    Delivery.Acknowledged: ("acknowledged_on", DeliveryState.ACKNOWLEDGED),
    Delivery.Discussed: ("discussed_on", DeliveryState.DISCUSSED),
    Delivery.PracticeChangeReported: ("changed_on", DeliveryState.CHANGE_REPORTED),
    Delivery.Verified: ("verified_on", DeliveryState.VERIFIED),
}


class DeliveriesProjection(Projection):
    """One row per delivery, as its events say it stands."""

    name: ClassVar[str] = "learning_deliveries"
    version: ClassVar[int] = 1
    metadata = learning_metadata

    @property
    def event_classes(self) -> tuple[type[DomainEvent], ...]:
        return (
            Delivery.Addressed,
            Delivery.Dispatched,
            Delivery.Delivered,
            Delivery.Bounced,
            Delivery.Acknowledged,
            Delivery.Discussed,
            Delivery.PracticeChangeReported,
            Delivery.Verified,
            Delivery.ReminderSent,
            Delivery.Escalated,
            Delivery.Lapsed,
        )

    def apply(self, connection: Connection, events: Sequence[DomainEvent]) -> None:
        table = self.own(t)
        touched = {e.originator_id for e in events if not isinstance(e, Delivery.Addressed)}
        rows = _existing(connection, table, touched)
        stale = set(rows)
        for event in events:
            if isinstance(event, Delivery.Addressed):
                rows[event.originator_id] = _addressed(event)
            else:
                _fold(rows[event.originator_id], event)
        ids = list(stale)
        for start in range(0, len(ids), IN_CHUNK):
            connection.execute(table.delete().where(table.c.delivery_id.in_(ids[start : start + IN_CHUNK])))
        values = list(rows.values())
        for start in range(0, len(values), WRITE_CHUNK):
            connection.execute(table.insert(), values[start : start + WRITE_CHUNK])


def _addressed(event: Delivery.Addressed) -> Row:
    return {
        "delivery_id": event.originator_id,
        "code": event.code,
        "briefing_id": event.briefing_id,
        "briefing_key": event.briefing_key,
        "team_id": event.team_id,
        "team_code": event.team_code,
        "board_id": event.board_id,
        "board_code": event.board_code,
        "agency": event.agency,
        "scope": event.scope,
        "themes": "|" + "|".join(event.theme_ids) + "|",
        "state": DeliveryState.ADDRESSED.value,
        "bounced": False,
        "addressed_on": event.on,
        "acknowledged_on": None,
        "discussed_on": None,
        "changed_on": None,
        "verified_on": None,
        "lapsed_on": None,
        "owed_since": event.on,
        "steps_taken": 0,
        "reminders": 0,
        "escalations": 0,
    }


def _fold(row: Row, event: DomainEvent) -> None:
    step = STEP_COLUMNS.get(type(event))
    if step is not None:
        column, state = step
        row[column] = row["owed_since"] = event.on  # type: ignore[attr-defined]
        row["state"], row["steps_taken"] = state.value, 0
    elif isinstance(event, Delivery.Dispatched):
        row["state"] = DeliveryState.DISPATCHED.value
    elif isinstance(event, Delivery.Delivered):
        row["state"] = DeliveryState.DELIVERED.value
    elif isinstance(event, Delivery.Bounced):
        row["state"], row["bounced"] = DeliveryState.BOUNCED.value, True
    elif isinstance(event, Delivery.ReminderSent):
        row["reminders"] += 1
        row["steps_taken"] += 1
    elif isinstance(event, Delivery.Escalated):
        row["escalations"] += 1
        row["steps_taken"] += 1
    elif isinstance(event, Delivery.Lapsed):
        row["state"], row["lapsed_on"] = DeliveryState.LAPSED.value, event.on
        row["steps_taken"] += 1


def _existing(connection: Connection, table: Table, delivery_ids: set[UUID]) -> dict[UUID, Row]:
    found: dict[UUID, Row] = {}
    ids = list(delivery_ids)
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        for row in connection.execute(select(table).where(table.c.delivery_id.in_(chunk))):
            found[row.delivery_id] = row._asdict()
    return found
