"""The demo's action plan: a review whose recommendations the partnership answered, and a plan of actions with
one verified and impact-checked, one verified, one returned, one overdue, one moved and one superseded.

`STEPS` follow the findings of a demo review (days after the board became aware, as the demo's other steps);
`execute` runs a step, sending plan commands to the plans application and the rest to the reviews."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lipp.bootstrap import Lipp
from lipp.commands import plans as p
from lipp.commands.markers import AssessQualityMarker
from lipp.commands.reviews import RecordReportDrafted, SendReportToPanel, SignOffReport
from lipp.demo.learning import assessment
from lipp.domain.actors import Actor

REVIEWER = "reviewer.c"
_HEALTH = "health:Northvale Community Health"
_OWNERS = {
    "health": "Named Nurse for Safeguarding",
    "police": "Detective Inspector, Public Protection",
    "childrens_social_care": "Head of Service, Front Door",
    "education": "Designated Safeguarding Lead network chair",
    "early_help": "Early Help Service Manager",
}


def _recommendation(text: str, to: str, findings: list[str], **more: str) -> dict[str, Any]:
    return {"text": text, "addressed_to": to, "findings": findings, **more}


def _action(recommendation: str, agency: str, what: str, measure: str, baseline: str, due: int) -> dict[str, Any]:
    sector = agency.split(":")[0]
    return {
        "recommendation": recommendation,
        "agency": agency,
        "owner_role": _OWNERS[sector],
        "what": what,
        "measure": measure,
        "baseline": baseline,
        "due_on": f"{{aware+{due}}}",
    }


Step = tuple[int, type[Any], dict[str, Any], str]
STEPS: tuple[Step, ...] = (
    (
        140,
        p.MakeRecommendation,
        _recommendation(
            "Partners make sure health is invited to every strategy discussion about a baby who is not yet mobile.",
            "agency",
            ["F1"],
            sector="health",
        ),
        REVIEWER,
    ),
    (
        141,
        p.MakeRecommendation,
        _recommendation(
            "The partnership audits how thresholds for strategy discussions are applied across agencies.",
            "partnership",
            ["F1", "F2"],
        ),
        REVIEWER,
    ),
    (
        142,
        p.MakeRecommendation,
        _recommendation(
            "National guidance on bruising in non-mobile babies names who convenes the strategy discussion.",
            "national_body",
            ["F2"],
            organisation="Department for Education",
        ),
        REVIEWER,
    ),
    *((150, AssessQualityMarker, assessment(n), "") for n in range(1, 14)),
    (170, RecordReportDrafted, {}, ""),
    (175, p.AnswerRecommendation, {"recommendation": "R1", "response": "accepted"}, ""),
    (
        175,
        p.AnswerRecommendation,
        {"recommendation": "R2", "response": "accepted_in_part", "reason": "Two agencies this year, the rest next"},
        "",
    ),
    (
        176,
        p.AnswerRecommendation,
        {
            "recommendation": "R3",
            "response": "not_accepted",
            "reason": "Addressed to a national body: the partnership writes to the Department instead",
        },
        "",
    ),
    (180, SignOffReport, {"board_response": "The partnership accepts R1 and R2 (in part) and sets out its plan."}, ""),
    *((182, AssessQualityMarker, assessment(n), "") for n in (14, 16, 17)),
    (185, SendReportToPanel, {}, ""),
    (
        190,
        p.AgreeAction,
        _action(
            "R1",
            _HEALTH,
            "Add health visiting and the named nurse to the strategy discussion invitation list",
            "Share of strategy discussions about non-mobile babies with health present",
            "4 in 10 (January audit)",
            240,
        ),
        "",
    ),
    (
        190,
        p.AgreeAction,
        _action(
            "R1",
            "police",
            "Brief public protection officers on inviting health to every strategy discussion",
            "Officers briefed",
            "None briefed",
            230,
        ),
        "",
    ),
    (
        191,
        p.AgreeAction,
        _action(
            "R2",
            "childrens_social_care",
            "Dip sample front door decisions about bruising each quarter",
            "Decisions in line with the bruising protocol",
            "6 in 10",
            250,
        ),
        "",
    ),
    (
        191,
        p.AgreeAction,
        _action(
            "R2",
            "education",
            "Threshold training for designated safeguarding leads",
            "Leads trained",
            "None",
            300,
        ),
        "",
    ),
    (
        192,
        p.AgreeAction,
        _action(
            "R2",
            "early_help",
            "Early help joins the threshold audit",
            "Cases audited",
            "None",
            260,
        ),
        "",
    ),
    (210, p.RecordActionProgress, {"action": "A1", "evidence": "Invitation list updated in the police system"}, ""),
    (215, p.RecordActionProgress, {"action": "A4", "evidence": "Training booked for the autumn term"}, ""),
    (220, p.ReportActionCompletion, {"action": "A1", "evidence": "Health invited to all 12 discussions since"}, ""),
    (222, p.VerifyAction, {"action": "A1", "note": "Minutes of the 12 discussions checked"}, ""),
    (225, p.ReportActionCompletion, {"action": "A2", "evidence": "Briefing delivered at team meetings"}, ""),
    (227, p.VerifyAction, {"action": "A2", "note": "Attendance lists seen"}, ""),
    (240, p.SupersedeAction, {"action": "A5", "by": "A4", "reason": "Early help joins the education training"}, ""),
    (245, p.ReportActionCompletion, {"action": "A4", "evidence": "Training delivered"}, ""),
    (
        248,
        p.ReturnAction,
        {"action": "A4", "reason": "Only half the schools' leads attended: not yet done"},
        "",
    ),
    (
        250,
        p.MoveActionDueDate,
        {"action": "A4", "due_on": "{aware+400}", "reason": "A second session in the spring term"},
        "",
    ),
    (
        300,
        p.CheckActionImpact,
        {
            "action": "A1",
            "method": "dip_sample",
            "before": 40,
            "after": 92,
            "sample_size": 12,
            "narrative": "Health attended 11 of 12 sampled discussions; the named nurse chaired two",
        },
        "",
    ),
)
"""A5 superseded by A4; A3 (children's social care) left overdue; A4 returned and moved; A1 verified with impact."""


def execute(lipp: Lipp, actor: Actor, command_class: type[Any], fields: dict[str, Any]) -> None:
    """Run a demo step: `fields` carry the review's `reference` and the step's `on`; an action is named by its
    number on the review (A1, A2 ...)."""
    if issubclass(command_class, p.ActionStep):
        reference = fields.pop("reference")
        for name in ("action", "by"):
            if name in fields:
                fields[name] = f"{reference}-{fields[name]}"
        handlers: dict[type[Any], Callable[[Actor, Any], object]] = {
            p.RecordActionProgress: lipp.plans.post_progress,
            p.ReportActionCompletion: lipp.plans.report_completion,
            p.VerifyAction: lipp.plans.verify,
            p.ReturnAction: lipp.plans.return_completion,
            p.MoveActionDueDate: lipp.plans.move_due_date,
            p.SupersedeAction: lipp.plans.supersede,
            p.CheckActionImpact: lipp.plans.check_impact,
        }
        handlers[command_class](actor, command_class.model_validate(fields))
    elif command_class is p.AgreeAction:
        lipp.plans.agree(actor, p.AgreeAction.model_validate(fields))
    else:
        lipp.reviews.execute(actor, command_class.model_validate(fields))
