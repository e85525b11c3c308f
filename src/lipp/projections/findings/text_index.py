"""Full text over a finding's title, issue, causes and evidence: FTS5 (porter) on SQLite, a tsvector on PostgreSQL.

Both stem English words, so "assessments" finds "assessment" and "safeguard" finds "safeguarding".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, column, func, literal_column, table, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnClause

from lipp.projections.findings.tables import library_findings
from lipp.projections.projection import Row

FTS_TABLE = "library_finding_text"
WORD = re.compile(r"\w+", re.UNICODE)


def create(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                "ALTER TABLE library_findings ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS "
                "(to_tsvector('english', title || ' ' || issue || ' ' || causes || ' ' || evidence)) STORED"
            )
        )
        connection.execute(
            text("CREATE INDEX IF NOT EXISTS library_findings_search ON library_findings USING gin (search)")
        )
        return
    connection.execute(
        text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(body, tokenize='porter unicode61')")
    )


def drop(connection: Connection) -> None:
    """PostgreSQL's column goes with its table; SQLite's FTS table is separate."""
    if connection.dialect.name != "postgresql":
        connection.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))


def replace(connection: Connection, rows: Sequence[Row]) -> None:
    """Index the current text of these findings (PostgreSQL's generated column keeps itself current)."""
    if connection.dialect.name == "postgresql" or not rows:
        return
    ids = [{"id": row["finding_id"]} for row in rows]
    connection.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), ids)
    bodies = [{"id": row["finding_id"], "body": body_of(row)} for row in rows]
    connection.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (:id, :body)"), bodies)


def body_of(row: Row) -> str:
    return " ".join((row["title"], row["issue"], row["causes"], row["evidence"]))


def words_of(query: str) -> list[str]:
    """The words of what the user typed: every one must appear (stemmed); punctuation is ignored."""
    return WORD.findall(query)


def matching(query: Select[Any], words: Sequence[str], dialect: str) -> Select[Any]:
    """`query` over library_findings narrowed to findings with every word, best match first."""
    if dialect == "postgresql":
        wanted = func.plainto_tsquery("english", " ".join(words))
        search: ColumnClause[Any] = literal_column("library_findings.search")
        return query.where(search.op("@@")(wanted)).order_by(func.ts_rank(search, wanted).desc())
    phrase = " ".join('"' + word + '"' for word in words)
    found = table(FTS_TABLE, column("rowid"), column("rank"))
    return (
        query.join(found, found.c.rowid == library_findings.c.finding_id)
        .where(literal_column(FTS_TABLE).op("MATCH")(phrase))
        .order_by(found.c.rank)
    )
