"""The demo's Alliance: two member bodies' actions on national themes, one completed, some overdue."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from lipp.bootstrap import Lipp
from lipp.commands.alliance import CommitAction, CompleteAction, PostProgress
from lipp.commands.fields import Command
from lipp.domain.actors import Actor


@dataclass(frozen=True)
class Scheduled:
    day: date
    order: int
    actor: str
    run: Callable[[Lipp, Actor], object]


def alliance_actions(quarter_start: date, order: Iterator[int], refs: dict[str, str]) -> Iterator[Scheduled]:
    committed = quarter_start - timedelta(days=60)

    def commit(theme: str, owner: str, description: str, due: date) -> Callable[[Lipp, Actor], object]:
        def run(lipp: Lipp, actor: Actor) -> object:
            command = CommitAction(theme=theme, owner=owner, description=description, due_on=due)
            refs[description] = lipp.alliance.commit(actor, command).reference
            return None

        return run

    def then(description: str, command: type[Command], **fields: Any) -> Callable[[Lipp, Actor], object]:
        def run(lipp: Lipp, actor: Actor) -> object:
            model = command.model_validate({"action": refs[description], **fields})
            step = lipp.alliance.post_progress if command is PostProgress else lipp.alliance.complete
            return step(actor, model)  # type: ignore[arg-type]

        return run

    yield Scheduled(
        committed,
        next(order),
        "ncb.lead",
        commit(
            "NT13",
            "Head of policy",
            "National guidance on sharing health information at the front door",
            committed + timedelta(days=150),
        ),
    )
    yield Scheduled(
        committed + timedelta(days=30),
        next(order),
        "ncb.lead",
        then(
            "National guidance on sharing health information at the front door",
            PostProgress,
            note="Draft guidance consulted with partnerships",
        ),
    )
    yield Scheduled(
        committed + timedelta(days=1),
        next(order),
        "pln.lead",
        commit(
            "NT04",
            "Programme lead",
            "Bruising protocol briefing for every frontline health team",
            committed + timedelta(days=60),
        ),
    )
    yield Scheduled(
        committed + timedelta(days=50),
        next(order),
        "pln.lead",
        then(
            "Bruising protocol briefing for every frontline health team",
            CompleteAction,
            evidence="Protocol audit shows strategy discussions convened for every bruised non-mobile baby",
        ),
    )
    yield Scheduled(
        committed + timedelta(days=2),
        next(order),
        "pln.lead",
        commit(
            "NT14",
            "Practice development lead",
            "Learning sets on seeing patterns across incidents",
            committed + timedelta(days=40),
        ),
    )
