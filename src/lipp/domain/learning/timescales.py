"""How long each stage of a delivery may take, in working days in England; defaults, overridden in settings."""

from __future__ import annotations

from dataclasses import dataclass

from lipp.domain.learning.states import Stage


@dataclass(frozen=True)
class LearningTimescales:
    """Deadlines per stage, and the grace between the steps of chasing a missed one."""

    acknowledge_working_days: int = 5
    """From release to acknowledgement (a local policy in many places, as in NHS alerts)."""
    discuss_working_days: int = 20
    """From acknowledgement to the team meeting that uses the briefing."""
    report_change_working_days: int = 60
    """From discussion to reporting what changed in practice."""
    verify_working_days: int = 20
    """From the reported change to the coordinator's verification."""
    chase_grace_working_days: int = 5
    """Between a reminder, the escalation to the manager, the escalation to the board, and lapsing."""

    def for_stage(self, stage: Stage) -> int:
        return {
            Stage.ACKNOWLEDGE: self.acknowledge_working_days,
            Stage.DISCUSS: self.discuss_working_days,
            Stage.REPORT_CHANGE: self.report_change_working_days,
            Stage.VERIFY: self.verify_working_days,
        }[stage]
