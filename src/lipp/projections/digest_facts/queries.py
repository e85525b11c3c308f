"""Digest facts as they stood at notification position P: the latest row per key with position <= P."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Table, and_, func, select
from sqlalchemy.engine import Connection

from lipp.projections.digest_facts.entries import ActionFact, FindingFact, MarkerFact, ReviewCount
from lipp.projections.digest_facts.tables import (
    digest_action_versions,
    digest_finding_versions,
    digest_marker_facts,
    digest_review_facts,
)


def last_position(connection: Connection) -> int:
    """The position of the last event that changed any digest fact: history as of it is history as of now, so
    computing a digest again before anything relevant happens gives the same position (and the same digest id)."""
    tables = (digest_review_facts, digest_finding_versions, digest_marker_facts, digest_action_versions)
    return max((connection.execute(select(func.max(t.c.position))).scalar() or 0) for t in tables)


def review_counts(connection: Connection, position: int, start: date, end: date) -> list[ReviewCount]:
    """Review steps dated in [start, end], recorded at or before `position` (each step happens once)."""
    t = digest_review_facts
    query = (
        select(t.c.fact, t.c.board_code, t.c.incident_kind, t.c.detail, func.count())
        .where(t.c.on.between(start, end), t.c.position <= position)
        .group_by(t.c.fact, t.c.board_code, t.c.incident_kind, t.c.detail)
    )
    counts = [ReviewCount(*row) for row in connection.execute(query)]
    return sorted(counts, key=lambda c: (c.fact, c.board_code, c.incident_kind, c.detail))


def findings(connection: Connection, position: int, start: date, end: date) -> list[FindingFact]:
    """Findings logged in [start, end] and in force at `position`, as they then read."""
    t = digest_finding_versions
    rows = _latest(connection, t, (t.c.review_id, t.c.number), position, t.c.logged_on.between(start, end))
    facts = [
        FindingFact(
            board_code=row.board_code,
            year=row.year,
            logged_on=row.logged_on,
            number=row.number,
            pattern=row.pattern,
            themes=tuple(row.themes.split()),
            shareable=row.shareable,
            title=row.title,
            issue=row.issue,
            causes=row.causes,
            order_key=f"{row.review_id}:{row.number:03d}",
        )
        for row in rows
        if not row.withdrawn
    ]
    return sorted(facts, key=lambda f: f.order_key)


def marker_ratings(connection: Connection, position: int, start: date, end: date) -> list[MarkerFact]:
    """Each review's latest rating of each marker at `position`, where that rating was given in [start, end]."""
    t = digest_marker_facts
    rated_in_period = select(t.c.review_id).where(t.c.assessed_on.between(start, end), t.c.position <= position)
    rows = _latest(connection, t, (t.c.review_id, t.c.marker), position, t.c.review_id.in_(rated_in_period))
    facts = [
        MarkerFact(board_code=row.board_code, marker=row.marker, rating=row.rating)
        for row in rows
        if start <= row.assessed_on <= end
    ]
    return sorted(facts, key=lambda f: (f.marker, f.board_code, f.rating))


def actions(connection: Connection, position: int) -> list[ActionFact]:
    """Every Alliance action as it stood at `position`."""
    t = digest_action_versions
    rows = _latest(connection, t, (t.c.action_id,), position, None)
    facts = [
        ActionFact(
            reference=row.reference,
            body_code=row.body_code,
            theme_id=row.theme_id,
            owner=row.owner,
            description=row.description,
            committed_on=row.committed_on,
            due_on=row.due_on,
            status=row.status,
            progress_notes=row.progress_notes,
            last_note=row.last_note,
            closed_on=row.closed_on,
            outcome=row.outcome,
        )
        for row in rows
    ]
    return sorted(facts, key=lambda f: f.reference)


def _latest(connection: Connection, table: Table, keys: Sequence[Any], position: int, where: Any) -> list[Any]:
    conditions = [table.c.position <= position] + ([where] if where is not None else [])
    newest = select(*keys, func.max(table.c.position).label("newest")).where(*conditions).group_by(*keys).subquery()
    joined = and_(*(key == newest.c[key.name] for key in keys), table.c.position == newest.c.newest)
    return list(connection.execute(select(table).join(newest, joined)))
