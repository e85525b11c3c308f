"""Where a delivery stands, and which stages the team (or the board) still owes."""

from __future__ import annotations

from enum import StrEnum


class DeliveryState(StrEnum):
    """A delivery's state. The order of members is the order of the loop."""

    ADDRESSED = "addressed"
    """The briefing was released to the team; nothing sent yet."""
    DISPATCHED = "dispatched"
    """Its e-mail is in the outbox."""
    DELIVERED = "delivered"
    """The mail server (or the outbox folder) accepted the e-mail."""
    BOUNCED = "bounced"
    """The mail server refused it, or sending gave up: visible, never silently lost."""
    ACKNOWLEDGED = "acknowledged"
    DISCUSSED = "discussed"
    """The team used the briefing and recorded its reflections."""
    CHANGE_REPORTED = "change_reported"
    """The team reported what changed in practice."""
    VERIFIED = "verified"
    """The board's coordinator verified the change."""
    LAPSED = "lapsed"
    """A deadline was missed through every reminder and escalation."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


BEFORE_ACKNOWLEDGEMENT = frozenset(
    {DeliveryState.ADDRESSED, DeliveryState.DISPATCHED, DeliveryState.DELIVERED, DeliveryState.BOUNCED}
)
FINAL = frozenset({DeliveryState.VERIFIED, DeliveryState.LAPSED})


class Stage(StrEnum):
    """What the team owes next; each stage has its own deadline."""

    ACKNOWLEDGE = "acknowledge"
    DISCUSS = "discuss"
    REPORT_CHANGE = "report_change"
    VERIFY = "verify"
    """Owed by the board's coordinator, not the team: not chased to lapse."""


def stage_owed(state: DeliveryState) -> Stage | None:
    if state in BEFORE_ACKNOWLEDGEMENT:
        return Stage.ACKNOWLEDGE
    return {
        DeliveryState.ACKNOWLEDGED: Stage.DISCUSS,
        DeliveryState.DISCUSSED: Stage.REPORT_CHANGE,
        DeliveryState.CHANGE_REPORTED: Stage.VERIFY,
    }.get(state)
