"""A fictional demonstration history: three invented boards and reviews at every stage of the process.

Steps are replayed in date order with a settable clock, so each event is recorded on the day it happened
and "as it stood on" views show what each board knew then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands import reviews as c
from lipp.commands.fields import Command
from lipp.commands.markers import AssessQualityMarker
from lipp.commands.registry import RegisterBoard, RegisterUser
from lipp.demo import plans as demo_plans
from lipp.demo.learning import FINDINGS, assessment, enrol_reviewers
from lipp.domain.calendar import add_working_days
from lipp.domain.clock import ENGLAND, SettableClock, today_in_england
from lipp.domain.errors import LippError

BOARDS = (
    ("NVL", "Northvale Safeguarding Children Partnership", "Northvale"),
    ("EMR", "Eastmere Children's Safeguarding Partnership", "Eastmere"),
    ("WBV", "Westbrook Vale Safeguarding Partnership", "Westbrook Vale"),
)
REVIEWERS = ("reviewer.a", "reviewer.b", "reviewer.c")
ADMIN = "demo.admin"


@dataclass(frozen=True)
class Step:
    """One command of a demo review, `days` after the board became aware."""

    days: int
    command: type[Command]
    fields: dict[str, Any]
    actor: str = ""
    """Who acts: the board's coordinator when empty."""


@dataclass(frozen=True)
class Plan:
    """A fictional case and the steps its review has taken."""

    board: str
    case: str
    kind: str
    looked_after: bool
    agencies: tuple[str, ...]
    aware_days_ago: int
    steps: tuple[Step, ...]


def _lifecycle_to(stage: str, reviewer: str) -> tuple[Step, ...]:
    """The usual steps of a local review, up to `stage`."""
    steps = [
        Step(
            12,
            c.RecordRapidReviewDecision,
            {"decision": "local_review", "rationale": "Potential learning about information sharing between agencies"},
        ),
        Step(30, c.CommissionReview, {"kind": "lcspr", "methodology": "learning_together"}),
        Step(45, c.AppointLeadReviewer, {"reviewer": reviewer}),
        Step(
            60,
            c.AgreeTermsOfReference,
            {
                "scope_from": "{aware-720}",
                "scope_to": "{aware}",
                "key_lines_of_enquiry": [
                    "How did agencies share information about risk?",
                    "How was the child's daily lived experience understood?",
                ],
                "agencies": ["police", "health", "childrens_social_care"],
            },
        ),
        Step(120, f.LogFinding, FINDINGS[0], actor=reviewer),
        Step(125, f.LogFinding, FINDINGS[1], actor=reviewer),
        Step(
            130,
            f.ReRankFindings,
            {"order": ["F2", "F1"], "reason": "Practitioners saw thresholds as the root"},
            actor=reviewer,
        ),
        *(Step(140, AssessQualityMarker, assessment(n)) for n in range(1, 6)),
        *(Step(165, AssessQualityMarker, assessment(n)) for n in range(6, 14)),
        Step(170, c.RecordReportDrafted, {}),
        Step(190, c.SignOffReport, {"board_response": "The partnership accepts the findings and will act on each."}),
        *(Step(192, AssessQualityMarker, assessment(n)) for n in (14, 15, 16, 17)),
        Step(195, c.SendReportToPanel, {}),
        Step(215, c.PublishReport, {"location": "partnership website"}),
        Step(240, c.CloseReview, {}),
    ]
    names = [s.command.__name__ for s in steps]
    return tuple(steps[: names.index(stage) + 1])


PLANS = (
    Plan(
        "NVL",
        "Child K",
        "death",
        True,
        ("police", "health", "childrens_social_care"),
        400,
        _lifecycle_to("CloseReview", "reviewer.a"),
    ),
    Plan(
        "NVL",
        "Child L",
        "serious_harm",
        False,
        ("education", "health"),
        300,
        (
            Step(
                10,
                c.RecordRapidReviewDecision,
                {
                    "decision": "no_further_review",
                    "rationale": "Single-agency learning already captured by the school's own review",
                },
            ),
            Step(20, c.CloseReview, {}),
        ),
    ),
    Plan(
        "NVL",
        "Child M",
        "serious_harm",
        False,
        ("police", "childrens_social_care"),
        200,
        (
            *_lifecycle_to("AgreeTermsOfReference", "reviewer.b"),
            Step(
                90,
                c.PauseReview,
                {"process": "criminal_trial", "reason": "Police asked for the review to wait until the trial ends"},
            ),
        ),
    ),
    Plan("NVL", "Child N", "death", False, ("health",), 14, ()),
    Plan(
        "EMR",
        "Child P",
        "death",
        False,
        ("police", "health"),
        330,
        (
            *_lifecycle_to("SendReportToPanel", "reviewer.c"),
            Step(
                205, c.DeferPublication, {"reason": "Criminal proceedings are ongoing", "reconsider_on": "{today+40}"}
            ),
        ),
    ),
    Plan(
        "EMR",
        "Child Q",
        "serious_harm",
        True,
        ("childrens_social_care", "early_help"),
        280,
        _lifecycle_to("AgreeTermsOfReference", "reviewer.a"),
    ),
    Plan(
        "WBV",
        "Child R",
        "serious_harm",
        False,
        ("police", "education"),
        360,
        (
            *_lifecycle_to("SendReportToPanel", "reviewer.b"),
            Step(
                220,
                c.WithholdPublication,
                {
                    "reason": "Publication would identify the child's siblings",
                    "improvement_information": "A summary of the findings and the partnership's actions",
                },
            ),
            Step(230, c.CloseReview, {}),
        ),
    ),
    Plan(
        "WBV",
        "Child S",
        "serious_harm",
        False,
        ("early_help",),
        40,
        (
            Step(
                14,
                c.RecordRapidReviewDecision,
                {
                    "decision": "other_learning",
                    "rationale": "A multi-agency learning event will cover the practice issues",
                },
            ),
        ),
    ),
    Plan(
        "NVL",
        "Child T",
        "serious_harm",
        False,
        ("police", "health", "childrens_social_care", "education"),
        330,
        (
            *_lifecycle_to("ReRankFindings", demo_plans.REVIEWER),
            *(Step(days, command, fields, actor) for days, command, fields, actor in demo_plans.STEPS),
        ),
    ),
)
"""The last plan is the one with an action plan (lipp.demo.plans)."""


