"""The tracker's table: an action's board, review and recommendation, its agency and owner, status and dates."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Index, Integer, MetaData, String, Table, Uuid

tracker_metadata = MetaData()

plan_actions = Table(
    "plan_actions",
    tracker_metadata,
    Column("action_id", Uuid, primary_key=True),
    Column("reference", String(40), nullable=False, unique=True),
    Column("board_id", Uuid, nullable=False),
    Column("board_code", String(16), nullable=False),
    Column("review_reference", String(32), nullable=False),
    Column("recommendation", Integer, nullable=False),
    Column("sector", String(32), nullable=False),
    Column("organisation", String(120), nullable=False),
    Column("owner_role", String(200), nullable=False),
    Column("what", String(4000), nullable=False),
    Column("status", String(24), nullable=False),
    Column("agreed_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("original_due_on", Date, nullable=False),
    Column("completion_reported_on", Date),
    Column("verified_on", Date),
    Column("returns", Integer, nullable=False),
    Column("impact_checks", Integer, nullable=False),
    Column("superseded_by", String(40)),
    Column("last_step_on", Date, nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("measured_impact", Boolean, nullable=False),
    Index("plan_actions_by_due", "board_id", "due_on", "sequence"),
    Index("plan_actions_by_review", "board_id", "review_reference", "sequence"),
    Index("plan_actions_by_status", "board_id", "status", "due_on"),
    Index("plan_actions_by_sector", "board_id", "sector", "due_on"),
)
"""`sequence` is the action's number within its review, so a review's actions list in order (A2 before A10)."""
