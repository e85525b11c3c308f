"""The forms that change something for a team, a national body and an admin, each on its own page and each
running the command its API route runs (web/plain_forms.py): a team acknowledges, records a discussion and
reports a change in practice; the board's coordinator verifies it; a national body commits an Alliance action
and reports on it; an admin changes a user's role, deactivates a user, issues and revokes API tokens."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import model_validator

from lipp.application.digests import DigestView
from lipp.application.registry import require_admin
from lipp.application.tokens import UnknownToken
from lipp.bootstrap import Lipp
from lipp.commands.alliance import CommitAction, CompleteAction, PostProgress, WithdrawAction
from lipp.commands.fields import Command, QueryDate
from lipp.commands.learning import AcknowledgeDelivery, RecordDiscussion, ReportPracticeChange, VerifyPracticeChange
from lipp.commands.registry import DeactivateUser
from lipp.commands.roles import ChangeRole
from lipp.commands.tokens import IssueToken, RevokeToken
from lipp.digest import files
from lipp.digest.periods import period_of
from lipp.domain.actors import Actor, Role
from lipp.domain.clock import today_in_england
from lipp.domain.reference.themes import theme_list
from lipp.interfaces.web.context import check_form_token, signed_in, web_of
from lipp.interfaces.web.pages import WebRoute, page
from lipp.interfaces.web.plain_forms import CommandForm, Input, add

router = APIRouter(route_class=WebRoute, include_in_schema=False)

ON = Input("on", "Date it happened", "date", hint="Leave empty for today.", optional=True)


def _receipt_done(receipt: Any, done: str) -> str:
    return done if receipt.changed else "nothing"


# A team's deliveries.


def _delivery(lipp: Lipp, actor: Actor, path: dict[str, str]) -> dict[str, Any]:
    view = lipp.learning.delivery(actor, path["code"])
    briefing = lipp.learning.briefing(actor, view.briefing)
    rows = [
        {"key": {"text": "Briefing"}, "value": {"text": briefing.title}},
        {"key": {"text": "Team"}, "value": {"text": view.team}},
        {"key": {"text": "State"}, "value": {"text": view.state.replace("_", " ").capitalize()}},
    ]
    reported = [e.what for e in view.history if e.what.startswith("PracticeChangeReported")]
    if reported:  # what the coordinator verifies, and what the team reported last
        rows.append({"key": {"text": "Change reported"}, "value": {"text": reported[-1].partition(": ")[2]}})
    return {"caption": f"Delivery {view.code}", "summary": rows}


def _back_to_delivery(path: dict[str, str]) -> str:
    return f"/app/deliveries/{path['code']}"


def _delivery_done(done: str) -> Any:
    return lambda receipt, path: f"/app/deliveries/{receipt.code}?done={_receipt_done(receipt, done)}"


TEAM_FORMS = [
    CommandForm(
        path="/app/deliveries/{code}/acknowledgement",
        title="Acknowledge the briefing",
        command=AcknowledgeDelivery,
        inputs=(),
        run=lambda lipp, actor, command: lipp.learning.acknowledge(actor, command),
        done_at=_delivery_done("acknowledged"),
        intro="Record that your team has received and read this briefing.",
        back=_back_to_delivery,
        context=_delivery,
    ),
    CommandForm(
        path="/app/deliveries/{code}/discussion",
        title="Record your team's discussion",
        command=RecordDiscussion,
        inputs=(
            Input("reflections", "What your team said", "textarea", hint="Your team's reflections on the briefing."),
            ON,
        ),
        run=lambda lipp, actor, command: lipp.learning.record_discussion(actor, command),
        done_at=_delivery_done("discussed"),
        button="Record the discussion",
        back=_back_to_delivery,
        context=_delivery,
    ),
    CommandForm(
        path="/app/deliveries/{code}/practice-change",
        title="Report a change in practice",
        command=ReportPracticeChange,
        inputs=(
            Input("what_changed", "What changed in your team's practice", "textarea"),
            Input(
                "audit_reference",
                "Audit or evidence reference",
                hint="Where the board can see the change, for example an audit's reference.",
                optional=True,
            ),
            ON,
        ),
        run=lambda lipp, actor, command: lipp.learning.report_change(actor, command),
        done_at=_delivery_done("changed"),
        button="Report the change",
        back=_back_to_delivery,
        context=_delivery,
    ),
    CommandForm(
        path="/app/deliveries/{code}/verification",
        title="Verify the change in practice",
        command=VerifyPracticeChange,
        inputs=(Input("note", "Note", "textarea", hint="How the change was checked.", optional=True), ON),
        run=lambda lipp, actor, command: lipp.learning.verify(actor, command),
        done_at=_delivery_done("verified"),
        button="Verify the change",
        back=_back_to_delivery,
        context=_delivery,
    ),
]


# The Alliance's actions.


def _themes() -> tuple[tuple[str, str], ...]:
    return tuple((t.id, t.name) for t in theme_list().themes)


def _may_commit(lipp: Lipp, actor: Actor, path: dict[str, str]) -> dict[str, Any]:
    lipp.alliance.actions(actor)  # refused as GET /alliance/actions refuses it
    return {}


def _action(lipp: Lipp, actor: Actor, path: dict[str, str]) -> dict[str, Any]:
    view = lipp.alliance.action(actor, path["action"])
    rows = [
        {"key": {"text": "What"}, "value": {"text": view.description}},
        {"key": {"text": "Due"}, "value": {"text": f"{view.due_on.day} {view.due_on:%B %Y}"}},
    ]
    return {"caption": f"Alliance action {view.reference}", "summary": rows}


def _back_to_action(path: dict[str, str]) -> str:
    return f"/app/alliance/actions/{path['action']}"


def _action_done(done: str) -> Any:
    return lambda view, path: f"/app/alliance/actions/{view.reference}?done={done}"


ALLIANCE_FORMS = [
    CommandForm(
        path="/app/alliance/actions/new",
        title="Commit an Alliance action",
        command=CommitAction,
        inputs=(
            Input("theme", "National theme", "select", choices=_themes(), missing="Choose the national theme"),
            Input(
                "owner", "Owner", hint="Who in your body answers for the action.", missing="Enter who owns the action"
            ),
            Input("description", "What your body will do", "textarea", missing="Enter what your body will do"),
            Input("due_on", "Due date", "date", missing="Enter the date the action is due"),
            Input("body", "National body's code", hint="Admins only: the body committing the action.", optional=True),
        ),
        run=lambda lipp, actor, command: lipp.alliance.commit(actor, command),
        done_at=_action_done("committed"),
        button="Commit the action",
        back=lambda path: "/app/alliance/actions",
        context=_may_commit,
    ),
    CommandForm(
        path="/app/alliance/actions/{action}/progress",
        title="Report progress",
        command=PostProgress,
        inputs=(Input("note", "Progress", "textarea"), ON),
        run=lambda lipp, actor, command: lipp.alliance.post_progress(actor, command),
        done_at=_action_done("progressed"),
        button="Report the progress",
        back=_back_to_action,
        context=_action,
    ),
    CommandForm(
        path="/app/alliance/actions/{action}/completion",
        title="Complete the action",
        command=CompleteAction,
        inputs=(Input("evidence", "Evidence of impact", "textarea"), ON),
        run=lambda lipp, actor, command: lipp.alliance.complete(actor, command),
        done_at=_action_done("completed"),
        button="Complete the action",
        back=_back_to_action,
        context=_action,
    ),
    CommandForm(
        path="/app/alliance/actions/{action}/withdrawal",
        title="Withdraw the action",
        command=WithdrawAction,
        inputs=(Input("reason", "Why your body withdraws it", "textarea"), ON),
        run=lambda lipp, actor, command: lipp.alliance.withdraw(actor, command),
        done_at=_action_done("withdrawn"),
        button="Withdraw the action",
        back=_back_to_action,
        context=_action,
    ),
]


class RunDigest(Command):
    """Issue the national theme digest of a period: the last complete quarter when neither end is given."""

    period_from: QueryDate | None = None
    period_to: QueryDate | None = None

    @model_validator(mode="after")
    def _both_ends_or_neither(self) -> RunDigest:
        if (self.period_from is None) != (self.period_to is None):
            raise ValueError("enter both the first and the last day, or neither for the last complete quarter")
        return self


def run_digest(lipp: Lipp, actor: Actor, command: RunDigest) -> DigestView:
    """What the digest flow does up to issuing, in this request and as the person (who must be allowed to run
    digests): catch up, compute, write the files, issue. E-mailing subscribed bodies stays with `lipp digest run`
    and the scheduled flow."""
    position = lipp.digests.catch_up(actor)
    period = period_of(command.period_from, command.period_to, today_in_england(lipp.clock))
    computed = lipp.digests.compute(actor, period, position)
    files.write(files.folder_of(lipp.settings.data_dir, computed.id), computed.rendered)
    return lipp.digests.issue(actor, computed)


def _may_run(lipp: Lipp, actor: Actor, path: dict[str, str]) -> dict[str, Any]:
    lipp.digests.digests(actor)  # refused as GET /digests refuses it
    return {}


DIGEST_FORMS = [
    CommandForm(
        path="/app/digests/run",
        title="Run a digest for a period",
        command=RunDigest,
        inputs=(
            Input("period_from", "First day", "date", optional=True),
            Input("period_to", "Last day", "date", optional=True),
        ),
        run=run_digest,
        done_at=lambda view, path: f"/app/digests/{view.id}",
        button="Run the digest",
        intro=(
            "Leave both dates empty for the last complete quarter. The digest is issued from the history as it "
            "stands now; it is not e-mailed (the scheduled digest is)."
        ),
        back=lambda path: "/app/digests",
        context=_may_run,
    )
]


# Users and tokens.

ROLES = tuple(
    (r.value, r.value.replace("_", " ").capitalize())
    for r in (Role.ADMIN, Role.COORDINATOR, Role.LEAD_REVIEWER, Role.NATIONAL_BODY, Role.TEAM_MEMBER)
)


def _user(lipp: Lipp, actor: Actor, path: dict[str, str]) -> dict[str, Any]:
    require_admin(actor, "change users")
    user = lipp.registry.user(path["username"])
    rows = [
        {"key": {"text": "Role"}, "value": {"text": user.role.replace("_", " ").capitalize()}},
        {
            "key": {"text": "Board, team or body"},
            "value": {"text": user.team or user.board or user.national_body or "None"},
        },
        {"key": {"text": "Status"}, "value": {"text": "Active" if user.active else "Deactivated"}},
    ]
    return {"caption": f"User {user.username}", "summary": rows, "user": user}


def _token(lipp: Lipp, actor: Actor, path: dict[str, str]) -> dict[str, Any]:
    found = next((t for t in lipp.tokens.tokens(actor) if str(t.token_id) == path["token_id"].lower()), None)
    if found is None:
        raise UnknownToken(f"no API token has id {path['token_id']}")
    rows = [
        {"key": {"text": "Label"}, "value": {"text": found.label}},
        {"key": {"text": "User"}, "value": {"text": found.username}},
    ]
    return {"caption": "API token", "summary": rows}


def _admin_only(lipp: Lipp, actor: Actor, path: dict[str, str]) -> dict[str, Any]:
    require_admin(actor, "issue API tokens")
    return {}


ADMIN_FORMS = [
    CommandForm(
        path="/app/admin/users/{username}",
        title="Change the user's role",
        command=ChangeRole,
        inputs=(
            Input("role", "New role", "radios", choices=ROLES, missing="Choose the new role"),
            Input("board", "Board code", hint="For a coordinator: the board they act for.", optional=True),
            Input("team", "Team code", hint="For a team member: their team.", optional=True),
        ),
        run=lambda lipp, actor, command: lipp.registry.change_role(actor, command),
        done_at=lambda result, path: "/app/admin/users?done=role",
        button="Change the role",
        refusals={"UnknownBoard": "board", "UnknownTeam": "team"},
        intro="The user's sessions and tokens act in the new role from their next request.",
        back=lambda path: "/app/admin/users",
        context=lambda lipp, actor, path: {
            **_user(lipp, actor, path),
            "links": [(f"/app/admin/users/{path['username']}/deactivation", "Deactivate the user instead")],
        },
    ),
    CommandForm(
        path="/app/admin/users/{username}/deactivation",
        title="Deactivate the user",
        command=DeactivateUser,
        inputs=(Input("reason", "Why they stop acting", "textarea"),),
        run=lambda lipp, actor, command: lipp.registry.deactivate_user(actor, command),
        done_at=lambda result, path: "/app/admin/users?done=deactivated",
        button="Deactivate the user",
        intro="They can no longer sign in or use an API token. What they did keeps their name.",
        back=lambda path: f"/app/admin/users/{path['username']}",
        context=_user,
    ),
    CommandForm(
        path="/app/admin/tokens/{token_id}/revocation",
        title="Revoke the API token",
        command=RevokeToken,
        inputs=(Input("reason", "Why it is revoked", "textarea"),),
        run=lambda lipp, actor, command: lipp.tokens.revoke(actor, command),
        done_at=lambda result, path: "/app/admin/tokens?done=revoked",
        button="Revoke the token",
        intro="Anything using the token is refused from its next request.",
        back=lambda path: "/app/admin/tokens",
        context=_token,
    ),
]

for _form in TEAM_FORMS + ALLIANCE_FORMS + DIGEST_FORMS + ADMIN_FORMS:
    add(router, _form)


ISSUE_TOKEN = CommandForm(
    path="/app/admin/tokens/new",
    title="Issue an API token",
    command=IssueToken,
    inputs=(
        Input("username", "Username", hint="The user the token acts as."),
        Input("label", "Label", hint="What the token is for, for example 'nightly export'."),
    ),
    run=lambda lipp, actor, command: lipp.tokens.issue(actor, command),
    done_at=lambda result, path: "/app/admin/tokens",
    button="Issue the token",
    back=lambda path: "/app/admin/tokens",
    context=_admin_only,
    refusals={"UnknownUser": "username"},
)


def _token_shown_once(request: Request, actor: Actor, issued: Any) -> Response:
    """The new token's secret, on this response only (never in an address, never stored to show again)."""
    found = web_of(request).lipp.tokens.tokens(actor)
    return page(
        request,
        "admin_tokens.html",
        actor,
        title="API tokens",
        tokens=list(reversed(found)),
        issued=issued,
        done="",
    )


add(router, ISSUE_TOKEN, respond=_token_shown_once)


@router.post("/app/admin/outbox/requeue")
async def requeue(request: Request) -> Response:
    """Put the failed e-mails back in the queue with their attempts reset (`lipp outbox requeue`)."""
    await check_form_token(request)
    actor = signed_in(request)
    require_admin(actor, "requeue the outbox")
    web_of(request).lipp.outbox.requeue_failed()
    return RedirectResponse("/app/admin/outbox?done=requeued", status_code=303)
