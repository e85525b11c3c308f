"""The register's table: a review's identity, where it stands, and the business dates its deadlines run from."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, DateTime, Index, Integer, MetaData, String, Table, Uuid

register_metadata = MetaData()

review_register = Table(
    "review_register",
    register_metadata,
    Column("review_id", Uuid, primary_key=True),
    Column("reference", String(32), nullable=False, unique=True),
    Column("board_id", Uuid, nullable=False),
    Column("case_reference", String(32), nullable=False),
    Column("incident_kind", String(24), nullable=False),
    Column("looked_after", Boolean, nullable=False),
    Column("agencies", Integer, nullable=False),
    Column("stage", String(24), nullable=False),
    Column("aware_on", Date, nullable=False),
    Column("notified_on", Date, nullable=False),
    Column("decision", String(24)),
    Column("decided_on", Date),
    Column("kind", String(16)),
    Column("methodology", String(24)),
    Column("lead_reviewer_id", Uuid),
    Column("signed_off_on", Date),
    Column("publication_reconsider_on", Date),
    Column("paused_since", Date),
    Column("paused_for", String(24)),
    Column("closed_pause_days", Integer, nullable=False),
    Column("pauses", Integer, nullable=False),
    Column("last_step_on", Date, nullable=False),
    Column("version", Integer, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Index("review_register_by_board", "board_id", "reference"),
    Index("review_register_by_stage", "board_id", "stage"),
)
