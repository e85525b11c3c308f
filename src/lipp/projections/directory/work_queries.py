"""Directory queries of work in progress: briefings, digests, Alliance actions and the lead-reviewer register."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, and_, exists, false, func, or_, select, true
from sqlalchemy.engine import Connection

from lipp.domain.actors import Actor, Role
from lipp.projections.directory.tables import directory_actions as actions
from lipp.projections.directory.tables import directory_boards as boards
from lipp.projections.directory.tables import directory_briefings as briefings
from lipp.projections.directory.tables import directory_digests as digests
from lipp.projections.directory.tables import directory_reviewers as reviewers
from lipp.projections.learning.tables import learning_deliveries
from lipp.projections.paging import Page, Paging, paged_rows
from lipp.projections.register.table import review_register


def briefings_visible_to(actor: Actor) -> ColumnElement[bool]:
    """Admins and national bodies see every briefing; a coordinator their board's and released national ones;
    a team member those delivered to their team."""
    released = briefings.c.released_on.is_not(None)
    if actor.role in (Role.ADMIN, Role.NATIONAL_BODY, Role.SYSTEM):
        return true()
    if actor.role is Role.COORDINATOR:
        national = and_(briefings.c.scope == "national", released)
        if actor.board_id is None:
            return national
        return or_(briefings.c.board_id == actor.board_id, national)
    if actor.role is Role.TEAM_MEMBER and actor.team_id is not None:
        d = learning_deliveries
        delivered = exists().where(d.c.briefing_id == briefings.c.briefing_id, d.c.team_id == actor.team_id)
        return and_(released, delivered)
    return false()


def briefing_page(connection: Connection, actor: Actor, paging: Paging) -> Page[Any]:
    """The briefings the actor may see, newest draft first, each with its board's code."""
    query = (
        select(briefings, boards.c.code.label("board_code"))
        .outerjoin(boards, boards.c.board_id == briefings.c.board_id)
        .where(briefings_visible_to(actor))
        .order_by(briefings.c.drafted_at.desc(), briefings.c.position)
    )
    return paged_rows(connection, query, paging)


def digest_page(connection: Connection, paging: Paging) -> Page[Any]:
    """Issued digests, newest period first."""
    order = (digests.c.period_to.desc(), digests.c.period_from.desc(), digests.c.position.desc(), digests.c.id_text)
    return paged_rows(connection, select(digests).order_by(*order), paging)


def digest_ids_starting(connection: Connection, start: str) -> list[UUID]:
    """The digests whose id begins with `start` (lower-case hex and hyphens)."""
    query = select(digests.c.digest_id).where(digests.c.id_text.startswith(start, autoescape=True)).limit(2)
    return list(connection.execute(query).scalars())


ACTION_COLUMNS = tuple(c for c in actions.c if c.name not in ("national_body_id", "owner_folded"))
"""What an action's view shows (the body's id and the folded owner only filter)."""


def action_page(
    connection: Connection,
    today: date,
    paging: Paging,
    *,
    theme_id: str | None = None,
    body: str | None = None,
    owner_folded: str | None = None,
    status: str | None = None,
) -> Page[Any]:
    """Alliance actions by theme, due date and reference; `status` "overdue" means open past its due date."""
    query = select(*ACTION_COLUMNS)
    if theme_id:
        query = query.where(actions.c.theme_id == theme_id)
    if body:
        query = query.where(actions.c.body_code == body)
    if owner_folded:
        query = query.where(actions.c.owner_folded.contains(owner_folded, autoescape=True))
    if status:
        overdue = and_(actions.c.status == "open", actions.c.due_on < today)
        query = query.where(overdue if status == "overdue" else actions.c.status == status)
    return paged_rows(connection, query.order_by(actions.c.theme_id, actions.c.due_on, actions.c.reference), paging)


def actions_of_body(connection: Connection, body_id: UUID) -> int:
    query = select(func.count()).select_from(actions).where(actions.c.national_body_id == body_id)
    return int(connection.execute(query).scalar_one())


def reviewer_page(connection: Connection, paging: Paging) -> Page[Any]:
    return paged_rows(connection, select(reviewers).order_by(reviewers.c.username), paging)


def review_ids_of_board(connection: Connection, board_id: UUID) -> list[UUID]:
    query = select(review_register.c.review_id).where(review_register.c.board_id == board_id)
    return list(connection.execute(query).scalars())


def open_reviews_by_reviewer(connection: Connection, stages: tuple[str, ...]) -> dict[UUID, int]:
    """How many reviews at `stages` each lead reviewer leads."""
    lead = review_register.c.lead_reviewer_id
    query = select(lead, func.count()).where(lead.is_not(None), review_register.c.stage.in_(stages)).group_by(lead)
    return dict(Counter({reviewer: int(count) for reviewer, count in connection.execute(query)}))
