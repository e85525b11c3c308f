"""The reviews a lead reviewer is appointed to, from the register table, as the board register shows them."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.engine import Connection

from lipp.domain.timescales import Timescales
from lipp.projections.register.entries import RegisterEntry
from lipp.projections.register.queries import ENTRY_COLUMNS, _entry
from lipp.projections.register.table import review_register as t


def reviews_led_by(
    connection: Connection, lead_reviewer_id: UUID, today: date, timescales: Timescales
) -> list[RegisterEntry]:
    """The reviewer's reviews on every board, oldest reference first, each with its next open deadline."""
    rows = connection.execute(
        select(*ENTRY_COLUMNS).where(t.c.lead_reviewer_id == lead_reviewer_id).order_by(t.c.reference)
    )
    return [_entry(row, today, timescales) for row in rows]
