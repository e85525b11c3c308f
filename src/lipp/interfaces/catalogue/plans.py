"""Recommendations and action plans: `lipp recommendation ...`, `lipp action ...`, `POST /reviews/{reference}/
recommendations...`, `POST /reviews/{reference}/actions` and `POST /actions/{action}/...`."""

from __future__ import annotations

from typing import Any

from lipp.interfaces.catalogue.common import ON, REASON, REFERENCE, review_step
from lipp.interfaces.catalogue.entry import Arg, Entry, Http
from lipp.interfaces.catalogue.shows import print_line, saying

MODELS = "lipp.commands.plans"
ACTION_VIEW = "lipp.application.plan_views:ActionView"
COORDINATOR = "a coordinator of the review's board (require_may_advance)"
MANAGER = "a coordinator of the action's board (plans.access.require_may_manage)"
ACTION = Arg("action", "The action, e.g. NVL-2026-001-A3.", argument=True)
RECOMMENDATION = Arg("recommendation", "The recommendation: R1, R2 ...", argument=True)


def show_action(session: Any, command: Any, view: Any, values: dict[str, Any]) -> None:
    """`NVL-2026-001-A1 (health, R1): in progress, due 2026-06-30, on time`."""
    from lipp.interfaces.cli.plan_render import action_line

    print_line(action_line(view))


RECOMMEND = review_step(
    "recommendation",
    "make",
    f"{MODELS}:MakeRecommendation",
    "make_recommendation",
    "recommendations",
    "Record a recommendation of the report, answering findings (the lead reviewer or a coordinator).",
    Arg("text", "What the recommendation asks."),
    Arg("addressed_to", "partnership, agency or national-body.", flags=("--to",)),
    Arg("sector", "For an agency: its sector (police, health ...).", required=False),
    Arg("organisation", "The agency's organisation, or the national body addressed.", required=False),
    Arg("findings", "A finding it answers: F1, F2 ... Repeat.", "many", ("--finding",)),
    show=saying(lambda receipt, values: f"made recommendation [bold]{receipt.recommendation}[/]"),
    who="a coordinator of the board or the appointed lead reviewer "
    "(require_may_act_as_coordinator_or_appointed_reviewer)",
    response="lipp.application.plan_views:RecommendationReceipt",
    status=201,
)
ANSWER = review_step(
    "recommendation",
    "answer",
    f"{MODELS}:AnswerRecommendation",
    "answer_recommendation",
    "recommendations/{recommendation}/response",
    "Record the partnership's response: accepted, accepted-in-part or not-accepted (with --reason).",
    RECOMMENDATION,
    Arg("response", "accepted, accepted-in-part or not-accepted."),
    Arg("reason", "Why: needed unless accepted.", required=False),
    show=saying(lambda receipt, values: f"responded to {values['recommendation'].upper()}"),
    who=COORDINATOR,
)

AGREE = Entry(
    group="action",
    name="agree",
    model=f"{MODELS}:AgreeAction",
    handler="plans.agree",
    who="a coordinator of the review's board (plans.access.require_may_manage)",
    help="Agree an action of the plan answering an accepted recommendation; prints its reference.",
    args=(
        REFERENCE,
        Arg("recommendation", "The recommendation it answers: R1, R2 ..."),
        Arg("agency", "The agency that acts: 'sector' or 'sector:Organisation'."),
        Arg("owner_role", "The owner's role (never a person's name)."),
        Arg("what", "What will be done."),
        Arg("measure", "How success will be measured."),
        Arg("baseline", "The measure's value now."),
        Arg("due_on", "Due date (YYYY-MM-DD)."),
        ON,
    ),
    http=Http(
        "POST", "/reviews/{reference}/actions", status=201, location="/actions/{reference}", response=ACTION_VIEW
    ),
    show=show_action,
)


def action_step(name: str, model: str, handler: str, path: str, help: str, *args: Arg) -> Entry:
    """A step on an action: its reference first, `--on` last; posted to /actions/{action}/`path`."""
    return Entry(
        group="action",
        name=name,
        model=f"{MODELS}:{model}",
        handler=f"plans.{handler}",
        who=MANAGER,
        help=help,
        args=(ACTION, *args, ON),
        http=Http("POST", f"/actions/{{action}}/{path}", response=ACTION_VIEW),
        show=show_action,
    )


EVIDENCE = Arg("evidence", "The evidence: what shows it.")
STEPS: tuple[Entry, ...] = (
    action_step(
        "progress", "RecordActionProgress", "post_progress", "progress", "Post progress, with evidence.", EVIDENCE
    ),
    action_step(
        "complete",
        "ReportActionCompletion",
        "report_completion",
        "completion",
        "Report the action complete, with evidence; a coordinator then verifies or returns it.",
        EVIDENCE,
    ),
    action_step(
        "verify",
        "VerifyAction",
        "verify",
        "verification",
        "Verify the reported completion (coordinators).",
        Arg("note", "What was checked.", required=False),
    ),
    action_step(
        "return",
        "ReturnAction",
        "return_completion",
        "return",
        "Return the reported completion with the reason (coordinators): in progress again.",
        REASON,
    ),
    action_step(
        "move",
        "MoveActionDueDate",
        "move_due_date",
        "due-date",
        "Move the due date, with the reason; the original is kept.",
        Arg("due_on", "The new due date (YYYY-MM-DD)."),
        REASON,
    ),
    action_step(
        "supersede",
        "SupersedeAction",
        "supersede",
        "supersession",
        "Record that another action of the board replaces this one.",
        Arg("by", "The action that replaces it."),
        REASON,
    ),
    action_step(
        "impact",
        "CheckActionImpact",
        "check_impact",
        "impact-checks",
        "Record an audit or dip sample of a verified action's measure: before, after, narrative.",
        Arg("method", "audit or dip-sample."),
        Arg("before", "The measure before the action."),
        Arg("after", "The measure at the check."),
        Arg("sample_size", "Cases sampled.", "number", required=False),
        Arg("narrative", "What the numbers show."),
    ),
)

RECOMMENDATIONS: tuple[Entry, ...] = (RECOMMEND, ANSWER)
ACTIONS: tuple[Entry, ...] = (AGREE, *STEPS)
ENTRIES: tuple[Entry, ...] = RECOMMENDATIONS + ACTIONS
