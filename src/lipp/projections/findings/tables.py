"""The library's tables: the reviews findings belong to, the findings, and their national themes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Boolean, Column, Date, Index, Integer, MetaData, String, Table, Text, Uuid

library_metadata = MetaData()

library_reviews = Table(
    "library_reviews",
    library_metadata,
    Column("review_id", Uuid, primary_key=True),
    Column("reference", String(32), nullable=False),
    Column("board_id", Uuid, nullable=False),
    Column("board_code", String(16), nullable=False),
    Column("year", Integer, nullable=False),
    Column("case_reference", String(32), nullable=False),
    Column("stage", String(24), nullable=False),
    Column("lead_reviewer_id", Uuid),
    Column("finding_order", String(400), nullable=False),
    Column("withheld", Boolean, nullable=False),
)
"""What a finding needs from its review. The case reference lives only here, never in a finding's row."""

library_findings = Table(
    "library_findings",
    library_metadata,
    Column("finding_id", Integer, primary_key=True, autoincrement=False),
    Column("review_id", Uuid, nullable=False),
    Column("number", Integer, nullable=False),
    Column("reference", String(32), nullable=False),
    Column("board_id", Uuid, nullable=False),
    Column("board_code", String(16), nullable=False),
    Column("year", Integer, nullable=False),
    Column("lead_reviewer_id", Uuid),
    Column("stage", String(24), nullable=False),
    Column("title", Text, nullable=False),
    Column("issue", Text, nullable=False),
    Column("causes", Text, nullable=False),
    Column("pattern", String(48), nullable=False),
    Column("themes", String(200), nullable=False),
    Column("agencies", Text, nullable=False),
    Column("agency_sectors", String(200), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("priority", Integer),
    Column("withdrawn", Boolean, nullable=False),
    Column("checked", Boolean, nullable=False),
    Column("hits_outstanding", Integer, nullable=False),
    Column("approved", Boolean, nullable=False),
    Column("withheld", Boolean, nullable=False),
    Column("shareable", Boolean, nullable=False),
    Column("logged_on", Date, nullable=False),
    Column("revisions", Integer, nullable=False),
    Index("library_findings_by_review", "review_id", "number", unique=True),
    Index("library_findings_by_board", "board_code", "logged_on"),
    Index("library_findings_by_date", "logged_on"),
    Index("library_findings_by_pattern", "pattern", "logged_on"),
)
"""One row per finding. `finding_id` is given in log order by the projection, so a rebuild gives the same ids.
`themes` is space-separated stable ids; `agency_sectors` is `|sector|sector|` for exact filtering. `shareable`:
cleared by the redaction check, approved by a coordinator and not withheld (criminal proceedings), so it may be
seen beyond the board (ADR 0023)."""

library_finding_themes = Table(
    "library_finding_themes",
    library_metadata,
    Column("theme_id", String(16), primary_key=True),
    Column("finding_id", Integer, primary_key=True),
)


@dataclass(frozen=True)
class LibraryTables:
    """The tables one projection instance writes: the live ones, or a rebuild's shadows of them."""

    reviews: Table
    findings: Table
    themes: Table
    text: str
    """SQLite: the FTS5 table of the findings' text; PostgreSQL keeps it in a column of `findings`."""
