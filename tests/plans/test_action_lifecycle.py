"""Random sequences of plan steps: what lipp shows, refuses and counts matches a plain model of each action."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from lipp.bootstrap import Lipp, build
from lipp.commands import plans as p
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from lipp.domain.plans.rules import (
    ActionAwaitsVerification,
    ActionIsClosed,
    CompletionNotReported,
    DueDateUnchanged,
    ImpactCheckBeforeVerification,
)
from tests.conftest import People
from tests.plans.journeys import agree, signed_off_with_plan

START = datetime(2026, 3, 2, 10, tzinfo=UTC)
OPEN = ("agreed", "in_progress", "completion_reported")
WORKED_ON = ("agreed", "in_progress")


class PlanLifecycle(RuleBasedStateMachine):
    """The model: per action its status, returns, impact checks and due date; the clock moves forward by days."""

    actions = Bundle("actions")

    @initialize()
    def start(self) -> None:
        self.folder = tempfile.TemporaryDirectory()
        self.clock = SettableClock(START)
        self.lipp: Lipp = build(Settings(data_dir=Path(self.folder.name)), self.clock)
        self.people = People(self.lipp)
        self.coordinator = self.people.coordinator
        self.review = signed_off_with_plan(self.lipp, self.people)
        self.model: dict[str, dict[str, Any]] = {}

    def teardown(self) -> None:
        if hasattr(self, "lipp"):
            self.lipp.close()
            self.folder.cleanup()

    @property
    def today(self) -> date:
        return self.clock.now().date()

    @rule(target=actions, days=st.integers(0, 60), sector=st.sampled_from(["health", "police", "education"]))
    def agree(self, days: int, sector: str) -> str:
        due = self.today + timedelta(days=days)
        view = agree(self.lipp, self.coordinator, self.review, agency=sector, due_on=due)
        self.model[view.reference] = {"status": "agreed", "returns": 0, "impacts": 0, "due": due, "sector": sector}
        return view.reference

    @rule(days=st.integers(1, 20))
    def time_passes(self, days: int) -> None:
        self.clock.set(self.clock.now() + timedelta(days=days))

    @rule(action=actions)
    def post_progress(self, action: str) -> None:
        command = p.RecordActionProgress(action=action, evidence="Training delivered")
        self._step(action, WORKED_ON, lambda: self.lipp.plans.post_progress(self.coordinator, command), "in_progress")

    @rule(action=actions)
    def report_completion(self, action: str) -> None:
        command = p.ReportActionCompletion(action=action, evidence="Done")
        run = lambda: self.lipp.plans.report_completion(self.coordinator, command)  # noqa: E731
        self._step(action, WORKED_ON, run, "completion_reported")

    @rule(action=actions)
    def verify(self, action: str) -> None:
        command = p.VerifyAction(action=action)
        run = lambda: self.lipp.plans.verify(self.coordinator, command)  # noqa: E731
        self._step(action, ("completion_reported",), run, "verified")

    @rule(action=actions)
    def return_completion(self, action: str) -> None:
        command = p.ReturnAction(action=action, reason="No evidence of change")
        if self._step(
            action,
            ("completion_reported",),
            lambda: self.lipp.plans.return_completion(self.coordinator, command),
            "in_progress",
        ):
            self.model[action]["returns"] += 1

    @rule(action=actions, days=st.integers(0, 90))
    def move_due_date(self, action: str, days: int) -> None:
        due = self.today + timedelta(days=days)
        expected = self.model[action]
        command = p.MoveActionDueDate(action=action, due_on=due, reason="Capacity")
        run = lambda: self.lipp.plans.move_due_date(self.coordinator, command)  # noqa: E731
        if expected["status"] in OPEN and due == expected["due"]:
            with pytest.raises(DueDateUnchanged):
                run()
        elif self._step(action, OPEN, run, None):
            expected["due"] = due

    @rule(action=actions, by=actions)
    def supersede(self, action: str, by: str) -> None:
        if action == by or self.model[by]["status"] == "superseded":
            return  # refusals of their own, tested by name in test_action_plans
        command = p.SupersedeAction(action=action, by=by, reason="Merged")
        self._step(action, OPEN, lambda: self.lipp.plans.supersede(self.coordinator, command), "superseded")

    @rule(action=actions, before=st.integers(0, 100), after=st.integers(0, 100))
    def check_impact(self, action: str, before: int, after: int) -> None:
        expected = self.model[action]
        command = p.CheckActionImpact(action=action, method="audit", before=before, after=after, narrative="Seen")
        run = lambda: self.lipp.plans.check_impact(self.coordinator, command)  # noqa: E731
        if expected["status"] == "verified":
            run()
            expected["impacts"] += 1
        else:
            refusal = ActionIsClosed if expected["status"] == "superseded" else ImpactCheckBeforeVerification
            with pytest.raises(refusal):
                run()

    def _step(self, action: str, allowed: tuple[str, ...], run: Callable[[], object], becomes: str | None) -> bool:
        """Run the step if the model allows it (expecting the named refusal if not); whether it ran."""
        expected = self.model[action]
        status = expected["status"]
        if status not in allowed:
            if status in ("verified", "superseded"):
                refusal: type[Exception] = ActionIsClosed
            elif status == "completion_reported":
                refusal = ActionAwaitsVerification
            else:
                refusal = CompletionNotReported
            with pytest.raises(refusal):
                run()
            return False
        run()
        if becomes:
            expected["status"] = becomes
        return True

    @invariant()
    def the_tracker_and_the_facts_show_what_the_model_says(self) -> None:
        if not hasattr(self, "lipp"):
            return
        shown = {e.reference: e for e in self.lipp.plans.tracker(self.coordinator, "NVL")}
        assert set(shown) == set(self.model)
        for reference, expected in self.model.items():
            entry = shown[reference]
            overdue = expected["status"] in WORKED_ON and self.today > expected["due"]
            assert (entry.status, entry.returned, entry.impact_checks, entry.due_on, entry.overdue) == (
                expected["status"],
                expected["returns"],
                expected["impacts"],
                expected["due"],
                overdue,
            )
        facts = self.lipp.plans.facts(self.coordinator, "NVL")
        in_force = [m for m in self.model.values() if m["status"] != "superseded"]
        assert facts.agreed == len(in_force)
        assert facts.agencies == len({m["sector"] for m in in_force})
        assert facts.verified == sum(m["status"] == "verified" for m in in_force)
        assert facts.with_measured_impact == sum(m["impacts"] > 0 for m in in_force)


PlanLifecycle.TestCase.settings = settings(max_examples=12, stateful_step_count=14, deadline=None)
test_plan_action_lifecycle = PlanLifecycle.TestCase
