"""What Alliance queries return."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any
from uuid import UUID

from lipp.application.views import View
from lipp.domain.alliance.action import AllianceAction
from lipp.domain.reference.themes import read_theme


class ProgressView(View):
    on: date
    note: str


class ActionView(View):
    """An Alliance action as it stands; `overdue` is judged against today in England."""

    id: UUID
    reference: str
    body: str
    theme_id: str
    theme: str
    owner: str
    description: str
    committed_on: date
    due_on: date
    status: str
    overdue: bool
    progress: list[ProgressView]
    closed_on: date | None
    evidence: str | None
    withdrawal_reason: str | None


def action_view(action: AllianceAction, today: date) -> ActionView:
    completed = action.status.value == "completed"
    return ActionView(
        id=action.id,
        reference=action.reference,
        body=action.body_code,
        theme_id=action.theme_id,
        theme=read_theme(action.theme_id, action.themes_version).name,
        owner=action.owner,
        description=action.description,
        committed_on=action.committed_on,
        due_on=action.due_on,
        status=action.status.value,
        overdue=action.is_overdue(today),
        progress=[ProgressView(on=p.on, note=p.note) for p in action.progress],
        closed_on=action.closed_on,
        evidence=action.outcome if completed else None,
        withdrawal_reason=action.outcome if action.status.value == "withdrawn" else None,
    )


def action_row_view(row: Any, today: date) -> ActionView:
    """`action_view` of the action's directory row."""
    return ActionView(
        id=row.action_id,
        reference=row.reference,
        body=row.body_code,
        theme_id=row.theme_id,
        theme=_theme_name(row.theme_id, row.themes_version),
        owner=row.owner,
        description=row.description,
        committed_on=row.committed_on,
        due_on=row.due_on,
        status=row.status,
        overdue=row.status == "open" and today > row.due_on,
        progress=[ProgressView(on=date.fromisoformat(p["on"]), note=p["note"]) for p in row.progress],
        closed_on=row.closed_on,
        evidence=row.outcome if row.status == "completed" else None,
        withdrawal_reason=row.outcome if row.status == "withdrawn" else None,
    )


@lru_cache(maxsize=1024)
def _theme_name(theme_id: str, version: int) -> str:
    """A theme's name in a version of the list: versions never change once published, so it is kept."""
    return read_theme(theme_id, version).name
