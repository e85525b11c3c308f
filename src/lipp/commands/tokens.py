"""Commands that manage API tokens."""

from __future__ import annotations

from uuid import UUID

from lipp.commands.fields import Command, FreeText, ShortText, Username


class IssueToken(Command):
    """Issue an API token to a user; the secret is shown once."""

    username: Username
    label: ShortText


class RevokeToken(Command):
    """Revoke an API token."""

    token_id: UUID
    reason: FreeText
