"""Full text over a finding's title, issue and causes: FTS5 (porter) on SQLite, a tsvector on PostgreSQL.

Both stem English words, so "assessments" finds "assessment" and "safeguard" finds "safeguarding". The evidence
(key practice episodes of the case) is not indexed: it never leaves the board, and a match on it would tell a
reader outside the board what it says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, column, func, literal_column, select, table, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnClause

from lipp.projections.findings.tables import library_findings
from lipp.projections.projection import Row

FTS_TABLE = "library_finding_text"
SEARCH_INDEX = "library_findings_search"
CANDIDATES = 2_000
"""Matches ranked by relevance when nothing narrows the search: the most recent ones (finding ids are given in
log order)."""
WORD = re.compile(r"\w+", re.UNICODE)


def create(connection: Connection, findings: Table, text_table: str, search_index: str) -> None:
    """Add the full-text index of `findings`: a generated tsvector with a GIN index named `search_index` on
    PostgreSQL, the FTS5 table `text_table` on SQLite."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                f"ALTER TABLE {findings.name} ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS "
                "(to_tsvector('english', title || ' ' || issue || ' ' || causes)) STORED"
            )
        )
        connection.execute(text(f"CREATE INDEX IF NOT EXISTS {search_index} ON {findings.name} USING gin (search)"))
        return
    connection.execute(
        text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {text_table} USING fts5(body, tokenize='porter unicode61')")
    )


def drop(connection: Connection, text_table: str) -> None:
    """PostgreSQL's column goes with its table; SQLite's FTS table is separate."""
    if connection.dialect.name != "postgresql":
        connection.execute(text(f"DROP TABLE IF EXISTS {text_table}"))


def replace(connection: Connection, text_table: str, rows: Sequence[Row]) -> None:
    """Index the current text of these findings (PostgreSQL's generated column keeps itself current)."""
    if connection.dialect.name == "postgresql" or not rows:
        return
    ids = [(row["finding_id"],) for row in rows]
    connection.exec_driver_sql(f"DELETE FROM {text_table} WHERE rowid = ?", ids)
    bodies = [(row["finding_id"], body_of(row)) for row in rows]
    connection.exec_driver_sql(f"INSERT INTO {text_table}(rowid, body) VALUES (?, ?)", bodies)


def body_of(row: Row) -> str:
    return " ".join((row["title"], row["issue"], row["causes"]))


def words_of(query: str) -> list[str]:
    """The words of what the user typed: every one must appear (stemmed); punctuation is ignored."""
    return WORD.findall(query)


def best_matches(query: Select[Any], words: Sequence[str], dialect: str, limit: int, *, narrow: bool) -> Select[Any]:
    """The ids of `query`'s findings (over library_findings) that hold every word, best match first.

    When `query` is not `narrow`, relevance is computed for the `CANDIDATES` most recent matching findings only:
    ranking every match of a very common word ("assessment" is in half the library) is what made such searches
    slow, while taking the newest matches first costs nothing; fewer matches than that are ranked exactly.
    A `narrow` query (one board, theme or pattern) ranks every match: walking the text matches newest first
    would visit thousands that the filter then throws away, while the database can start from the filter.
    """
    t = library_findings
    if dialect == "postgresql":
        wanted = func.plainto_tsquery("english", " ".join(words))
        search: ColumnClause[Any] = literal_column("library_findings.search")
        score = (-func.ts_rank(search, wanted)).label("score")
        query = query.where(search.op("@@")(wanted))
        newest: ColumnElement[Any] = t.c.finding_id.desc()
    else:
        phrase = " ".join('"' + word + '"' for word in words)
        found = table(FTS_TABLE, column("rowid"))
        score = func.bm25(literal_column(FTS_TABLE)).label("score")  # lower is better
        query = query.join(found, found.c.rowid == t.c.finding_id).where(literal_column(FTS_TABLE).op("MATCH")(phrase))
        newest = found.c.rowid.desc()  # FTS5 walks its matches in this order and stops at the limit
    ranked = query.add_columns(t.c.logged_on, t.c.reference, t.c.number, score)
    candidates = (ranked if narrow else ranked.order_by(newest).limit(CANDIDATES)).subquery()
    c = candidates.c
    return select(c.finding_id).order_by(c.score, c.logged_on.desc(), c.reference, c.number).limit(limit)
