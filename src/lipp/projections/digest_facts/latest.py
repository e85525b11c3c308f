"""Loading the latest fact rows of the aggregates a batch touches, to fold the batch's events onto them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import Table, and_, func, select
from sqlalchemy.engine import Connection

from lipp.projections.digest_facts.tables import digest_action_versions, digest_finding_versions, digest_reviews
from lipp.projections.projection import Row
from lipp.projections.rows import IN_CHUNK


def reviews(connection: Connection, ids: set[UUID]) -> dict[UUID, Row]:
    found: dict[UUID, Row] = {}
    for chunk in _chunks(list(ids)):
        for row in connection.execute(select(digest_reviews).where(digest_reviews.c.review_id.in_(chunk))):
            found[row.review_id] = row._asdict()
    return found


def findings(connection: Connection, ids: set[UUID]) -> dict[tuple[UUID, int], Row]:
    t = digest_finding_versions
    found: dict[tuple[UUID, int], Row] = {}
    for chunk in _chunks(list(ids)):
        for row in _latest(connection, t, (t.c.review_id, t.c.number), t.c.review_id.in_(chunk)):
            found[(row["review_id"], row["number"])] = row
    return found


def actions(connection: Connection, ids: set[UUID]) -> dict[UUID, Row]:
    t = digest_action_versions
    found: dict[UUID, Row] = {}
    for chunk in _chunks(list(ids)):
        for row in _latest(connection, t, (t.c.action_id,), t.c.action_id.in_(chunk)):
            found[row["action_id"]] = row
    return found


def _latest(connection: Connection, table: Table, keys: Sequence[Any], where: Any) -> Iterator[Row]:
    newest = select(*keys, func.max(table.c.position).label("newest")).where(where).group_by(*keys).subquery()
    joined = and_(*(key == newest.c[key.name] for key in keys), table.c.position == newest.c.newest)
    for row in connection.execute(select(table).join(newest, joined)):
        yield row._asdict()


def _chunks(items: list[Any]) -> list[list[Any]]:
    return [items[start : start + IN_CHUNK] for start in range(0, len(items), IN_CHUNK)]
