"""Reading deliveries: by code, by briefing, by what the actor may see; and the loop metrics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, false, select, true
from sqlalchemy.engine import Connection

from lipp.domain.actors import Actor
from lipp.domain.calendar import working_days_between
from lipp.domain.learning import sight
from lipp.domain.learning.sight import Sight
from lipp.domain.learning.states import DeliveryState
from lipp.projections.learning.entries import DeliveryRow, LoopMetrics, ThemeReach
from lipp.projections.learning.tables import learning_deliveries as t
from lipp.projections.paging import EVERYTHING, Page, Paging, paged_rows

ACKNOWLEDGED = (
    DeliveryState.ACKNOWLEDGED,
    DeliveryState.DISCUSSED,
    DeliveryState.CHANGE_REPORTED,
    DeliveryState.VERIFIED,
)


@dataclass(frozen=True)
class Slice:
    """Which deliveries a metric counts; every part given must hold."""

    board: str | None = None
    agency: str | None = None
    theme: str | None = None
    briefing: str | None = None
    from_date: date | None = None
    to_date: date | None = None

    def describe(self) -> str:
        parts = [f"{name} {value}" for name, value in vars(self).items() if value is not None]
        return ", ".join(parts) or "all deliveries"


def visible_to(seen: Sight) -> ColumnElement[bool]:
    """The rows of `seen` (the rule of who sees what is `lipp.domain.learning.sight`)."""
    if seen.every:
        return true()
    if seen.board_id is not None:
        return t.c.board_id == seen.board_id
    if seen.team_id is not None:
        return t.c.team_id == seen.team_id
    return false()


def by_code(connection: Connection, code: str) -> Any | None:
    return connection.execute(select(t).where(t.c.code == code)).first()


def listed(
    connection: Connection,
    actor: Actor,
    briefing_key: str | None = None,
    state: str | None = None,
    paging: Paging = EVERYTHING,
) -> Page[DeliveryRow]:
    """One page of the deliveries the actor may see, newest first, with how many there are in all."""
    query = select(t).where(visible_to(sight.listing(actor)))
    if briefing_key:
        query = query.where(t.c.briefing_key == briefing_key)
    if state:
        query = query.where(t.c.state == state)
    query = query.order_by(t.c.addressed_on.desc(), t.c.briefing_key, t.c.team_code)
    return paged_rows(connection, query, paging).map(_row)


def of_briefing(connection: Connection, briefing_id: UUID, states: tuple[str, ...]) -> list[Any]:
    query = select(t.c.delivery_id, t.c.team_id, t.c.code).where(t.c.briefing_id == briefing_id)
    return list(connection.execute(query.where(t.c.state.in_(states)).order_by(t.c.team_code)))


def in_states(connection: Connection, states: tuple[str, ...]) -> list[Any]:
    query = select(t.c.delivery_id, t.c.code, t.c.team_id).where(t.c.state.in_(states))
    return list(connection.execute(query))


def open_deliveries(connection: Connection) -> list[Any]:
    """Deliveries the loop still waits on: candidates for chasing."""
    final = (DeliveryState.VERIFIED.value, DeliveryState.LAPSED.value)
    return list(connection.execute(select(t).where(t.c.state.not_in(final)).order_by(t.c.owed_since)))


def _sliced(query: Select[Any], part: Slice) -> Select[Any]:
    if part.board:
        query = query.where(t.c.board_code == part.board.strip().upper())
    if part.agency:
        query = query.where(t.c.agency == part.agency)
    if part.theme:
        query = query.where(t.c.themes.contains(f"|{part.theme}|"))
    if part.briefing:
        query = query.where(t.c.briefing_key == part.briefing)
    if part.from_date:
        query = query.where(t.c.addressed_on >= part.from_date)
    if part.to_date:
        query = query.where(t.c.addressed_on <= part.to_date)
    return query


def metrics(connection: Connection, actor: Actor, part: Slice) -> LoopMetrics:
    rows = list(connection.execute(_sliced(select(t).where(visible_to(sight.in_aggregate(actor, part.board))), part)))
    targeted = len(rows)
    acknowledged = [r for r in rows if r.acknowledged_on is not None]
    changed = [r for r in rows if r.changed_on is not None]
    verified = sum(1 for r in rows if r.verified_on is not None)
    return LoopMetrics(
        slice=part.describe(),
        teams_targeted=targeted,
        acknowledged=len(acknowledged),
        discussed=sum(1 for r in rows if r.discussed_on is not None),
        change_reported=len(changed),
        verified=verified,
        lapsed=sum(1 for r in rows if r.lapsed_on is not None),
        bounced=sum(1 for r in rows if r.bounced),
        reach=len(acknowledged) / targeted if targeted else 0.0,
        median_days_to_acknowledge=_median_days(acknowledged, "acknowledged_on"),
        median_days_to_change=_median_days(changed, "changed_on"),
        share_verified=verified / targeted if targeted else 0.0,
    )


def reach_by_theme(connection: Connection, from_date: date, to_date: date) -> list[ThemeReach]:
    """Per theme, deliveries addressed in the period: the digest's "did learning reach teams"."""
    query = select(t.c.themes, t.c.acknowledged_on, t.c.verified_on).where(
        t.c.addressed_on >= from_date, t.c.addressed_on <= to_date
    )
    counts: dict[str, list[int]] = {}
    for themes, acknowledged_on, verified_on in connection.execute(query):
        for theme_id in themes.strip("|").split("|"):
            if theme_id:
                tally = counts.setdefault(theme_id, [0, 0, 0])
                tally[0] += 1
                tally[1] += acknowledged_on is not None
                tally[2] += verified_on is not None
    return [ThemeReach(theme_id, *counts[theme_id]) for theme_id in sorted(counts)]


def _median_days(rows: list[Any], column: str) -> float | None:
    days = [working_days_between(r.addressed_on, getattr(r, column)) for r in rows]
    return float(median(days)) if days else None


def _row(row: Any) -> DeliveryRow:
    return DeliveryRow(
        delivery_id=row.delivery_id,
        code=row.code,
        briefing=row.briefing_key,
        team=row.team_code,
        board=row.board_code,
        agency=row.agency,
        state=row.state,
        bounced=bool(row.bounced),
        addressed_on=row.addressed_on,
        acknowledged_on=row.acknowledged_on,
        discussed_on=row.discussed_on,
        changed_on=row.changed_on,
        verified_on=row.verified_on,
        lapsed_on=row.lapsed_on,
        owed_since=row.owed_since,
        steps_taken=row.steps_taken,
        reminders=row.reminders,
        escalations=row.escalations,
    )
