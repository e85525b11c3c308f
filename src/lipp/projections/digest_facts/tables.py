"""Digest facts' tables. Rows are only ever appended: each carries `position`, the id of the notification that
produced it, so the state as of position P is the latest row per key with position <= P."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Date, Index, Integer, MetaData, String, Table, Text, Uuid

digest_metadata = MetaData()

digest_reviews = Table(
    "digest_reviews",
    digest_metadata,
    Column("review_id", Uuid, primary_key=True),
    Column("board_code", String(16), nullable=False),
    Column("year", Integer, nullable=False),
    Column("incident_kind", String(32), nullable=False),
)
"""What never changes about a review: its board, the year of its reference and what happened."""

digest_review_facts = Table(
    "digest_review_facts",
    digest_metadata,
    Column("review_id", Uuid, primary_key=True),
    Column("fact", String(16), primary_key=True),
    Column("position", BigInteger, primary_key=True),
    Column("on", Date, nullable=False),
    Column("board_code", String(16), nullable=False),
    Column("incident_kind", String(32), nullable=False),
    Column("detail", String(32), nullable=False),
    Index("digest_review_facts_by_date", "fact", "on", "position"),
)
"""One row per step a digest counts: notified, decided (detail: the decision), signed off, published; and withheld
(a pause for a criminal trial) and released, which say whether the review's findings may travel."""

digest_finding_versions = Table(
    "digest_finding_versions",
    digest_metadata,
    Column("review_id", Uuid, primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("position", BigInteger, primary_key=True),
    Column("board_code", String(16), nullable=False),
    Column("year", Integer, nullable=False),
    Column("logged_on", Date, nullable=False),
    Column("withdrawn", Boolean, nullable=False),
    Column("checked", Boolean, nullable=False),
    Column("hits_outstanding", Integer, nullable=False),
    Column("shareable", Boolean, nullable=False),
    Column("approved", Boolean, nullable=False),
    Column("pattern", String(40), nullable=False),
    Column("themes", String(200), nullable=False),
    Column("title", Text, nullable=False),
    Column("issue", Text, nullable=False),
    Column("causes", Text, nullable=False),
    Index("digest_finding_versions_by_date", "logged_on", "position"),
)
"""A finding's whole state after each event that changed it (logged, revised, withdrawn, checked, cleared, approved
or its approval withdrawn). `shareable` keeps its first meaning, cleared by the redaction check (digest methods 1
and 2 read it); from method 3 a finding travels when it is also `approved` and its review's findings are not
withheld (the review facts `withheld` and `released`; ADR 0023)."""

digest_marker_facts = Table(
    "digest_marker_facts",
    digest_metadata,
    Column("review_id", Uuid, primary_key=True),
    Column("marker", Integer, primary_key=True),
    Column("position", BigInteger, primary_key=True),
    Column("board_code", String(16), nullable=False),
    Column("rating", String(16), nullable=False),
    Column("assessed_on", Date, nullable=False),
    Index("digest_marker_facts_by_date", "assessed_on", "position"),
)

digest_action_versions = Table(
    "digest_action_versions",
    digest_metadata,
    Column("action_id", Uuid, primary_key=True),
    Column("position", BigInteger, primary_key=True),
    Column("reference", String(24), nullable=False),
    Column("body_code", String(16), nullable=False),
    Column("theme_id", String(16), nullable=False),
    Column("owner", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("committed_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("status", String(16), nullable=False),
    Column("progress_notes", Integer, nullable=False),
    Column("last_note", Text, nullable=False),
    Column("closed_on", Date, nullable=True),
    Column("outcome", Text, nullable=False),
)
"""An Alliance action's whole state after each of its events."""

digest_delivery_versions = Table(
    "digest_delivery_versions",
    digest_metadata,
    Column("delivery_id", Uuid, primary_key=True),
    Column("position", BigInteger, primary_key=True),
    Column("addressed_on", Date, nullable=False),
    Column("themes", String(200), nullable=False),
    Column("acknowledged", Boolean, nullable=False),
    Column("verified", Boolean, nullable=False),
    Index("digest_delivery_versions_by_date", "addressed_on", "position"),
)
"""A delivery of learning to a team after each milestone a digest counts: addressed, acknowledged, verified.
`themes` is `|NT04|NT13|`, the briefing's themes."""
