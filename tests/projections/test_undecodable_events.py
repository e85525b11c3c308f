"""A stored event that cannot be decoded stops only the projections that read its topic, just before it, saying
why; every other projection, and every other event, goes on; an operator skips it and nothing else is lost.

The corrupt events are generated: bytes that are not UTF-8, text that is not JSON, JSON that is not an object,
a typed value naming a transcoding lipp does not have, an id that is not one, and an object without the
event's fields (that one decodes, and fails when applied: the same outcome by the other path).
"""

from __future__ import annotations

import json
from uuid import uuid4

from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import get_topic
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lipp.bootstrap import Lipp
from lipp.domain.clock import SettableClock
from lipp.domain.review.aggregate import Review
from tests.conftest import People
from tests.projections.stories import Storyteller, random_moves

TOPIC = get_topic(Review.RapidReviewDecided)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
corrupt_states = st.one_of(
    st.binary(min_size=1, max_size=40).map(lambda b: b"\xff" + b),  # not UTF-8
    st.text(max_size=40).map(lambda t: ("{" + t).encode()),  # not JSON
    st.one_of(st.lists(json_values, max_size=3), st.integers(), st.text(max_size=10)).map(
        lambda v: json.dumps(v).encode()
    ),  # JSON, not an object
    st.text(min_size=1, max_size=12)
    .filter(lambda name: name not in {"uuid_hex", "decimal_str", "datetime_iso", "date_iso"})
    .map(lambda name: json.dumps({"decided_on": {"_type_": name, "_data_": "x"}}).encode()),  # no such transcoding
    st.text(max_size=12).map(lambda bad: json.dumps({"x": {"_type_": "uuid_hex", "_data_": "z" + bad}}).encode()),
    st.dictionaries(st.text(min_size=1, max_size=8), json_values, max_size=3).map(
        lambda d: json.dumps(d).encode()
    ),  # decodes, but lacks the event's fields
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(state=corrupt_states, good_after=st.integers(min_value=0, max_value=3))
def test_an_undecodable_event_stops_only_its_readers_and_an_operator_skips_it(
    lipp: Lipp, people: People, clock: SettableClock, state: bytes, good_after: int
) -> None:
    teller = Storyteller(lipp, people, clock)
    for move in random_moves(len(state) + good_after, 6):
        teller.play(move)
    projections = lipp.projections
    lipp.runner.catch_up_all(projections)

    recorder = lipp.storage.recorder
    recorder.insert_events([StoredEvent(uuid4(), 1, TOPIC, state)])
    bad = recorder.max_notification_id()
    for move in random_moves(len(state) * 7 + good_after, 4):  # good events after the bad one
        teller.play(move)
    assert bad is not None

    lipp.runner.catch_up_all(projections, batch_size=3)

    readers = [p for p in projections if Review.RapidReviewDecided in p.event_classes]
    assert readers, "some projection reads rapid review decisions"
    for projection in projections:
        status = lipp.runner.status(projection)
        if projection in readers:
            assert status.stuck is not None and status.stuck.notification_id == bad, projection.name
            assert status.stuck.topic == TOPIC
            assert status.position == bad - 1
        else:
            assert status.stuck is None and status.lag == 0, projection.name

    for projection in readers:
        lipp.runner.skip(projection, bad)
    lipp.runner.catch_up_all(projections)
    for projection in projections:
        status = lipp.runner.status(projection)
        assert status.stuck is None and status.lag == 0, projection.name
