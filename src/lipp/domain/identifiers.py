"""Deterministic identities: one name, one id, so that a duplicate is refused by the event store itself."""

from __future__ import annotations

from uuid import UUID, uuid5

LIPP_NAMESPACE = UUID("6f1c2a70-43a5-5d0e-9b1e-2f0c8d7e5a41")
SYSTEM_ACTOR_ID = uuid5(LIPP_NAMESPACE, "actor:system")


def board_id_for(code: str) -> UUID:
    return uuid5(LIPP_NAMESPACE, f"board:{code.upper()}")


def user_id_for(username: str) -> UUID:
    return uuid5(LIPP_NAMESPACE, f"user:{username.lower()}")


def review_id_for(reference: str) -> UUID:
    return uuid5(LIPP_NAMESPACE, f"review:{reference.upper()}")


def case_incident_id_for(board_id: UUID, case_reference: str, aware_on_iso: str) -> UUID:
    """One id per (board, case, day of awareness): the same incident cannot be notified twice."""
    return uuid5(LIPP_NAMESPACE, f"incident:{board_id}:{case_reference.casefold()}:{aware_on_iso}")


def national_body_id_for(code: str) -> UUID:
    return uuid5(LIPP_NAMESPACE, f"national-body:{code.upper()}")


def alliance_action_id_for(reference: str) -> UUID:
    return uuid5(LIPP_NAMESPACE, f"alliance-action:{reference.upper()}")


def digest_id_for(period_from: str, period_to: str, position: int) -> UUID:
    """One digest per (period, log position): issuing the same digest twice is refused by the store itself."""
    return uuid5(LIPP_NAMESPACE, f"digest:{period_from}:{period_to}:{position}")


def team_id_for(code: str) -> UUID:
    return uuid5(LIPP_NAMESPACE, f"team:{code.upper()}")


def briefing_id_for(key: str) -> UUID:
    """One id per briefing key (e.g. 'review-NVL-2026-001'): drafting the same briefing twice is refused."""
    return uuid5(LIPP_NAMESPACE, f"briefing:{key.lower()}")


def delivery_id_for(briefing_id: UUID, team_id: UUID) -> UUID:
    """One delivery per (briefing, team): addressing it twice is refused by the store, and its stream is its own."""
    return uuid5(LIPP_NAMESPACE, f"delivery:{briefing_id}:{team_id}")


def plan_action_id_for(reference: str) -> UUID:
    """One id per action reference (e.g. 'NVL-2026-001-A3'): the same number cannot be taken twice."""
    return uuid5(LIPP_NAMESPACE, f"plan-action:{reference.upper()}")
