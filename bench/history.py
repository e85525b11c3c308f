"""A national-scale, invented review history, written straight through the recorder in large batches.

About 150 invented boards notify incidents from April 2006 to November 2026; each review follows a plausible
lifecycle (rapid review decision; for local reviews commissioning, appointment, terms of reference, pauses for
parallel processes, draft, sign-off, the copy to the Panel, deferral, publication, closure), stopping where
it stands "today". Events go through the real aggregates, so every rule holds and every event is valid.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder, Mapper, StoredEvent

from finding_phrases import assess_markers, finding_steps
from lipp.domain.calendar import add_working_days
from lipp.domain.identifiers import board_id_for, review_id_for, user_id_for
from lipp.domain.registry.board import Board
from lipp.domain.review.aggregate import Review
from lipp.domain.review.incident import CaseIncident
from lipp.domain.review.vocabulary import (
    Agency,
    AgencySector,
    Decision,
    IncidentKind,
    Methodology,
    ParallelProcess,
    ReviewKind,
)

FIRST_DAY = date(2006, 4, 1)
TODAY = date(2026, 11, 20)
LCSPR_FROM = date(2019, 9, 29)
SYLLABLES = ("north", "east", "west", "south", "mere", "vale", "brook", "ford", "ham", "ley", "ton", "wick")
INSERT_BATCH = 20_000
INSERT_BATCH_POSTGRES = 1_000
"""psycopg's pipelined executemany stalls on very large batches."""


def board_codes(count: int) -> list[str]:
    letters = "ABCDEFGHJKLMNPRSTVWY"
    chance = random.Random(150)
    codes: set[str] = set()
    while len(codes) < count:
        codes.add("".join(chance.choice(letters) for _ in range(3)))
    return sorted(codes)


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


