"""The directory's tables: one per kind of thing listed, each row the state its list shows.

`position` is the notification id of a row's first event: lists in log order use it, and so break ties of
recorded times. A team's subscriptions (ids and codes, never with a space) are words
separated by spaces; other lists of values (expertise, progress notes, conflicts) are JSON, dates inside them
ISO strings.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Index, Integer, MetaData, String, Table, Text, Uuid

directory_metadata = MetaData()

directory_boards = Table(
    "directory_boards",
    directory_metadata,
    Column("board_id", Uuid, primary_key=True),
    Column("code", String(8), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("area", Text, nullable=False),
    Column("learning_contact", Text, nullable=False),
)

directory_users = Table(
    "directory_users",
    directory_metadata,
    Column("user_id", Uuid, primary_key=True),
    Column("username", String(40), nullable=False, unique=True),
    Column("role", String(24), nullable=False),
    Column("board_id", Uuid),
    Column("team_id", Uuid),
    Column("national_body_id", Uuid),
    Column("active", Boolean, nullable=False),
)

directory_teams = Table(
    "directory_teams",
    directory_metadata,
    Column("team_id", Uuid, primary_key=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("agency", String(32), nullable=False),
    Column("board_id", Uuid, nullable=False),
    Column("manager_email", Text, nullable=False),
    Column("team_email", Text, nullable=False),
    Column("themes", Text, nullable=False),
    Column("agencies", Text, nullable=False),
    Column("scopes", Text, nullable=False),
    Index("directory_teams_by_board", "board_id", "code"),
)

directory_national_bodies = Table(
    "directory_national_bodies",
    directory_metadata,
    Column("body_id", Uuid, primary_key=True),
    Column("code", String(8), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("digest_email", Text, nullable=False),
    Column("digest_subscribed", Boolean, nullable=False),
)

directory_tokens = Table(
    "directory_tokens",
    directory_metadata,
    Column("token_id", Uuid, primary_key=True),
    Column("user_id", Uuid, nullable=False),
    Column("label", Text, nullable=False),
    Column("issued_at", DateTime(timezone=True), nullable=False),
    Column("revoked", Boolean, nullable=False),
    Column("position", Integer, nullable=False),
    Index("directory_tokens_by_issue", "position"),
)

directory_briefings = Table(
    "directory_briefings",
    directory_metadata,
    Column("briefing_id", Uuid, primary_key=True),
    Column("key", String(), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("source", String(16), nullable=False),
    Column("scope", String(16), nullable=False),
    Column("board_id", Uuid),
    Column("released_on", Date),
    Column("teams_addressed", Integer, nullable=False),
    Column("drafted_at", DateTime(timezone=True), nullable=False),
    Column("position", Integer, nullable=False),
    Index("directory_briefings_by_draft", "drafted_at", "position"),
)

directory_digests = Table(
    "directory_digests",
    directory_metadata,
    Column("digest_id", Uuid, primary_key=True),
    Column("id_text", String(36), nullable=False, unique=True),
    Column("method", Integer, nullable=False),
    Column("period_from", Date, nullable=False),
    Column("period_to", Date, nullable=False),
    Column("position", Integer, nullable=False),
    Column("themes_version", Integer, nullable=False),
    Column("patterns_version", Integer, nullable=False),
    Column("markers_version", Integer, nullable=False),
    Column("issued_on", Date, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("issued_by", Uuid, nullable=False),
)

directory_actions = Table(
    "directory_actions",
    directory_metadata,
    Column("action_id", Uuid, primary_key=True),
    Column("reference", String(), nullable=False, unique=True),
    Column("national_body_id", Uuid, nullable=False),
    Column("body_code", String(8), nullable=False),
    Column("theme_id", String(), nullable=False),
    Column("themes_version", Integer, nullable=False),
    Column("owner", Text, nullable=False),
    Column("owner_folded", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("committed_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("status", String(16), nullable=False),
    Column("progress", JSON, nullable=False),
    Column("closed_on", Date),
    Column("outcome", Text, nullable=False),
    Index("directory_actions_in_order", "theme_id", "due_on", "reference"),
    Index("directory_actions_by_body", "national_body_id"),
)

directory_reviewers = Table(
    "directory_reviewers",
    directory_metadata,
    Column("profile_id", Uuid, primary_key=True),
    Column("reviewer_id", Uuid, nullable=False),
    Column("username", String(40), nullable=False, unique=True),
    Column("expertise", JSON, nullable=False),
    Column("capacity", Integer, nullable=False),
    Column("available", Boolean, nullable=False),
    Column("masterclasses", JSON, nullable=False),
    Column("conflicts", JSON, nullable=False),
)
