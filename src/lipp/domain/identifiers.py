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
