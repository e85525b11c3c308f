"""A safeguarding partnership (formerly an LSCB), known by a short code used in review references."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from lipp.domain.errors import InvalidInput
from lipp.domain.identifiers import board_id_for
from lipp.domain.registry.team import check_role_email

BOARD_CODE = re.compile(r"^[A-Z]{2,6}$")


def check_board_code(code: str) -> str:
    """Two to six capital letters, e.g. NVL: short enough to read out on the phone."""
    value = code.strip().upper()
    if not BOARD_CODE.match(value):
        raise InvalidInput(f"a board code is 2 to 6 letters (got '{code}')")
    return value


class Board(Aggregate):
    """A local safeguarding partnership or board."""

    class Registered(Aggregate.Created):
        """An admin registered the board."""

        actor_id: UUID
        code: str
        name: str
        area: str

        def apply(self, aggregate: Any) -> None:
            aggregate.code = self.code
            aggregate.name = self.name
            aggregate.area = self.area
            aggregate.learning_contact = ""

    class LearningContactSet(Aggregate.Event):
        """The board's learning mailbox was set: missed deadlines are escalated to it."""

        actor_id: UUID
        email: str

        def apply(self, aggregate: Any) -> None:
            aggregate.learning_contact = self.email

    code: str
    name: str
    area: str
    learning_contact: str

    def __init__(self) -> None:
        """State is set by `Registered.apply`."""

    @classmethod
    def register(cls, *, actor_id: UUID, now: datetime, code: str, name: str, area: str) -> Board:
        code = check_board_code(code)
        return cls._create(
            cls.Registered, id=board_id_for(code), timestamp=now, actor_id=actor_id, code=code, name=name, area=area
        )

    def set_learning_contact(self, *, actor_id: UUID, now: datetime, email: str) -> None:
        self.trigger_event(self.LearningContactSet, timestamp=now, actor_id=actor_id, email=check_role_email(email))
