"""The lead reviewer's findings and their sharing: `lipp finding ...` and `POST /reviews/{reference}/findings...`."""

from __future__ import annotations

from typing import Any

from lipp.interfaces.catalogue.common import FINDING, REASON, RECEIPT, review_step
from lipp.interfaces.catalogue.entry import Arg, Entry, Show
from lipp.interfaces.catalogue.shows import print_line, saying

MODELS = "lipp.commands.findings"
REVIEWER = "the review's appointed lead reviewer (require_is_appointed_reviewer)"
SHARING = "lipp.application.review_sharing:SharingReceipt"
COORDINATOR = "a coordinator of the review's board (require_may_advance)"


def show_sharing(session: Any, command: Any, receipt: Any, values: dict[str, Any]) -> None:
    """The finding's sharing state, and any redaction hits still to clear, each with its position."""
    from lipp.interfaces.cli import finding_render

    print_line(f"[bold]{receipt.reference} {receipt.finding}[/]: {finding_render.sharing_text(receipt.sharing)}")
    if receipt.outstanding:
        views = session.lipp.reviews.findings(session.actor(), receipt.reference, include_withdrawn=True)
        view = next(v for v in views if v.key == receipt.finding)
        finding_render.print_hits(receipt.outstanding, view)
        print_line(
            f"Edit the text ('lipp finding revise {receipt.reference} {receipt.finding} ...') or, if a hit identifies "
            "nobody, a coordinator confirms it ('lipp finding confirm ... --hit N --reason ...'). It cannot be "
            "approved for sharing until every hit is cleared."
        )
    elif receipt.sharing == "withheld":
        print_line(
            "Approved, but withheld from national views since a pause for a criminal trial: a coordinator releases "
            f"the review's findings ('lipp finding release {receipt.reference} --reason ...')."
        )
    elif receipt.sharing == "awaiting_approval":
        print_line(
            f"A coordinator of the board approves it for sharing ('lipp finding approve {receipt.reference} "
            f"{receipt.finding}'), after sign-off or sooner with '--early-reason'."
        )


def finding(
    name: str,
    model: str,
    handler: str,
    path: str,
    help: str,
    *args: Arg,
    show: Show,
    who: str = REVIEWER,
    response: str = RECEIPT,
    status: int = 200,
) -> Entry:
    """A command on a review's findings, posted to /reviews/{reference}/findings`path`."""
    return review_step(
        "finding",
        name,
        f"{MODELS}:{model}",
        handler,
        f"findings{path}",
        help,
        *args,
        show=show,
        who=who,
        response=response,
        status=status,
    )


def _themes(help: str, required: bool = True) -> Arg:
    return Arg("themes", help, "many", ("--theme",), required=required)


def _agencies(help: str, required: bool = True) -> Arg:
    return Arg("agencies", help, "many", ("--agency",), required=required)


def _evidence(help: str, required: bool = True) -> Arg:
    return Arg("evidence", help, "many", ("--evidence",), required=required)


def _optional(field: str, help: str) -> Arg:
    return Arg(field, help, required=False)


LOG = finding(
    "log",
    "LogFinding",
    "log_finding",
    "",
    "Log a finding (the appointed lead reviewer, while the review is conducted).",
    Arg("title", "A short title."),
    Arg("issue", "What is the issue? In general terms, not the family's story."),
    Arg("causes", "Why does this occur? The underlying causes."),
    Arg("pattern", "Learning Together pattern category: 1 to 6 or its id."),
    _themes("A national theme, by id (NT05) or name. Repeat."),
    _agencies("An agency involved: 'sector' or 'sector:Name'. Repeat."),
    _evidence("A key practice episode that shows it. Repeat."),
    status=201,
    response="lipp.application.review_findings:FindingReceipt",
    show=saying(lambda receipt, values: f"logged finding [bold]{receipt.finding}[/]"),
)
REVISE = finding(
    "revise",
    "ReviseFinding",
    "revise_finding",
    "/{finding}/revision",
    "Revise a finding: give only what changes, and why.",
    FINDING,
    REASON,
    _optional("title", "A new title."),
    _optional("issue", "New wording of the issue."),
    _optional("causes", "New wording of the causes."),
    _optional("pattern", "A new pattern category."),
    _themes("Replace the themes. Repeat.", required=False),
    _agencies("Replace the agencies. Repeat.", required=False),
    _evidence("Replace the episodes. Repeat.", required=False),
    show=saying(lambda receipt, values: f"revised {values['finding'].upper()}"),
)
RANK = finding(
    "rank",
    "ReRankFindings",
    "rerank_findings",
    "/ranking",
    "Put the findings in a new priority order (quality marker 13).",
    Arg("order", "Every finding in force, highest priority first.", "many", argument=True),
    REASON,
    show=saying(lambda receipt, values: "re-ranked: " + ", ".join(key.upper() for key in values["order"])),
)
WITHDRAW = finding(
    "withdraw",
    "WithdrawFinding",
    "withdraw_finding",
    "/{finding}/withdrawal",
    "Withdraw a finding; it stays in the history.",
    FINDING,
    REASON,
    show=saying(lambda receipt, values: f"withdrew {values['finding'].upper()}"),
)
SHARE = finding(
    "share",
    "ShareFinding",
    "share_finding",
    "/{finding}/sharing",
    "Propose a finding for sharing beyond the board: the redaction check runs and lists any hits with positions; "
    "a coordinator then approves it.",
    FINDING,
    response=SHARING,
    who="a coordinator of the board or the appointed lead reviewer "
    "(require_may_act_as_coordinator_or_appointed_reviewer)",
    show=show_sharing,
)
CONFIRM = finding(
    "confirm",
    "ConfirmFalsePositive",
    "confirm_false_positive",
    "/{finding}/false-positives",
    "Confirm a hit identifies nobody (coordinators), with the reason.",
    FINDING,
    Arg("hit", "The hit's number, as the check listed it.", "number"),
    REASON,
    response=SHARING,
    who=COORDINATOR,
    show=show_sharing,
)

APPROVE = finding(
    "approve",
    "ApproveSharing",
    "approve_sharing",
    "/{finding}/approval",
    "Approve a proposed, cleared finding for sharing beyond the board (coordinators, for the partners): after "
    "sign-off, or sooner with the reason.",
    FINDING,
    Arg(
        "early_reason",
        "Why it should be shared before the report is signed off (required until then).",
        flags=("--early-reason",),
        required=False,
    ),
    response=SHARING,
    who=COORDINATOR,
    show=show_sharing,
)
UNAPPROVE = finding(
    "unapprove",
    "WithdrawSharingApproval",
    "withdraw_sharing_approval",
    "/{finding}/approval-withdrawal",
    "Withdraw the approval to share a finding: it leaves national views and future digests (issued ones keep it).",
    FINDING,
    REASON,
    response=SHARING,
    who=COORDINATOR,
    show=show_sharing,
)
RELEASE = finding(
    "release",
    "ReleaseFindings",
    "release_findings",
    "/release",
    "Release the review's approved findings to national views, withheld since a pause for a criminal trial.",
    REASON,
    who=COORDINATOR,
    show=saying(lambda receipt, values: f"released the approved findings of [bold]{receipt.reference}[/]"),
)

STEPS: tuple[Entry, ...] = (LOG, REVISE, RANK, WITHDRAW)
SHARING_STEPS: tuple[Entry, ...] = (SHARE, CONFIRM, APPROVE, UNAPPROVE, RELEASE)
ENTRIES: tuple[Entry, ...] = STEPS + SHARING_STEPS
