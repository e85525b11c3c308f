"""One event store and one notification log for every context (see docs/adr/0002)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from eventsourcing.persistence import ApplicationRecorder, InfrastructureFactory, Transcoding
from eventsourcing.utils import Environment

STORE_NAME = "lipp"


class DateAsISO(Transcoding):
    """Business dates travel as ISO strings."""

    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: Any) -> date:
        return date.fromisoformat(data)


@dataclass
class EventStorage:
    """The factory and recorder every application in one process shares."""

    env: dict[str, str]
    factory: InfrastructureFactory[Any]
    recorder: ApplicationRecorder

    @classmethod
    def open(cls, env: dict[str, str]) -> EventStorage:
        factory = InfrastructureFactory.construct(Environment(STORE_NAME, env))
        return cls(env=env, factory=factory, recorder=factory.application_recorder())

    def close(self) -> None:
        self.factory.close()
