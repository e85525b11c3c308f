"""Commands that keep the lead-reviewer register."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from lipp.commands.fields import AgencyText, BusinessDate, Command, FreeText, OptionalText, ShortText, Username

Expertise = Annotated[
    list[ShortText], Field(max_length=20, description="Areas of expertise, e.g. learning-together, neglect, police")
]
Capacity = Annotated[int, Field(ge=1, le=10, description="How many reviews the reviewer leads at once")]


class EnrolReviewer(Command):
    """Put a registered lead reviewer on the register."""

    username: Username
    expertise: Expertise = Field(default_factory=list)
    capacity: Capacity = 2


class SetExpertise(Command):
    """Restate a reviewer's areas of expertise."""

    username: Username
    expertise: Expertise


class RecordMasterclass(Command):
    """Record a LiPP masterclass the reviewer attended."""

    username: Username
    attended_on: BusinessDate
    topic: ShortText


class DeclareConflict(Command):
    """Declare a conflict of interest with an agency ('sector', or 'sector:Organisation' for one organisation)."""

    username: Username
    agency: AgencyText
    reason: FreeText


class WithdrawConflict(Command):
    """Withdraw a declared conflict that no longer holds."""

    username: Username
    conflict: int = Field(ge=1)
    reason: FreeText


class SetAvailability(Command):
    """Say whether the reviewer takes new reviews, and how many at once."""

    username: Username
    available: bool
    capacity: Capacity | None = None
    reason: OptionalText = ""


REGISTER_COMMANDS = (EnrolReviewer, SetExpertise, RecordMasterclass, DeclareConflict, WithdrawConflict, SetAvailability)
