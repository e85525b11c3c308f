"""The review's steps, from notification to closure: `lipp review ...` and `POST /reviews/...`."""

from __future__ import annotations

from typing import Any

from lipp.interfaces.catalogue.common import review_step
from lipp.interfaces.catalogue.entry import Arg, Entry, Http
from lipp.interfaces.catalogue.shows import stage_line

MODELS = "lipp.commands.reviews"
COORDINATOR = "a coordinator of the review's board (require_may_advance)"
AGENCIES = Arg("agencies", "An agency involved: 'sector' or 'sector:Organisation'. Repeat.", "many", ("--agency",))


def own_board(session: Any) -> str:
    """The acting coordinator's board code; refused (bad input) for anyone who is not a coordinator of one board."""
    actor = session.actor()
    if actor.board_id is None:
        import typer

        raise typer.BadParameter("give --board: you are not a coordinator of one board")
    code: str = session.lipp.registry.board_by_id(actor.board_id).code
    return code


def _board_or_own(session: Any, fields: dict[str, Any]) -> dict[str, Any]:
    return {**fields, "board": fields.get("board") or own_board(session)}


def step(name: str, model: str, handler: str, path: str, help: str, *args: Arg, who: str = COORDINATOR) -> Entry:
    """A step of the review's lifecycle; it reports the review's new stage."""
    return review_step("review", name, f"{MODELS}:{model}", handler, path, help, *args, show=stage_line, who=who)


NOTIFY = Entry(
    group="review",
    name="notify",
    model=f"{MODELS}:NotifyIncident",
    handler="reviews.notify_incident",
    who="a coordinator of the board (require_may_notify)",
    help="Notify a serious incident for your board; prints the new review's reference.",
    args=(
        Arg("case_reference", "Board-local pseudonymous case reference.", flags=("--case",)),
        Arg("incident_kind", "death or serious-harm.", flags=("--incident",), name="kind"),
        Arg("aware_on", "Day the board became aware (YYYY-MM-DD)."),
        AGENCIES,
        Arg("looked_after", "Was the child looked after?", "flag", ("--looked-after/--not-looked-after",)),
        Arg(
            "notified_on",
            "Day the Panel was notified; today if omitted.",
            flags=("--notified-on", "--on"),
            required=False,
        ),
        Arg("board", "Board code; the coordinator's own board if omitted.", required=False),
    ),
    http=Http("POST", "/reviews", status=201, location="/reviews/{reference}"),
    show=stage_line,
    prepare=_board_or_own,
)

ENTRIES: tuple[Entry, ...] = (
    NOTIFY,
    step(
        "decide",
        "RecordRapidReviewDecision",
        "decide",
        "decision",
        "Record the rapid review and its decision.",
        Arg("decision", "local-review, other-learning or no-further-review."),
        Arg("rationale", "Why: the rapid review's reasoning."),
    ),
    step(
        "commission",
        "CommissionReview",
        "commission",
        "commissioning",
        "Commission the review.",
        Arg("kind", "lcspr or scr."),
        Arg("methodology", "learning-together, silp, traditional, hybrid or other."),
    ),
    step(
        "appoint",
        "AppointLeadReviewer",
        "appoint_lead_reviewer",
        "lead-reviewer",
        "Appoint (or replace) the independent lead reviewer.",
        Arg("reviewer", "Username of the lead reviewer."),
    ),
    step(
        "terms",
        "AgreeTermsOfReference",
        "agree_terms_of_reference",
        "terms-of-reference",
        "Agree the terms of reference; the review is then being conducted.",
        Arg("scope_from", "Start of the period under review."),
        Arg("scope_to", "End of the period under review."),
        Arg("key_lines_of_enquiry", "A key line of enquiry. Repeat.", "many", ("--line",), name="lines"),
        AGENCIES,
    ),
    step(
        "pause",
        "PauseReview",
        "pause",
        "pause",
        "Pause the review for a parallel process.",
        Arg("process", "criminal-trial, inquest, disciplinary or other."),
        Arg("reason", "Why the review waits."),
    ),
    step("resume", "ResumeReview", "resume", "resumption", "Resume a paused review."),
    step(
        "explain-delay",
        "ExplainDelay",
        "explain_delay",
        "delay-explanation",
        "Record that the Panel and the Secretary of State were told why the review is delayed.",
        Arg("reason", "Why the review or its publication is delayed."),
        Arg(
            "recipients",
            "Who was told: panel or secretary-of-state. Repeat; both if omitted.",
            "many",
            ("--told",),
            required=False,
        ),
    ),
    step(
        "draft",
        "RecordReportDrafted",
        "record_report_drafted",
        "draft-report",
        "Record the report as drafted (coordinator or the appointed lead reviewer).",
        who="a coordinator of the board or the appointed lead reviewer "
        "(require_may_act_as_coordinator_or_appointed_reviewer)",
    ),
    step(
        "sign-off",
        "SignOffReport",
        "sign_off",
        "sign-off",
        "Sign off the report with the board's written response.",
        Arg("board_response", "The board's written response.", flags=("--response",), name="response"),
    ),
    step(
        "send-to-panel",
        "SendReportToPanel",
        "send_to_panel",
        "panel-copy",
        "Record the copy of the final report sent to the national Panel.",
    ),
    step(
        "defer",
        "DeferPublication",
        "defer_publication",
        "publication-deferral",
        "Defer publication.",
        Arg("reason", "Why publication waits."),
        Arg("reconsider_on", "When to reconsider (YYYY-MM-DD)."),
    ),
    step(
        "publish",
        "PublishReport",
        "publish",
        "publication",
        "Record publication.",
        Arg("location", "Where it is published (web address).", required=False, default=""),
    ),
    step(
        "withhold",
        "WithholdPublication",
        "withhold_publication",
        "non-publication",
        "Decide not to publish; the improvement information is published instead.",
        Arg("reason", "Why the report is not published."),
        Arg(
            "improvement_information",
            "What is published instead.",
            flags=("--improvement-info",),
            name="improvement_information",
        ),
    ),
    step("close", "CloseReview", "close_review", "closure", "Close the review."),
)
