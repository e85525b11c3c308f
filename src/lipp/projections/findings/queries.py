"""Searching the library: filters, full text ranked by relevance, and what each role may see of each finding."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, false, or_, select, true
from sqlalchemy.engine import Connection

from lipp.domain.actors import Actor, Role
from lipp.domain.reference.loading import latest_version
from lipp.domain.reference.themes import KIND, read_theme
from lipp.projections.findings import filters, text_index
from lipp.projections.findings.entries import FoundFinding
from lipp.projections.findings.tables import library_finding_themes as themes_table
from lipp.projections.findings.tables import library_findings as t
from lipp.projections.findings.tables import library_reviews


@dataclass(frozen=True)
class Criteria:
    """What a search asks for; every part given must hold."""

    text: str | None = None
    theme: str | None = None
    pattern: str | None = None
    agency: str | None = None
    board: str | None = None
    from_date: date | None = None
    to_date: date | None = None
    limit: int = 50


def search(connection: Connection, actor: Actor, criteria: Criteria) -> list[FoundFinding]:
    """Findings in force the actor may see that meet the criteria: best match first when text is given,
    otherwise the most recently logged first."""
    # Rank and cut on ids alone, then read the chosen rows whole: sorting thousands of matches with their
    # text costs far more than sorting their ids.
    query: Select[Any] = select(t.c.finding_id).where(t.c.withdrawn == false(), visible_to(actor))
    query = _filtered(query, criteria)
    words = text_index.words_of(criteria.text or "")
    if words:
        narrow = bool(criteria.board or criteria.theme or criteria.pattern)
        query = text_index.best_matches(query, words, connection.dialect.name, criteria.limit, narrow=narrow)
    else:
        query = query.order_by(t.c.logged_on.desc(), t.c.reference, t.c.number).limit(criteria.limit)
    ids = list(connection.execute(query).scalars())
    found = {row.finding_id: row for row in connection.execute(select(t).where(t.c.finding_id.in_(ids)))}
    rows = [found[finding_id] for finding_id in ids]
    cases = _case_references(connection, {row.review_id for row in rows if _insider(actor, row)})
    return [_found(row, actor, cases, _insider(actor, row)) for row in rows]


def visible_to(actor: Actor) -> ColumnElement[bool]:
    """Admins see every finding; a coordinator their board's and shareable ones; a lead reviewer those of the
    reviews they are appointed to and shareable ones; everyone else only shareable findings (cleared by the
    redaction check, approved by a coordinator of their board, not withheld)."""
    if actor.role is Role.ADMIN:
        return true()
    if actor.role is Role.COORDINATOR and actor.board_id is not None:
        return or_(t.c.shareable == true(), t.c.board_id == actor.board_id)
    if actor.role is Role.LEAD_REVIEWER:
        return or_(t.c.shareable == true(), t.c.lead_reviewer_id == actor.user_id)
    return t.c.shareable == true()


def _filtered(query: Select[Any], criteria: Criteria) -> Select[Any]:
    if criteria.theme:
        ids = filters.theme_ids(criteria.theme)
        tagged = select(themes_table.c.finding_id).where(themes_table.c.theme_id.in_(ids))
        query = query.where(t.c.finding_id.in_(tagged))
    if criteria.pattern:
        query = query.where(t.c.pattern == filters.pattern_id(criteria.pattern))
    if criteria.agency:
        query = query.where(t.c.agency_sectors.contains(f"|{filters.agency_sector(criteria.agency)}|"))
    if criteria.board:
        query = query.where(t.c.board_code == criteria.board.strip().upper())
    if criteria.from_date:
        query = query.where(t.c.logged_on >= criteria.from_date)
    if criteria.to_date:
        query = query.where(t.c.logged_on <= criteria.to_date)
    return query


def _insider(actor: Actor, row: Any) -> bool:
    """Whether the actor works on the finding's review: they may know which case it is."""
    if actor.role is Role.ADMIN:
        return True
    if actor.role is Role.COORDINATOR:
        return bool(actor.board_id == row.board_id)
    return actor.role is Role.LEAD_REVIEWER and row.lead_reviewer_id == actor.user_id


def _case_references(connection: Connection, review_ids: set[UUID]) -> dict[UUID, str]:
    if not review_ids:
        return {}
    query = select(library_reviews.c.review_id, library_reviews.c.case_reference).where(
        library_reviews.c.review_id.in_(review_ids)
    )
    return {review_id: case for review_id, case in connection.execute(query)}


@cache
def _theme_name(theme_id: str) -> str:
    """The theme's name in the newest theme list that has it (reference data ships with the code)."""
    return read_theme(theme_id, latest_version(KIND)).name


def _found(row: Any, actor: Actor, cases: dict[UUID, str], insider: bool) -> FoundFinding:
    """The finding as the actor may see it: the evidence (key practice episodes of the case) never leaves the
    board, so only insiders get it."""
    professional = actor.role in (Role.ADMIN, Role.COORDINATOR, Role.LEAD_REVIEWER)
    theme_ids = tuple(row.themes.split())
    return FoundFinding(
        review=row.reference if professional else f"{row.board_code}-{row.year}",
        board=row.board_code,
        year=row.year,
        case_reference=cases.get(row.review_id),
        finding=f"F{row.number}",
        title=row.title,
        issue=row.issue,
        causes=row.causes,
        pattern=row.pattern,
        theme_ids=theme_ids,
        themes=tuple(_theme_name(theme_id) for theme_id in theme_ids),
        agencies=tuple(json.loads(row.agencies)),
        evidence=tuple(json.loads(row.evidence)) if insider else (),
        priority=row.priority,
        shareable=bool(row.shareable),
        logged_on=row.logged_on,
        stage=row.stage,
    )