@dataclass(frozen=True)
class DemoResult:
    references: list[str]
    refused: str


def _at(day: date) -> datetime:
    return datetime.combine(day, time(11, 0), tzinfo=ENGLAND)


def _resolve(value: Any, aware_on: date, today: date) -> Any:
    if isinstance(value, str) and value.startswith("{"):
        anchor, sign, days = value.strip("{}").partition("+" if "+" in value else "-")
        base = aware_on if anchor == "aware" else today
        offset = int(days or 0)
        return base + timedelta(days=offset if sign != "-" else -offset)
    return value


def seed(lipp: Lipp, clock: SettableClock, on_step: Callable[[], None] = lambda: None) -> DemoResult:
    """Register the boards and users, then replay every plan's steps in date order."""
    today = today_in_england(clock)
    start = today - timedelta(days=max(p.aware_days_ago for p in PLANS) + 1)
    clock.set(_at(start))
    lipp.registry.set_up_first_admin(ADMIN)
    admin = lipp.registry.actor_for(ADMIN)
    for code, name, area in BOARDS:
        lipp.registry.register_board(admin, RegisterBoard(code=code, name=name, area=area))
        lipp.registry.register_user(
            admin, RegisterUser(username=f"{code.lower()}.coordinator", role="coordinator", board=code)
        )
    for reviewer in REVIEWERS:
        lipp.registry.register_user(admin, RegisterUser(username=reviewer, role="lead_reviewer"))
    enrol_reviewers(lipp, admin, start)

    references: dict[int, str] = {}
    for day, index, step in sorted(_scheduled(today), key=lambda item: (item[0], item[1])):
        clock.set(_at(day))
        plan = PLANS[index]
        actor = lipp.registry.actor_for((step and step.actor) or f"{plan.board.lower()}.coordinator")
        if step is None:
            receipt = lipp.reviews.notify_incident(
                actor,
                c.NotifyIncident(
                    board=plan.board,
                    case_reference=plan.case,
                    incident_kind=plan.kind,
                    looked_after=plan.looked_after,
                    agencies=list(plan.agencies),
                    aware_on=today - timedelta(days=plan.aware_days_ago),
                    notified_on=day,
                ),
            )
            references[index] = receipt.reference
        else:
            aware_on = today - timedelta(days=plan.aware_days_ago)
            fields = {
                k: [_resolve(v, aware_on, today) for v in vs] if isinstance(vs, list) else _resolve(vs, aware_on, today)
                for k, vs in step.fields.items()
            }
            demo_plans.execute(lipp, actor, step.command, {"reference": references[index], "on": day, **fields})
        on_step()
    clock.set(datetime.now(ENGLAND))
    refused = _refused_example(lipp, references[0])
    return DemoResult(references=[references[i] for i in sorted(references)], refused=refused)


def step_count() -> int:
    return sum(1 + len(plan.steps) for plan in PLANS)


def _scheduled(today: date) -> Iterator[tuple[date, int, Step | None]]:
    for index, plan in enumerate(PLANS):
        aware_on = today - timedelta(days=plan.aware_days_ago)
        yield add_working_days(aware_on, 2), index, None
        for step in plan.steps:
            yield min(aware_on + timedelta(days=step.days), today), index, step


def _refused_example(lipp: Lipp, reference: str) -> str:
    """Show a refusal: a coordinator of another board may not see this board's review."""
    other = lipp.registry.actor_for("emr.coordinator")
    try:
        lipp.reviews.pause(other, c.PauseReview(reference=reference, process="inquest", reason="Demonstration"))
    except LippError as error:
        return f"{type(error).__name__}: {error}"
    return "not refused"
