"""The accounts' tables, beside the read models: what must be replaceable and erasable stays out of the events.

A user's e-mail address is personal data and a password hash is a secret that changes; events are immutable,
so both are kept here, while the User aggregate records that a password was set, failures and locks."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, MetaData, String, Table, Uuid

accounts_metadata = MetaData()

credentials = Table(
    "account_credentials",
    accounts_metadata,
    Column("user_id", Uuid, primary_key=True),
    Column("email", String(254), unique=True),
    Column("password_hash", String(200)),
    Column("totp_secret", String(64)),
    Column("totp_last_step", Integer),  # the time step of the last code accepted: a code works once
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

links = Table(
    "account_links",
    accounts_metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Uuid, nullable=False),
    Column("purpose", String(16), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
    Index("account_links_by_user", "user_id"),
)
