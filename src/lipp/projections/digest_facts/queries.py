"""Digest facts as they stood at notification position P: the latest row per key with position <= P."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import String, Table, and_, func, select, type_coerce
from sqlalchemy.engine import Connection

from lipp.projections.digest_facts.entries import ActionFact, FindingFact, MarkerFact, ReviewCount
from lipp.projections.digest_facts.tables import (
    digest_action_versions,
    digest_delivery_versions,
    digest_finding_versions,
    digest_marker_facts,
    digest_review_facts,
)


def last_position(connection: Connection) -> int:
    """The position of the last event that changed any digest fact: history as of it is history as of now, so
    computing a digest again before anything relevant happens gives the same position (and the same digest id)."""
    tables = (
        digest_review_facts,
        digest_finding_versions,
        digest_marker_facts,
        digest_action_versions,
        digest_delivery_versions,
    )
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


def findings(
    connection: Connection, position: int, start: date, end: date, *, with_text: bool = True
) -> list[FindingFact]:
    """Findings logged in [start, end] and in force at `position`, as they then read (without their text when
    only their themes and categories are counted)."""
    t = digest_finding_versions
    keys = (t.c.review_id, t.c.number)
    newest = _newest(t, keys, position, t.c.logged_on.between(start, end))
    text = (t.c.title, t.c.issue, t.c.causes) if with_text else ()
    query = (
        select(
            type_coerce(t.c.review_id, String).label("review_key"),
            t.c.number,
            t.c.board_code,
            t.c.year,
            t.c.logged_on,
            t.c.pattern,
            t.c.themes,
            t.c.shareable,
            t.c.approved,
            *text,
        )
        .join(newest, _joined(t, keys, newest))
        .where(t.c.withdrawn.is_(False))
    )
    rows = list(connection.execute(query))
    states = _review_states(connection, position, {row.review_key for row in rows})
    facts = [
        FindingFact(
            board_code=row.board_code,
            year=row.year,
            logged_on=row.logged_on,
            number=row.number,
            pattern=row.pattern,
            themes=tuple(row.themes.split()),
            shareable=row.shareable,
            title=row.title if with_text else "",
            issue=row.issue if with_text else "",
            causes=row.causes if with_text else "",
            order_key=f"{row.review_key}:{row.number:03d}",
            review_key=row.review_key,
            travels=row.shareable and row.approved and not states.get(row.review_key, _NO_STATE)[0],
            signed_off_on=states.get(row.review_key, _NO_STATE)[1],
        )
        for row in rows
    ]
    return sorted(facts, key=lambda f: f.order_key)


_NO_STATE: tuple[bool, date | None] = (False, None)


def _review_states(connection: Connection, position: int, review_keys: set[str]) -> dict[str, tuple[bool, date | None]]:
    """Per review (by its id as text): whether its findings are withheld at `position`, and its sign-off date."""
    if not review_keys:
        return {}
    t = digest_review_facts
    key = type_coerce(t.c.review_id, String).label("review_key")
    query = (
        select(key, t.c.fact, t.c.on, t.c.position)
        .where(t.c.fact.in_(("withheld", "released", "signed_off")), t.c.position <= position)
        .order_by(t.c.position)
    )
    states: dict[str, tuple[bool, date | None]] = {}
    for row in connection.execute(query):
        if row.review_key not in review_keys:
            continue
        withheld, signed_off_on = states.get(row.review_key, _NO_STATE)
        if row.fact == "signed_off":
            signed_off_on = row.on
        else:
            withheld = row.fact == "withheld"
        states[row.review_key] = (withheld, signed_off_on)
    return states


def marker_ratings(connection: Connection, position: int, start: date, end: date) -> list[MarkerFact]:
    """Counts of each review's latest rating of each marker at `position`, where that rating was given in
    [start, end], by board, marker and rating."""
    t = digest_marker_facts
    keys = (t.c.review_id, t.c.marker)
    rated_in_period = select(t.c.review_id).where(t.c.assessed_on.between(start, end), t.c.position <= position)
    newest = _newest(t, keys, position, t.c.review_id.in_(rated_in_period))
    query = (
        select(t.c.board_code, t.c.marker, t.c.rating, func.count())
        .join(newest, _joined(t, keys, newest))
        .where(t.c.assessed_on.between(start, end))
        .group_by(t.c.board_code, t.c.marker, t.c.rating)
    )
    facts = [MarkerFact(board_code=b, marker=m, rating=r, count=n) for b, m, r, n in connection.execute(query)]
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


def learning_reach(
    connection: Connection, theme_ids: Sequence[str], start: date, end: date, position: int
) -> dict[str, tuple[int, int, int]]:
    """Per theme: deliveries addressed in [start, end] on it, how many were acknowledged and how many verified,
    as recorded at or before `position`."""
    t = digest_delivery_versions
    newest = _newest(t, (t.c.delivery_id,), position, t.c.addressed_on.between(start, end))
    rows = connection.execute(
        select(t.c.themes, t.c.acknowledged, t.c.verified).join(newest, _joined(t, (t.c.delivery_id,), newest))
    )
    wanted = set(theme_ids)
    counts: dict[str, list[int]] = {}
    for themes, acknowledged, verified in rows:
        for theme_id in wanted.intersection(themes.strip("|").split("|")):
            figures = counts.setdefault(theme_id, [0, 0, 0])
            figures[0] += 1
            figures[1] += int(acknowledged)
            figures[2] += int(verified)
    return {theme_id: (f[0], f[1], f[2]) for theme_id, f in counts.items()}


def _latest(connection: Connection, table: Table, keys: Sequence[Any], position: int, where: Any) -> list[Any]:
    newest = _newest(table, keys, position, where)
    return list(connection.execute(select(table).join(newest, _joined(table, keys, newest))))


def _newest(table: Table, keys: Sequence[Any], position: int, where: Any) -> Any:
    """Per key, the position of its latest row at or before `position`."""
    conditions = [table.c.position <= position] + ([where] if where is not None else [])
    return select(*keys, func.max(table.c.position).label("newest")).where(*conditions).group_by(*keys).subquery()


def _joined(table: Table, keys: Sequence[Any], newest: Any) -> Any:
    return and_(*(key == newest.c[key.name] for key in keys), table.c.position == newest.c.newest)
