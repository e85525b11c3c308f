"""Quality-marker results across reviews: counts of each marker's latest rating, by board and period."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from lipp.bootstrap import Lipp
from lipp.commands.markers import AssessQualityMarker
from lipp.domain.actors import Actor
from lipp.domain.clock import SettableClock
from lipp.projections.markers.entries import MarkerResult
from lipp.projections.markers.tables import marker_metadata
from lipp.projections.markers.view import ActorMayNotSeeMarkerResults
from tests.conftest import People
from tests.projections.library_journeys import in_conduct
from tests.projections.stories import table_rows

RATINGS = ("met", "partly_met", "not_met", "not_applicable")


def rate(lipp: Lipp, coordinator: Actor, reference: str, marker: int, rating: str) -> None:
    mitigation = {"mitigation": "The board has a plan"} if rating == "not_met" else {}
    command = AssessQualityMarker(
        reference=reference, marker=marker, rating=rating, evidence="Seen in the review records", **mitigation
    )
    lipp.reviews.execute(coordinator, command)


def three_reviews(lipp: Lipp, people: People, clock: SettableClock) -> None:
    """NVL: two reviews rated in March; EMR: one review rated forty days later."""
    first = in_conduct(lipp, people, "NVL", "Child K")
    second = in_conduct(lipp, people, "NVL", "Child L")
    rate(lipp, people.coordinator, first, 1, "met")
    rate(lipp, people.coordinator, first, 2, "not_met")
    rate(lipp, people.coordinator, first, 1, "partly_met")  # revisited: only the latest rating counts
    rate(lipp, people.coordinator, second, 1, "met")
    rate(lipp, people.coordinator, second, 2, "not_applicable")
    clock.advance(timedelta(days=40))
    emr = in_conduct(lipp, people, "EMR", "Child Q")
    rate(lipp, people.other_coordinator, emr, 1, "not_met")
    rate(lipp, people.other_coordinator, emr, 2, "met")


def counts(found: list[MarkerResult]) -> dict[int, tuple[int | str, ...]]:
    """Markers with any rating: (met, partly met, not met, not applicable)."""
    return {r.marker: (r.met, r.partly_met, r.not_met, r.not_applicable) for r in found if r.assessed}


def test_counts_the_latest_rating_of_each_marker_per_review(lipp: Lipp, people: People, clock: SettableClock) -> None:
    three_reviews(lipp, people, clock)
    results = lipp.marker_results.marker_results

    assert counts(results(people.admin)) == {1: (1, 1, 1, 0), 2: (1, 0, 1, 1)}
    assert counts(results(people.admin, board="nvl")) == {1: (1, 1, 0, 0), 2: (0, 0, 1, 1)}
    assert counts(results(people.admin, from_date=date(2026, 3, 3))) == {1: (0, 0, 1, 0), 2: (1, 0, 0, 0)}
    few = "fewer than 5"
    assert counts(results(people.national_body, board="nvl")) == {1: (few, few, 0, 0), 2: (0, 0, few, few)}
    assert counts(results(people.admin, to_date=date(2026, 3, 2))) == {1: (1, 1, 0, 0), 2: (0, 0, 1, 1)}
    everything = results(people.admin)
    assert [r.marker for r in everything] == list(range(1, 19))
    assert everything[0].title and everything[17].assessed == 0


def test_a_coordinator_sees_only_their_own_board(lipp: Lipp, people: People, clock: SettableClock) -> None:
    three_reviews(lipp, people, clock)
    results = lipp.marker_results.marker_results

    assert counts(results(people.other_coordinator)) == {1: (0, 0, 1, 0), 2: (1, 0, 0, 0)}
    assert counts(results(people.coordinator, board="NVL")) == {1: (1, 1, 0, 0), 2: (0, 0, 1, 1)}
    with pytest.raises(ActorMayNotSeeMarkerResults):
        results(people.coordinator, board="EMR")
    with pytest.raises(ActorMayNotSeeMarkerResults):
        results(people.reviewer)


def test_rebuild_gives_identical_marker_tables(lipp: Lipp, people: People, clock: SettableClock) -> None:
    three_reviews(lipp, people, clock)
    lipp.marker_results.marker_results(people.admin)
    before = [table_rows(lipp.read_models, t) for t in marker_metadata.sorted_tables]

    lipp.runner.rebuild(lipp.marker_results.projection)

    assert [table_rows(lipp.read_models, t) for t in marker_metadata.sorted_tables] == before


def test_national_counts_for_any_period_are_the_sum_of_every_board(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    """National counts come from monthly totals plus the odd days at either end: they must agree, for periods
    starting and ending anywhere, with counting each board's ratings one by one."""
    chance = random.Random(4)
    reviews = [in_conduct(lipp, people, board, f"Child {n}") for n, board in enumerate(["NVL", "EMR"] * 3)]
    for _ in range(40):
        clock.advance(timedelta(days=chance.randrange(1, 25)))
        reference = chance.choice(reviews)
        coordinator = people.coordinator if reference.startswith("NVL") else people.other_coordinator
        rate(lipp, coordinator, reference, chance.randrange(1, 4), chance.choice(RATINGS))
    results = lipp.marker_results.marker_results
    first, last = date(2026, 2, 20), clock.now().date() + timedelta(days=5)
    periods: list[tuple[date | None, date | None]] = [(None, None), (None, date(2026, 5, 31)), (date(2026, 6, 1), None)]
    for _ in range(25):
        start = first + timedelta(days=chance.randrange((last - first).days))
        periods.append((start, start + timedelta(days=chance.randrange(0, 200))))
    periods += [
        (date(2026, 4, 1), date(2026, 4, 30)),
        (date(2026, 4, 1), date(2026, 5, 15)),
        (date(2026, 4, 9), date(2026, 4, 9)),
    ]

    for start, end in periods:
        by_board = [counts(results(people.admin, board=b, from_date=start, to_date=end)) for b in ("NVL", "EMR")]
        expected: dict[int, tuple[int, ...]] = {}
        for found in by_board:
            for marker, row in found.items():
                expected[marker] = tuple(a + b for a, b in zip(expected.get(marker, (0, 0, 0, 0)), row, strict=True))
        assert counts(results(people.admin, from_date=start, to_date=end)) == expected, (start, end)
    assert sum(sum(row) for row in counts(results(people.admin)).values()) > 6
