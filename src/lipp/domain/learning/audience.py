"""Who a briefing is for: the rule that matches a released briefing to a team's subscriptions."""

from __future__ import annotations

from uuid import UUID

from lipp.domain.registry.team import Scope, Team


def is_addressed_to(
    team: Team, scope: Scope, board_id: UUID | None, theme_ids: tuple[str, ...], agencies: tuple[str, ...]
) -> bool:
    """A team receives a briefing when it subscribes to its scope (local learning only from its own board), shares
    a theme with it (a team without theme subscriptions takes every theme), and cares about one of the agencies
    it concerns (a team without agency subscriptions takes any agency)."""
    wanted = team.subscriptions
    if scope not in wanted.scopes:
        return False
    if scope is Scope.LOCAL and team.board_id != board_id:
        return False
    if wanted.themes and theme_ids and not set(wanted.themes) & set(theme_ids):
        return False
    return not (wanted.agencies and agencies and not set(wanted.agencies) & set(agencies))