class Lifecycle:
    """One review's events, from notification to wherever it stands today."""

    def __init__(self, chance: random.Random, board: str, sequence: int, aware_on: date) -> None:
        self.chance, self.day = chance, aware_on
        self.reference = f"{board}-{aware_on.year}-{sequence:03d}"
        self.board_id = board_id_for(board)
        self.coordinator = user_id_for(f"{board.lower()}.coordinator")
        self.aware_on = aware_on

    def events(self) -> list[object]:
        chance = self.chance
        notified_on = add_working_days(self.aware_on, chance.choice((0, 1, 2, 3, 4, 5, 5, 9)))
        if notified_on > TODAY:
            return []
        case = f"Case {chance.randrange(10_000)}"
        agencies = [Agency(sector) for sector in chance.sample(list(AgencySector), chance.randint(2, 5))]
        review = Review.notify(
            review_id=review_id_for(self.reference),
            actor_id=self.coordinator,
            now=_noon(notified_on),
            board_id=self.board_id,
            reference=self.reference,
            case_reference=case,
            incident_kind=chance.choice((IncidentKind.DEATH, IncidentKind.SERIOUS_HARM)),
            looked_after=chance.random() < 0.15,
            agencies=agencies,
            aware_on=self.aware_on,
            notified_on=notified_on,
        )
        claim = CaseIncident.claim(
            board_id=self.board_id,
            case_reference=case,
            aware_on_iso=self.aware_on.isoformat(),
            review_id=review.id,
            reference=self.reference,
            now=_noon(notified_on),
        )
        self.day = notified_on
        self._advance(review)
        return [*claim.collect_events(), *review.collect_events()]

    def _after(self, low: int, high: int) -> date | None:
        self.day += timedelta(days=self.chance.randint(low, high))
        return self.day if self.day <= TODAY else None

    def _advance(self, review: Review) -> None:
        chance, actor = self.chance, self.coordinator

        def step(low: int, high: int, act: Callable[[datetime, date], None]) -> bool:
            on = self._after(low, high)
            if on is None:
                return False
            act(_noon(on), on)
            return True

        roll = chance.random()
        decision = (
            Decision.LOCAL_REVIEW
            if roll < 0.45
            else Decision.OTHER_LEARNING
            if roll < 0.8
            else Decision.NO_FURTHER_REVIEW
        )
        if not step(
            7,
            25,
            lambda now, on: review.decide(
                actor_id=actor,
                now=now,
                on=on,
                decision=decision,
                rationale="Learning about multi-agency information sharing",
            ),
        ):
            return
        if decision is not Decision.LOCAL_REVIEW:
            step(5, 60, lambda now, on: review.close(actor_id=actor, now=now, on=on))
            return
        kind = ReviewKind.SCR if self.day < LCSPR_FROM else ReviewKind.LCSPR
        methodology = chance.choice(list(Methodology))
        reviewers = [user_id_for(f"reviewer.{chance.randrange(400)}") for _ in range(2)]
        plan: list[tuple[int, int, Callable[[datetime, date], None]]] = [
            (
                10,
                40,
                lambda now, on: review.commission(actor_id=actor, now=now, on=on, kind=kind, methodology=methodology),
            ),
            (
                10,
                40,
                lambda now, on: review.appoint_lead_reviewer(actor_id=actor, now=now, on=on, reviewer_id=reviewers[0]),
            ),
        ]
        if chance.random() < 0.15:
            plan.append(
                (
                    5,
                    30,
                    lambda now, on: review.appoint_lead_reviewer(
                        actor_id=actor, now=now, on=on, reviewer_id=reviewers[1]
                    ),
                )
            )
        plan.append(
            (
                10,
                30,
                lambda now, on: review.agree_terms_of_reference(
                    actor_id=actor,
                    now=now,
                    on=on,
                    scope_from=self.aware_on - timedelta(days=730),
                    scope_to=self.aware_on,
                    key_lines_of_enquiry=[
                        "How did agencies share information about risk?",
                        "How was the child's lived experience understood?",
                    ],
                    agencies=[Agency(AgencySector.POLICE), Agency(AgencySector.HEALTH)],
                ),
            )
        )
        plan += finding_steps(chance, review, actor)
        for _ in range(chance.choice((0, 0, 0, 0, 1, 1, 2))):
            process = chance.choice(list(ParallelProcess))
            plan.append(
                (
                    5,
                    60,
                    lambda now, on, process=process: review.pause(
                        actor_id=actor, now=now, on=on, process=process, reason="Awaiting the parallel process"
                    ),
                )
            )
            plan.append((30, 200, lambda now, on: review.resume(actor_id=actor, now=now, on=on)))
        plan += [
            (60, 200, lambda now, on: review.record_report_drafted(actor_id=actor, now=now, on=on)),
            (1, 20, lambda now, on: assess_markers(chance, review, actor, now, on)),
            (
                10,
                60,
                lambda now, on: review.sign_off(
                    actor_id=actor,
                    now=now,
                    on=on,
                    board_response="The partnership accepts the findings and will act on each.",
                ),
            ),
            (1, 10, lambda now, on: review.send_to_panel(actor_id=actor, now=now, on=on)),
        ]
        for _ in range(chance.choice((0, 0, 0, 0, 0, 1, 2))):
            plan.append(
                (
                    3,
                    30,
                    lambda now, on: review.defer_publication(
                        actor_id=actor,
                        now=now,
                        on=on,
                        reason="Criminal proceedings",
                        reconsider_on=on + timedelta(days=90),
                    ),
                )
            )
        if chance.random() < 0.85:
            plan.append(
                (
                    14,
                    60,
                    lambda now, on: review.publish(
                        actor_id=actor, now=now, on=on, location="partnership website", panel_copy_working_days=7
                    ),
                )
            )
        else:
            plan.append(
                (
                    14,
                    60,
                    lambda now, on: review.withhold_publication(
                        actor_id=actor,
                        now=now,
                        on=on,
                        reason="Risk to siblings",
                        improvement_information="Summary of improvements",
                    ),
                )
            )
        plan.append((10, 60, lambda now, on: review.close(actor_id=actor, now=now, on=on)))
        for low, high, act in plan:
            if not step(low, high, act):
                return


def boards(codes: list[str]) -> list[object]:
    return [
        event
        for code in codes
        for event in Board.register(
            actor_id=user_id_for("admin"),
            now=_noon(FIRST_DAY),
            code=code,
            name=f"{code} Safeguarding Partnership",
            area=code,
        ).collect_events()
    ]


def lifecycles(event_target: int, board_count: int, seed: int) -> Iterator[list[object]]:
    """Reviews in order of awareness, each with its events, until about `event_target` events are made."""
    chance = random.Random(seed)
    codes = board_codes(board_count)
    made, sequences = 0, dict.fromkeys(((code, year) for code in codes for year in range(2006, 2027)), 0)
    span = (TODAY - FIRST_DAY).days
    while made < event_target:
        aware_on = FIRST_DAY + timedelta(days=chance.randrange(span))
        code = chance.choice(codes)
        sequences[(code, aware_on.year)] += 1
        events = Lifecycle(chance, code, sequences[(code, aware_on.year)], aware_on).events()
        made += len(events)
        yield events


def write(
    recorder: ApplicationRecorder,
    mapper: Mapper[UUID],
    events: list[object],
    report: Callable[[int], None],
    batch: int = INSERT_BATCH,
) -> int:
    """Insert in recording order, in large transactions: the log then reads like twenty years of real use."""
    events.sort(key=lambda e: (e.timestamp, e.originator_version))  # type: ignore[attr-defined]
    written = 0
    for start in range(0, len(events), batch):
        stored: list[StoredEvent] = [mapper.to_stored_event(e) for e in events[start : start + batch]]  # type: ignore[arg-type]
        recorder.insert_events(stored)
        written += len(stored)
        report(written)
    return written
