"""Random sequences of Alliance steps: an action closes once, and what lipp shows matches a plain model."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from lipp.bootstrap import Lipp, build
from lipp.commands.alliance import CommitAction, CompleteAction, PostProgress, WithdrawAction
from lipp.config import Settings
from lipp.domain.alliance.rules import ActionIsClosed
from lipp.domain.clock import SettableClock
from tests.alliance.members import Members
from tests.conftest import People

START = datetime(2026, 3, 2, 10, tzinfo=UTC)


class AllianceActions(RuleBasedStateMachine):
    """The model: per action its status, progress count and due date; the clock moves forward by days."""

    actions = Bundle("actions")

    @initialize()
    def start(self) -> None:
        self.folder = tempfile.TemporaryDirectory()
        self.clock = SettableClock(START)
        self.lipp: Lipp = build(Settings(data_dir=Path(self.folder.name)), self.clock)
        people = People(self.lipp)
        self.admin = people.admin
        self.members = Members(self.lipp, people)
        self.model: dict[str, dict[str, object]] = {}

    def teardown(self) -> None:
        if hasattr(self, "lipp"):
            self.lipp.close()
            self.folder.cleanup()

    @property
    def today(self) -> date:
        return self.clock.now().date()

    @rule(target=actions, days=st.integers(0, 40), theme=st.sampled_from(["NT05", "NT13", "NT17"]))
    def commit(self, days: int, theme: str) -> str:
        due = self.today + timedelta(days=days)
        view = self.lipp.alliance.commit(
            self.members.ncb, CommitAction(theme=theme, owner="Policy lead", description="Guidance", due_on=due)
        )
        self.model[view.reference] = {"status": "open", "progress": 0, "due": due}
        return view.reference

    @rule(days=st.integers(1, 20))
    def time_passes(self, days: int) -> None:
        self.clock.set(self.clock.now() + timedelta(days=days))

    @rule(reference=actions)
    def progress(self, reference: str) -> None:
        self._step(
            reference,
            None,
            lambda: self.lipp.alliance.post_progress(self.members.ncb, PostProgress(action=reference, note="Moved on")),
        )

    @rule(reference=actions)
    def complete(self, reference: str) -> None:
        self._step(
            reference,
            "completed",
            lambda: self.lipp.alliance.complete(
                self.members.ncb, CompleteAction(action=reference, evidence="Audit shows change")
            ),
        )

    @rule(reference=actions)
    def withdraw(self, reference: str) -> None:
        self._step(
            reference,
            "withdrawn",
            lambda: self.lipp.alliance.withdraw(
                self.members.ncb, WithdrawAction(action=reference, reason="Superseded")
            ),
        )

    def _step(self, reference: str, closes_as: str | None, run: object) -> None:
        expected = self.model[reference]
        if expected["status"] != "open":
            with pytest.raises(ActionIsClosed):
                run()  # type: ignore[operator]
            return
        run()  # type: ignore[operator]
        if closes_as:
            expected["status"] = closes_as
        else:
            expected["progress"] = int(expected["progress"]) + 1  # type: ignore[call-overload]

    @invariant()
    def lipp_shows_what_the_model_says(self) -> None:
        if not hasattr(self, "lipp"):
            return
        shown = {a.reference: a for a in self.lipp.alliance.actions(self.admin)}
        assert set(shown) == set(self.model)
        for reference, expected in self.model.items():
            view = shown[reference]
            assert view.status == expected["status"]
            assert len(view.progress) == expected["progress"]
            assert view.overdue == (expected["status"] == "open" and self.today > expected["due"])  # type: ignore[operator]


AllianceActions.TestCase.settings = settings(max_examples=15, stateful_step_count=12, deadline=None)
test_alliance_action_lifecycle = AllianceActions.TestCase
