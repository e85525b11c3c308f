"""Commands of the Alliance: member national bodies and the actions they commit against national themes."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from lipp.commands.fields import (
    ONE_LINE,
    BoardCode,
    BusinessDate,
    Command,
    DateAhead,
    FreeText,
    ShortText,
    Username,
    _case_folded,
)

ActionReference = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Z]{2,6}-A\d+$"),
    _case_folded(str.upper),
    ONE_LINE,
    Field(description="An Alliance action's reference: the body's code and its number (e.g. NCB-A3)"),
]
EmailAddress = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_lower=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
    ONE_LINE,
    Field(description="An organisation's mailbox"),
]
StepDate = Annotated[BusinessDate | None, Field(description="Business date of the step; today if omitted")]


class RegisterNationalBody(Command):
    """Register a national body as a member of the Alliance, with the mailbox the national digest goes to."""

    code: BoardCode
    name: ShortText
    digest_email: EmailAddress
    digest_subscribed: bool = True


class ChangeDigestSubscription(Command):
    """Change where, or whether, a member body receives the national digest."""

    code: BoardCode
    digest_email: EmailAddress
    digest_subscribed: bool


class JoinNationalBody(Command):
    """Make a national body user a member of a body, so they act for it in the Alliance."""

    username: Username
    body: BoardCode


class CommitAction(Command):
    """Commit an action against a national theme: who owns it, what it is, when it is due.

    A national body user commits for their own body; an admin names the body."""

    theme: ShortText
    owner: ShortText
    description: FreeText
    due_on: DateAhead
    body: BoardCode | None = None


class PostProgress(Command):
    """Report progress on an action."""

    action: ActionReference
    note: FreeText
    on: StepDate = None


class CompleteAction(Command):
    """Complete an action, with evidence of its impact."""

    action: ActionReference
    evidence: FreeText
    on: StepDate = None


class WithdrawAction(Command):
    """Withdraw an action, with the reason."""

    action: ActionReference
    reason: FreeText
    on: StepDate = None


ALLIANCE_COMMANDS: tuple[type[Command], ...] = (
    RegisterNationalBody,
    ChangeDigestSubscription,
    JoinNationalBody,
    CommitAction,
    PostProgress,
    CompleteAction,
    WithdrawAction,
)
