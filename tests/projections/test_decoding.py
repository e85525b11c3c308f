"""The projections' event decoder gives exactly the events the application's mapper gives."""

from __future__ import annotations

from lipp.bootstrap import Lipp
from lipp.domain.clock import SettableClock
from lipp.projections.decoding import EventDecoder
from tests.conftest import People
from tests.projections.test_crash_safety import history_for_every_projection


def test_decoded_events_equal_the_mappers_for_every_kind_of_event(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    history_for_every_projection(lipp, people, clock)
    notifications = lipp.storage.recorder.select_notifications(0, 100_000, inclusive_of_start=False)
    mapper = lipp.reviews.mapper

    decoded = EventDecoder(mapper).events(notifications)

    expected = [mapper.to_domain_event(n) for n in notifications]
    assert [(type(e), e.__dict__) for e in decoded] == [(type(e), e.__dict__) for e in expected]
    assert len({type(e) for e in decoded}) > 15, "lifecycle, finding, sharing and marker events alike"
