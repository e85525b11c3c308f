"""The deliveries table: one row per (briefing, team), with the business date each step was taken."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Index, Integer, MetaData, String, Table, Uuid

learning_metadata = MetaData()

learning_deliveries = Table(
    "learning_deliveries",
    learning_metadata,
    Column("delivery_id", Uuid, primary_key=True),
    Column("code", String(16), nullable=False),
    Column("briefing_id", Uuid, nullable=False),
    Column("briefing_key", String(80), nullable=False),
    Column("team_id", Uuid, nullable=False),
    Column("team_code", String(32), nullable=False),
    Column("board_id", Uuid, nullable=False),
    Column("board_code", String(16), nullable=False),
    Column("agency", String(32), nullable=False),
    Column("scope", String(16), nullable=False),
    Column("themes", String(200), nullable=False),
    Column("state", String(24), nullable=False),
    Column("bounced", Boolean, nullable=False),
    Column("addressed_on", Date, nullable=False),
    Column("acknowledged_on", Date),
    Column("discussed_on", Date),
    Column("changed_on", Date),
    Column("verified_on", Date),
    Column("lapsed_on", Date),
    Column("owed_since", Date, nullable=False),
    Column("steps_taken", Integer, nullable=False),
    Column("reminders", Integer, nullable=False),
    Column("escalations", Integer, nullable=False),
    Index("learning_deliveries_by_code", "code", unique=True),
    Index("learning_deliveries_by_briefing", "briefing_id", "state"),
    Index("learning_deliveries_by_board", "board_id", "state"),
    Index("learning_deliveries_by_team", "team_id"),
    Index("learning_deliveries_open", "state", "owed_since"),
)
"""`themes` is `|NT05|NT13|` for exact filtering, as in the findings library."""
