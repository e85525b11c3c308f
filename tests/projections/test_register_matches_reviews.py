"""For any lawful history, every register row says what the replayed Review aggregate says."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lipp.bootstrap import Lipp
from lipp.config import Settings
from lipp.domain.clock import today_in_england
from lipp.domain.identifiers import review_id_for
from lipp.domain.review.aggregate import Review
from lipp.projections.register.queries import dates_of
from lipp.projections.register.table import review_register
from tests.conftest import People
from tests.projections.stories import Move, Storyteller, fresh_lipp, start_clock

moves = st.lists(
    st.builds(Move, days=st.sampled_from([0, 1, 2, 5, 12, 30, 90]), pick=st.integers(0, 1 << 16)),
    min_size=1,
    max_size=60,
)
catch_up_every = st.integers(min_value=1, max_value=25)
batch_sizes = st.sampled_from([1, 3, 50, 10_000])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=moves, every=catch_up_every, batch_size=batch_sizes)
def test_every_row_says_what_the_review_says(
    settings: Settings, moves: list[Move], every: int, batch_size: int
) -> None:
    clock = start_clock()
    with fresh_lipp(settings, clock) as lipp:
        people = People(lipp)
        lipp.runner.batch_size = batch_size
        teller = Storyteller(lipp, people, clock)
        for number, move in enumerate(moves, start=1):
            teller.play(move)
            if number % every == 0:
                lipp.runner.catch_up(lipp.register.projection)  # readers catch up at random moments
        lipp.runner.catch_up(lipp.register.projection)

        rows = _rows(lipp)
        assert sorted(rows) == sorted(teller.references)
        for reference, row in rows.items():
            review: Review = lipp.reviews.replay(review_id_for(reference))
            assert dates_of(row) == review.dates
            assert (row.board_id, row.case_reference, row.stage, row.version) == (
                review.board_id,
                review.case_reference,
                review.stage.value,
                review.version,
            )
            assert row.paused_for == (review.paused_for.value if review.paused_for else None)
            assert row.lead_reviewer_id == review.lead_reviewer_id
            assert row.kind == (review.kind.value if review.kind else None)
            assert row.pauses == len(review.pauses) + (1 if review.is_paused else 0)
        _register_matches_replay(lipp, people)


def _rows(lipp: Lipp) -> dict[str, object]:
    with lipp.read_models.connect() as connection:
        return {row.reference: row for row in connection.execute(review_register.select())}


def _register_matches_replay(lipp: Lipp, people: People) -> None:
    """What a coordinator sees: the same lines, deadlines and RAG as the replayed register."""
    today = today_in_england(lipp.clock)
    for code, coordinator in (("NVL", people.coordinator), ("EMR", people.other_coordinator)):
        board = lipp.registry.board(code)
        projected = lipp.register.entries(coordinator, board.id, board.code, today)
        replayed = lipp.reviews.register(coordinator, code)
        assert [(e.reference, e.stage, e.paused, e.next_deadline, e.next_due_on, e.next_rag) for e in projected] == [
            (r.reference, r.stage, r.paused, r.next_deadline, r.next_due_on, r.next_rag) for r in replayed
        ]
