"""On every aggregate with dated steps, a step is not dated before the step it follows, nor after today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lipp.domain.alliance.action import AllianceAction
from lipp.domain.business_dates import StepDatedBeforePreviousStep
from lipp.domain.errors import InvalidInput, RuleBroken
from lipp.domain.learning.delivery import Delivery

TODAY = date(2026, 6, 1)
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
days = st.integers(min_value=0, max_value=120).map(lambda n: TODAY - timedelta(days=n))


def delivery_addressed_on(day: date) -> Delivery:
    return Delivery.address(
        now=NOW,
        on=day,
        briefing_id=uuid4(),
        briefing_key="review-nvl-2026-001",
        team_id=uuid4(),
        team_code="NVL-CSC",
        board_id=uuid4(),
        board_code="NVL",
        agency="police",
        scope="local",
        theme_ids=("NT04",),
    )


@settings(max_examples=200, deadline=None)
@given(addressed=days, steps=st.lists(days, min_size=3, max_size=3))
def test_a_delivery_step_dated_before_the_one_it_follows_is_refused(addressed: date, steps: list[date]) -> None:
    delivery = delivery_addressed_on(addressed)
    acknowledged = max(addressed, steps[0])
    delivery.acknowledge(actor_id=uuid4(), now=NOW, on=acknowledged, via="cli")
    previous = acknowledged
    actions: tuple[Callable[[date], None], ...] = (
        lambda on: delivery.record_discussion(actor_id=uuid4(), now=NOW, on=on, reflections="We used it"),
        lambda on: delivery.report_change(actor_id=uuid4(), now=NOW, on=on, what_changed="Huddles", audit_reference=""),
        lambda on: delivery.verify(actor_id=uuid4(), now=NOW, on=on, note=""),
    )
    for act, on in zip(actions, [*steps[1:], TODAY], strict=True):
        if on < previous:
            with pytest.raises(StepDatedBeforePreviousStep, match=str(previous)):
                act(on)
            on = previous  # then the step on the day it follows is accepted
        act(on)
        previous = on


def action_committed() -> AllianceAction:
    return AllianceAction.commit(
        actor_id=uuid4(),
        now=NOW,
        today=TODAY - timedelta(days=150),
        national_body_id=uuid4(),
        body_code="NCB",
        reference="NCB-A1",
        theme_id="NT04",
        themes_version=1,
        owner="Practice lead",
        description="Run a practice week",
        due_on=TODAY + timedelta(days=30),
    )


@settings(max_examples=200, deadline=None)
@given(progress=days, closing=st.integers(min_value=-160, max_value=10).map(lambda n: TODAY + timedelta(days=n)))
def test_an_action_closed_before_its_last_progress_or_after_today_is_refused(progress: date, closing: date) -> None:
    action = action_committed()
    action.post_progress(actor_id=uuid4(), now=NOW, today=TODAY, on=progress, note="Consulted")
    refused = closing < progress or closing > TODAY or closing < action.committed_on
    if refused:
        with pytest.raises((RuleBroken, InvalidInput)):
            action.complete(actor_id=uuid4(), now=NOW, today=TODAY, on=closing, evidence="Adopted")
    else:
        action.complete(actor_id=uuid4(), now=NOW, today=TODAY, on=closing, evidence="Adopted")
        assert action.closed_on == closing
