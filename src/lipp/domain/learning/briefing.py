"""A briefing: learning in the seven-minute shape, drafted from cleared findings, edited, then released."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from lipp.domain.errors import RuleBroken
from lipp.domain.identifiers import briefing_id_for
from lipp.domain.learning.content import BriefingContent, require_cleared_edit
from lipp.domain.registry.team import Scope


class Source(StrEnum):
    """What a briefing was drawn from."""

    REVIEW = "review"
    """A published review's shareable findings (local learning for the review's board)."""
    THEME = "theme"
    """A national theme's shareable findings across boards."""
    DIGEST = "digest"
    """A national theme digest's leading themes and exemplar findings."""


class BriefingIsReleased(RuleBroken):
    """A released briefing is what teams received: it is not edited or released again."""


class Briefing(Aggregate):
    """Learning addressed to teams: its text, where it came from, and who it is for."""

    class Drafted(Aggregate.Created):
        """A coordinator or national body drafted the briefing from cleared findings."""

        actor_id: UUID
        key: str
        source: str
        source_reference: str
        board_id: UUID | None
        scope: str
        theme_ids: list[str]
        agencies: list[str]
        title: str
        background: str
        why_it_matters: str
        key_information: list[str]
        remember: list[str]
        what_to_do: list[str]
        questions: list[str]

        def apply(self, aggregate: Any) -> None:
            aggregate.key = self.key
            aggregate.source = Source(self.source)
            aggregate.source_reference = self.source_reference
            aggregate.board_id = self.board_id
            aggregate.scope = Scope(self.scope)
            aggregate.theme_ids = tuple(self.theme_ids)
            aggregate.agencies = tuple(self.agencies)
            aggregate.content = BriefingContent.from_fields(self.__dict__)
            aggregate.drafted_at = self.timestamp
            aggregate.released_on = None
            aggregate.teams_addressed = 0
            aggregate.edits = 0

    class Edited(Aggregate.Event):
        """The text was edited before release (and passed the redaction check)."""

        actor_id: UUID
        title: str
        background: str
        why_it_matters: str
        key_information: list[str]
        remember: list[str]
        what_to_do: list[str]
        questions: list[str]

        def apply(self, aggregate: Any) -> None:
            aggregate.content = BriefingContent.from_fields(self.__dict__)
            aggregate.edits += 1

    class Released(Aggregate.Event):
        """The briefing was released and addressed to every matching team."""

        actor_id: UUID
        on: date
        teams_addressed: int

        def apply(self, aggregate: Any) -> None:
            aggregate.released_on = self.on
            aggregate.teams_addressed = self.teams_addressed

    key: str
    source: Source
    source_reference: str
    board_id: UUID | None
    scope: Scope
    theme_ids: tuple[str, ...]
    agencies: tuple[str, ...]
    content: BriefingContent
    drafted_at: datetime
    released_on: date | None
    teams_addressed: int
    edits: int

    def __init__(self) -> None:
        """State is set by `Drafted.apply`."""

    @classmethod
    def draft(
        cls,
        *,
        actor_id: UUID,
        now: datetime,
        key: str,
        source: Source,
        source_reference: str,
        board_id: UUID | None,
        theme_ids: tuple[str, ...],
        agencies: tuple[str, ...],
        content: BriefingContent,
    ) -> Briefing:
        """Local learning when drawn from a board's review; national otherwise."""
        scope = Scope.LOCAL if source is Source.REVIEW else Scope.NATIONAL
        return cls._create(
            cls.Drafted,
            id=briefing_id_for(key),
            timestamp=now,
            actor_id=actor_id,
            key=key,
            source=source.value,
            source_reference=source_reference,
            board_id=board_id,
            scope=scope.value,
            theme_ids=sorted(theme_ids),
            agencies=sorted(agencies),
            **content.as_event_fields(),
        )

    @property
    def released(self) -> bool:
        return self.released_on is not None

    def edit(self, *, actor_id: UUID, now: datetime, content: BriefingContent) -> None:
        self._refuse_if_released("edited")
        require_cleared_edit(self.content, content)
        self.trigger_event(self.Edited, timestamp=now, actor_id=actor_id, **content.as_event_fields())

    def release(self, *, actor_id: UUID, now: datetime, on: date, teams_addressed: int) -> None:
        self._refuse_if_released("released again")
        self.trigger_event(self.Released, timestamp=now, actor_id=actor_id, on=on, teams_addressed=teams_addressed)

    def _refuse_if_released(self, what: str) -> None:
        if self.released:
            raise BriefingIsReleased(f"briefing {self.key} was released on {self.released_on} and cannot be {what}")
