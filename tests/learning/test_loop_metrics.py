"""Loop metrics against numbers worked out by hand: reach, median working days to acknowledge and to change,
share verified; per board, agency, theme and briefing; and what the national digest reads per theme."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from lipp.bootstrap import Lipp
from lipp.commands.learning import (
    AcknowledgeDelivery,
    RecordDiscussion,
    ReportPracticeChange,
    VerifyPracticeChange,
)
from lipp.commands.registry import RegisterUser
from lipp.digest.periods import Period
from lipp.domain.clock import ENGLAND, SettableClock
from lipp.domain.errors import NotAuthorised
from lipp.projections.learning.queries import Slice
from tests.conftest import People
from tests.learning.journeys import released


def _on(clock: SettableClock, day: date) -> None:
    clock.set(datetime.combine(day, time(10), tzinfo=ENGLAND))


def _story(lipp: Lipp, people: People, clock: SettableClock) -> str:
    """Released Monday 16 March 2026 to NVL-CSC, NVL-POLICE, NVL-HEALTH and NVL-DA.

    NVL-CSC acknowledges on the 17th (1 working day), changes practice on the 20th (4), verified.
    NVL-POLICE acknowledges on the 19th (3), changes practice on the 27th (9). NVL-HEALTH acknowledges on the
    23rd (5). NVL-DA does nothing."""
    key = released(lipp, people, clock)
    lipp.registry.register_user(
        people.admin, RegisterUser(username="nvl-health.member", role="team_member", team="NVL-HEALTH")
    )
    codes = {r.team: r.code for r in lipp.deliveries.deliveries(people.admin, briefing=key)}
    learning = lipp.learning

    def close(team: str, acknowledged: date, changed: date | None) -> None:
        member = lipp.registry.actor_for(f"{team.lower()}.member")
        _on(clock, acknowledged)
        learning.acknowledge(member, AcknowledgeDelivery(code=codes[team]))
        if changed:
            _on(clock, changed)
            learning.record_discussion(member, RecordDiscussion(code=codes[team], reflections="Team meeting"))
            learning.report_change(member, ReportPracticeChange(code=codes[team], what_changed="Checklist in use"))

    close("NVL-CSC", date(2026, 3, 17), date(2026, 3, 20))
    close("NVL-POLICE", date(2026, 3, 19), date(2026, 3, 27))
    close("NVL-HEALTH", date(2026, 3, 23), None)
    learning.verify(people.coordinator, VerifyPracticeChange(code=codes["NVL-CSC"]))
    return key


def test_the_loop_metrics_of_a_briefing_match_the_hand_count(lipp: Lipp, people: People, clock: SettableClock) -> None:
    key = _story(lipp, people, clock)

    overall = lipp.deliveries.metrics(people.coordinator, Slice(briefing=key))

    assert (overall.teams_targeted, overall.acknowledged, overall.change_reported, overall.verified) == (4, 3, 2, 1)
    assert overall.reach == 0.75
    assert overall.median_days_to_acknowledge == 3.0
    assert overall.median_days_to_change == 6.5
    assert overall.share_verified == 0.25


def test_metrics_slice_by_agency_theme_and_board(lipp: Lipp, people: People, clock: SettableClock) -> None:
    _story(lipp, people, clock)
    deliveries = lipp.deliveries

    police = deliveries.metrics(people.national_body, Slice(agency="police"))
    assert (police.teams_targeted, police.reach, police.median_days_to_change, police.share_verified) == (
        1,
        1.0,
        9.0,
        0.0,
    )
    by_theme = deliveries.metrics(people.admin, Slice(theme="Babies under one: vulnerability and risk"))
    assert (by_theme.teams_targeted, by_theme.acknowledged) == (4, 3)
    assert deliveries.metrics(people.admin, Slice(theme="NT17")).teams_targeted == 0
    assert deliveries.metrics(people.admin, Slice(board="EMR")).teams_targeted == 0
    # A coordinator's metrics are their own board's: asking for another board's is refused, not zeros.
    assert deliveries.metrics(people.other_coordinator, Slice()).teams_targeted == 0
    with pytest.raises(NotAuthorised):
        deliveries.metrics(people.other_coordinator, Slice(board="NVL"))
    with pytest.raises(NotAuthorised):
        deliveries.metrics(lipp.registry.actor_for("nvl-csc.member"), Slice())


def test_the_digest_reads_whether_learning_reached_teams_per_theme(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    _story(lipp, people, clock)

    reach = lipp.deliveries.reach_by_theme(date(2026, 3, 1), date(2026, 3, 31))

    assert [(r.theme_id, r.teams_targeted, r.acknowledged, r.practice_change_verified) for r in reach] == [
        ("NT04", 4, 3, 1),
        ("NT05", 4, 3, 1),
        ("NT13", 4, 3, 1),
    ]
    assert lipp.deliveries.reach_by_theme(date(2026, 4, 1), date(2026, 6, 30)) == []


def test_an_issued_digest_counts_learning_reach_as_recorded_up_to_its_position(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    _story(lipp, people, clock)
    _on(clock, date(2026, 4, 7))
    digests, quarter = lipp.digests, Period(date(2026, 1, 1), date(2026, 3, 31))
    computed = digests.compute(people.national_body, quarter, digests.catch_up(people.admin))
    reach = computed.document.learning_reach
    assert reach.measured
    assert {(r.theme_id, r.teams_targeted, r.acknowledged, r.practice_change_verified) for r in reach.lines} >= {
        ("NT04", 4, 3, 1),
        ("NT13", 4, 3, 1),
    }
    issued = digests.issue(people.admin, computed)

    codes = {r.team: r.code for r in lipp.deliveries.deliveries(people.admin)}
    lipp.learning.verify(people.coordinator, VerifyPracticeChange(code=codes["NVL-POLICE"]))

    assert digests.rebuild(people.admin, str(issued.id))[1].rendered == computed.rendered
    later = digests.compute(people.admin, quarter, digests.catch_up(people.admin))
    assert {r.theme_id: r.practice_change_verified for r in later.document.learning_reach.lines}["NT13"] == 2
    assert later.id != issued.id
