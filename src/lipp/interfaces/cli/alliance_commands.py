"""CLI commands for the Alliance: member national bodies and their actions against national themes."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from lipp.application.alliance_views import ActionView
from lipp.commands.alliance import (
    ChangeDigestSubscription,
    CommitAction,
    CompleteAction,
    JoinNationalBody,
    PostProgress,
    RegisterNationalBody,
    WithdrawAction,
)
from lipp.interfaces.cli.common import Json, session_of
from lipp.interfaces.cli.output import Limit, Offset, console, emit_json, emit_page, paging
from lipp.projections.paging import DEFAULT_LIMIT

alliance = typer.Typer(help="The Alliance: national bodies and their actions on national themes.", no_args_is_help=True)
members = typer.Typer(help="Member national bodies (admins register them).", no_args_is_help=True)
actions = typer.Typer(help="Actions committed against national themes.", no_args_is_help=True)
alliance.add_typer(members, name="member")
alliance.add_typer(actions, name="action")

Action = Annotated[str, typer.Argument(help="The action's reference, e.g. NCB-A3.")]
StepOn = Annotated[str | None, typer.Option("--on", help="Business date of the step (YYYY-MM-DD); today if omitted.")]


@members.command("add")
def add_member(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="2 to 6 letters.")],
    name: Annotated[str, typer.Option(help="The body's name.")],
    email: Annotated[str, typer.Option(help="The mailbox the national digest goes to.")],
    digest: Annotated[bool, typer.Option("--digest/--no-digest", help="Send it the national digest.")] = True,
    json: Json = False,
) -> None:
    """Register a national body as a member of the Alliance (admins only)."""
    session = session_of(ctx)
    command = RegisterNationalBody.model_validate(
        {"code": code, "name": name, "digest_email": email, "digest_subscribed": digest}
    )
    body = session.lipp.registry.register_national_body(session.actor(), command)
    if json:
        emit_json(body)
    else:
        console.print(f"Registered national body [bold]{body.code}[/]: {escape(body.name)}.")


@members.command("subscription")
def change_subscription(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="The body's code.")],
    email: Annotated[str, typer.Option(help="The mailbox the national digest goes to.")],
    digest: Annotated[bool, typer.Option("--digest/--no-digest", help="Send it the national digest.")] = True,
    json: Json = False,
) -> None:
    """Change where, or whether, a body receives the national digest (admins only)."""
    session = session_of(ctx)
    command = ChangeDigestSubscription.model_validate(
        {"code": code, "digest_email": email, "digest_subscribed": digest}
    )
    body = session.lipp.registry.change_digest_subscription(session.actor(), command)
    if json:
        emit_json(body)
    else:
        state = f"to {body.digest_email}" if body.digest_subscribed else "no longer"
        console.print(f"{body.code} receives the national digest {state}.")


@members.command("join")
def join_member(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="The body's code.")],
    username: Annotated[str, typer.Argument(help="A national body user.")],
    json: Json = False,
) -> None:
    """Make a national body user a member of a body (admins only)."""
    session = session_of(ctx)
    body = session.lipp.registry.join_national_body(
        session.actor(), JoinNationalBody.model_validate({"username": username, "body": code})
    )
    if json:
        emit_json(body)
    else:
        console.print(f"{escape(username)} now acts for {body.code} in the Alliance.")


@members.command("list")
def list_members(ctx: typer.Context, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, json: Json = False) -> None:
    """List the member national bodies."""
    session = session_of(ctx)
    session.actor()  # any registered, active user may see who the members are
    rows = session.lipp.registry.national_bodies(paging(limit, offset))

    def table() -> Table:
        shown = Table("code", "name", "digest to", title="Alliance members")
        for body in rows:
            shown.add_row(body.code, escape(body.name), body.digest_email if body.digest_subscribed else "-")
        return shown

    emit_page(rows, None if json else table, ("code",))


@actions.command("commit")
def commit(
    ctx: typer.Context,
    theme: Annotated[str, typer.Option(help="The national theme: its id (NT05) or name.")],
    owner: Annotated[str, typer.Option(help="Who owns the action in the body (a role, not a name).")],
    description: Annotated[str, typer.Option(help="What the body will do.")],
    due: Annotated[str, typer.Option("--due", help="Due date (YYYY-MM-DD).")],
    body: Annotated[str | None, typer.Option(help="The body (admins acting for one).")] = None,
    json: Json = False,
) -> None:
    """Commit an action against a national theme, for your body."""
    session = session_of(ctx)
    command = CommitAction.model_validate(
        {"theme": theme, "owner": owner, "description": description, "due_on": due, "body": body}
    )
    _show(session.lipp.alliance.commit(session.actor(), command), json, "Committed")


@actions.command("progress")
def progress(
    ctx: typer.Context,
    action: Action,
    note: Annotated[str, typer.Option(help="What has been done.")],
    on: StepOn = None,
    json: Json = False,
) -> None:
    """Post progress on an action."""
    session = session_of(ctx)
    command = PostProgress.model_validate({"action": action, "note": note, "on": on})
    _show(session.lipp.alliance.post_progress(session.actor(), command), json, "Progress posted on")


@actions.command("complete")
def complete(
    ctx: typer.Context,
    action: Action,
    evidence: Annotated[str, typer.Option(help="Evidence of the action's impact.")],
    on: StepOn = None,
    json: Json = False,
) -> None:
    """Complete an action, with evidence of its impact."""
    session = session_of(ctx)
    command = CompleteAction.model_validate({"action": action, "evidence": evidence, "on": on})
    _show(session.lipp.alliance.complete(session.actor(), command), json, "Completed")


@actions.command("withdraw")
def withdraw(
    ctx: typer.Context,
    action: Action,
    reason: Annotated[str, typer.Option(help="Why the action stops.")],
    on: StepOn = None,
    json: Json = False,
) -> None:
    """Withdraw an action, with the reason."""
    session = session_of(ctx)
    command = WithdrawAction.model_validate({"action": action, "reason": reason, "on": on})
    _show(session.lipp.alliance.withdraw(session.actor(), command), json, "Withdrew")


@actions.command("list")
def list_actions(
    ctx: typer.Context,
    theme: Annotated[str | None, typer.Option(help="Only this theme (id or name).")] = None,
    body: Annotated[str | None, typer.Option(help="Only this body's actions.")] = None,
    owner: Annotated[str | None, typer.Option(help="Only owners whose title contains this.")] = None,
    status: Annotated[str | None, typer.Option(help="open, completed, withdrawn or overdue.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
    json: Json = False,
) -> None:
    """List Alliance actions by theme, with their status; overdue ones are flagged."""
    session = session_of(ctx)
    rows = session.lipp.alliance.actions(
        session.actor(), theme=theme, body=body, owner=owner, status=status, paging=paging(limit, offset)
    )

    def table() -> Table:
        shown = Table("action", "theme", "body", "owner", "due", "status", title="Alliance actions")
        for row in rows:
            status_text = "[bold red]OVERDUE[/]" if row.overdue else row.status
            shown.add_row(row.reference, escape(row.theme), row.body, escape(row.owner), str(row.due_on), status_text)
        return shown

    emit_page(rows, None if json else table, ("action", "body"))


@actions.command("show")
def show(ctx: typer.Context, action: Action, json: Json = False) -> None:
    """Show an action with its progress."""
    session = session_of(ctx)
    view = session.lipp.alliance.action(session.actor(), action)
    if json:
        emit_json(view)
        return
    _show(view, False, None)
    for note in view.progress:
        console.print(f"  {note.on}  {escape(note.note)}")
    if view.evidence:
        console.print(f"  evidence of impact: {escape(view.evidence)}")
    if view.withdrawal_reason:
        console.print(f"  withdrawn: {escape(view.withdrawal_reason)}")


def _show(view: ActionView, json: bool, done: str | None) -> None:
    if json:
        emit_json(view)
        return
    flag = " [bold red]OVERDUE[/]" if view.overdue else ""
    prefix = f"{done} " if done else ""
    console.print(
        f"{prefix}[bold]{view.reference}[/] ({view.body}) on {escape(view.theme)}: {escape(view.description)} "
        f"- owner {escape(view.owner)}, due {view.due_on}, {view.status}{flag}"
    )
