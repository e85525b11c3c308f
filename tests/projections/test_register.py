"""A coordinator's register, read from the review_register read model rather than by replaying reviews."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lipp.bootstrap import Lipp
from lipp.commands import reviews as c
from lipp.domain.clock import SettableClock, today_in_england
from lipp.domain.errors import NotAuthorised
from lipp.projections.register.entries import RegisterEntry
from tests.conftest import People


def notify(lipp: Lipp, people: People, case: str, aware_on: date, board: str = "NVL") -> str:
    coordinator = people.coordinator if board == "NVL" else people.other_coordinator
    command = c.NotifyIncident(
        board=board,
        case_reference=case,
        incident_kind="death",
        looked_after=False,
        agencies=["police"],
        aware_on=aware_on,
    )
    return lipp.reviews.notify_incident(coordinator, command).reference


def entries(lipp: Lipp, people: People, board: str = "NVL", *, overdue_only: bool = False) -> list[RegisterEntry]:
    found = lipp.registry.board(board)
    today = today_in_england(lipp.clock)
    return list(
        lipp.register.entries(
            people.coordinator if board == "NVL" else people.other_coordinator,
            found.id,
            found.code,
            today,
            overdue_only=overdue_only,
        )
    )


def test_register_lists_the_boards_reviews_with_their_next_deadline(lipp: Lipp, people: People) -> None:
    first = notify(lipp, people, "Child K", date(2026, 2, 24))
    notify(lipp, people, "Child Q", date(2026, 2, 25), board="EMR")
    second = notify(lipp, people, "Child L", date(2026, 2, 27))
    lipp.reviews.decide(
        people.coordinator, c.RecordRapidReviewDecision(reference=first, decision="local_review", rationale="Learning")
    )

    register = entries(lipp, people)

    assert [(e.reference, e.stage, e.next_deadline) for e in register] == [
        (first, "decided", "completion (sign-off)"),
        (second, "notified", "rapid review"),
    ]


def test_register_shows_what_the_replayed_reviews_show(lipp: Lipp, people: People, clock: SettableClock) -> None:
    reference = notify(lipp, people, "Child K", date(2026, 2, 20))
    lipp.reviews.decide(
        people.coordinator,
        c.RecordRapidReviewDecision(reference=reference, decision="local_review", rationale="Learning"),
    )
    lipp.reviews.commission(
        people.coordinator, c.CommissionReview(reference=reference, kind="lcspr", methodology="silp")
    )
    lipp.reviews.pause(
        people.coordinator, c.PauseReview(reference=reference, process="inquest", reason="Inquest first")
    )
    clock.advance(timedelta(days=40))
    notify(lipp, people, "Child L", date(2026, 4, 1))

    replayed = lipp.reviews.register(people.coordinator, "NVL")
    projected = entries(lipp, people)

    assert [
        (r.reference, r.stage, r.paused, r.next_deadline, r.next_due_on, r.next_status, r.next_rag) for r in replayed
    ] == [
        (e.reference, e.stage, e.paused, e.next_deadline, e.next_due_on, e.next_status, e.next_rag) for e in projected
    ]


def test_overdue_filter_keeps_only_reviews_past_a_deadline(lipp: Lipp, people: People, clock: SettableClock) -> None:
    late = notify(lipp, people, "Child K", date(2026, 2, 27))
    clock.advance(timedelta(days=25))  # the rapid review was due 15 working days after notification
    on_time = notify(lipp, people, "Child L", date(2026, 3, 25))

    overdue = entries(lipp, people, overdue_only=True)

    assert [e.reference for e in overdue] == [late]
    assert on_time in [e.reference for e in entries(lipp, people)]


def test_counts_per_stage_follow_each_step(lipp: Lipp, people: People) -> None:
    for case in ("Child K", "Child L", "Child M"):
        notify(lipp, people, case, date(2026, 2, 27))
    found = lipp.registry.board("NVL")
    lipp.reviews.decide(
        people.coordinator,
        c.RecordRapidReviewDecision(
            reference="NVL-2026-001", decision="no_further_review", rationale="Learning already known"
        ),
    )
    before = lipp.register.counts(people.coordinator, found.id, found.code)
    lipp.reviews.close_review(people.coordinator, c.CloseReview(reference="NVL-2026-001"))
    after = lipp.register.counts(people.coordinator, found.id, found.code)

    assert [(s.stage, s.reviews) for s in before] == [("notified", 2), ("decided", 1)]
    assert [(s.stage, s.reviews) for s in after] == [("notified", 2), ("closed", 1)]


@pytest.mark.parametrize("who", ["other_coordinator", "reviewer", "national_body"])
def test_only_the_boards_coordinators_and_admins_may_read_its_register(lipp: Lipp, people: People, who: str) -> None:
    notify(lipp, people, "Child K", date(2026, 2, 27))
    found = lipp.registry.board("NVL")
    today = today_in_england(lipp.clock)

    with pytest.raises(NotAuthorised):
        lipp.register.entries(getattr(people, who), found.id, found.code, today)
    with pytest.raises(NotAuthorised):
        lipp.register.counts(getattr(people, who), found.id, found.code)
    assert len(lipp.register.entries(people.admin, found.id, found.code, today)) == 1
