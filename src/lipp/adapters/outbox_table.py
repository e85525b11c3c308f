"""The outbox's queue table. It is the adapter's own state, not a read model: no projection writes it (ADR 0007)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()
RECIPIENT_LENGTH = 320

outbox = Table(
    "lipp_outbox",
    metadata,
    Column("key", String(300), primary_key=True),
    Column("recipient", String(RECIPIENT_LENGTH), nullable=False),
    Column("subject", Text, nullable=False),
    Column("body_text", Text, nullable=False),
    Column("body_html", Text, nullable=True),
    Column("headers", Text, nullable=False),
    Column("message_id", String(100), nullable=False),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text, nullable=True),
    Column("queued_at", DateTime(timezone=True), nullable=False),
    Column("next_attempt_at", DateTime(timezone=True), nullable=True),
    Column("sent_at", DateTime(timezone=True), nullable=True),
    Index("lipp_outbox_due_in_order", "state", "next_attempt_at", "queued_at", "key"),
)
