"""Directory queries of the registry: boards, users, teams, national bodies and tokens, a page at a time.

Rows come back as SQL rows; the application turns them into its views. Orders are total (ties broken by an
identifier), so paging never skips or repeats an item."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, select
from sqlalchemy.engine import Connection

from lipp.projections.directory.tables import directory_boards as boards
from lipp.projections.directory.tables import directory_national_bodies as bodies
from lipp.projections.directory.tables import directory_teams as teams
from lipp.projections.directory.tables import directory_tokens as tokens
from lipp.projections.directory.tables import directory_users as users
from lipp.projections.paging import Page, Paging, paged_rows


def board_page(connection: Connection, paging: Paging) -> Page[Any]:
    return paged_rows(connection, select(boards).order_by(boards.c.code), paging)


def user_page(connection: Connection, paging: Paging) -> Page[Any]:
    """Users by username, each with the codes of their board, national body and team (None where none)."""
    team = teams.alias("team")
    query = (
        select(
            users.c.user_id,
            users.c.username,
            users.c.role,
            users.c.active,
            boards.c.code.label("board_code"),
            bodies.c.code.label("body_code"),
            team.c.code.label("team_code"),
        )
        .outerjoin(boards, boards.c.board_id == users.c.board_id)
        .outerjoin(bodies, bodies.c.body_id == users.c.national_body_id)
        .outerjoin(team, team.c.team_id == users.c.team_id)
        .order_by(users.c.username)
    )
    return paged_rows(connection, query, paging, counted=select(users.c.user_id))


TEAM_COLUMNS = tuple(c for c in teams.c if c.name != "board_id")


def team_page(connection: Connection, visible: ColumnElement[bool], board_id: UUID | None, paging: Paging) -> Page[Any]:
    """Teams matching `visible` (and of the board, if given) by code, each with its board's code."""
    counted = select(teams.c.team_id).where(visible)
    if board_id is not None:
        counted = counted.where(teams.c.board_id == board_id)
    query = select(*TEAM_COLUMNS, boards.c.code.label("board_code")).outerjoin(
        boards, boards.c.board_id == teams.c.board_id
    )
    query = query.where(counted.whereclause) if counted.whereclause is not None else query
    return paged_rows(connection, query.order_by(teams.c.code), paging, counted=counted)


def national_body_page(connection: Connection, paging: Paging) -> Page[Any]:
    return paged_rows(connection, select(bodies).order_by(bodies.c.code), paging)


def token_page(connection: Connection, paging: Paging) -> Page[Any]:
    """Tokens in the order they were issued, each with its user's name (None if the user is not known)."""
    query = select(tokens, users.c.username).outerjoin(users, users.c.user_id == tokens.c.user_id)
    return paged_rows(connection, query.order_by(tokens.c.position), paging, counted=select(tokens.c.token_id))
