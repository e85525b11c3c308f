"""Alliance endpoints: member national bodies and their actions against national themes."""

# No `from __future__ import annotations`: FastAPI reads the body model classes built below at runtime.

from typing import Annotated

from fastapi import APIRouter, Query, status

from lipp.application.alliance_views import ActionView
from lipp.application.views import NationalBodyView
from lipp.commands.alliance import (
    ChangeDigestSubscription,
    CommitAction,
    CompleteAction,
    JoinNationalBody,
    PostProgress,
    RegisterNationalBody,
    WithdrawAction,
)
from lipp.interfaces.api.bodies import body_model, summary_of
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.interfaces.api.paging import PagerDep

router = APIRouter(tags=["alliance"])

SubscriptionBody = body_model(ChangeDigestSubscription, ("code",))
MemberUserBody = body_model(JoinNationalBody, ("body",))
ProgressBody = body_model(PostProgress, ("action",))
CompletionBody = body_model(CompleteAction, ("action",))
WithdrawalBody = body_model(WithdrawAction, ("action",))
Filter = Annotated[str | None, Query()]


@router.get("/alliance/members", operation_id="ListAllianceMembers")
def members(actor: ActorDep, lipp: LippDep, pager: PagerDep) -> list[NationalBodyView]:
    """Every member national body, by code; a page at a time."""
    return pager.page(lipp.registry.national_bodies(pager.paging))


@router.post(
    "/alliance/members",
    status_code=status.HTTP_201_CREATED,
    operation_id="RegisterNationalBody",
    summary=summary_of(RegisterNationalBody),
)
def register_member(command: RegisterNationalBody, actor: ActorDep, lipp: LippDep) -> NationalBodyView:
    """Register a national body as a member of the Alliance (admins only)."""
    return lipp.registry.register_national_body(actor, command)


@router.post("/alliance/members/{code}/subscription", operation_id="ChangeDigestSubscription")
def change_subscription(code: str, body: SubscriptionBody, actor: ActorDep, lipp: LippDep) -> NationalBodyView:  # type: ignore[valid-type]
    """Change where, or whether, the body receives the national digest (admins only)."""
    fields = {**body.model_dump(exclude_unset=True), "code": code}  # type: ignore[attr-defined]
    return lipp.registry.change_digest_subscription(actor, ChangeDigestSubscription.model_validate(fields))


@router.post("/alliance/members/{code}/users", operation_id="JoinNationalBody")
def join_member(code: str, body: MemberUserBody, actor: ActorDep, lipp: LippDep) -> NationalBodyView:  # type: ignore[valid-type]
    """Make a national body user a member of the body (admins only)."""
    fields = {**body.model_dump(exclude_unset=True), "body": code}  # type: ignore[attr-defined]
    return lipp.registry.join_national_body(actor, JoinNationalBody.model_validate(fields))


@router.get("/alliance/actions", operation_id="ListAllianceActions")
def actions(
    actor: ActorDep,
    lipp: LippDep,
    pager: PagerDep,
    theme: Filter = None,
    body: Filter = None,
    owner: Filter = None,
    status: Filter = None,
) -> list[ActionView]:
    """Actions by theme, body, owner and status (open, completed, withdrawn, overdue); a page at a time."""
    found = lipp.alliance.actions(actor, theme=theme, body=body, owner=owner, status=status, paging=pager.paging)
    return pager.page(found)


@router.post(
    "/alliance/actions",
    status_code=status.HTTP_201_CREATED,
    operation_id="CommitAllianceAction",
    summary=summary_of(CommitAction),
)
def commit(command: CommitAction, actor: ActorDep, lipp: LippDep) -> ActionView:
    """Commit an action against a national theme (a member for its own body; an admin names the body)."""
    return lipp.alliance.commit(actor, command)


@router.get("/alliance/actions/{action}", operation_id="AllianceAction")
def action(action: str, actor: ActorDep, lipp: LippDep) -> ActionView:
    """One action with its progress."""
    return lipp.alliance.action(actor, action)


@router.post("/alliance/actions/{action}/progress", operation_id="PostActionProgress", summary=summary_of(PostProgress))
def progress(action: str, body: ProgressBody, actor: ActorDep, lipp: LippDep) -> ActionView:  # type: ignore[valid-type]
    """Report progress on the action (its body's members, or an admin)."""
    fields = {**body.model_dump(exclude_unset=True), "action": action}  # type: ignore[attr-defined]
    return lipp.alliance.post_progress(actor, PostProgress.model_validate(fields))


@router.post(
    "/alliance/actions/{action}/completion", operation_id="CompleteAllianceAction", summary=summary_of(CompleteAction)
)
def completion(action: str, body: CompletionBody, actor: ActorDep, lipp: LippDep) -> ActionView:  # type: ignore[valid-type]
    """Complete the action with evidence of impact (its body's members, or an admin)."""
    fields = {**body.model_dump(exclude_unset=True), "action": action}  # type: ignore[attr-defined]
    return lipp.alliance.complete(actor, CompleteAction.model_validate(fields))


@router.post(
    "/alliance/actions/{action}/withdrawal", operation_id="WithdrawAllianceAction", summary=summary_of(WithdrawAction)
)
def withdrawal(action: str, body: WithdrawalBody, actor: ActorDep, lipp: LippDep) -> ActionView:  # type: ignore[valid-type]
    """Withdraw the action with the reason (its body's members, or an admin)."""
    fields = {**body.model_dump(exclude_unset=True), "action": action}  # type: ignore[attr-defined]
    return lipp.alliance.withdraw(actor, WithdrawAction.model_validate(fields))
