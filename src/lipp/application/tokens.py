"""API tokens of the registry context: issued and revoked by admins, resolved to actors per request."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from lipp.application.base import LippApplication
from lipp.application.registry import RegistryApplication, require_admin
from lipp.application.storage import EventStorage
from lipp.application.views import View
from lipp.commands.tokens import IssueToken, RevokeToken
from lipp.domain.actors import Actor
from lipp.domain.clock import Clock
from lipp.domain.errors import NotFound, Unauthenticated
from lipp.domain.registry.token import ApiToken, new_secret, token_id_for
from lipp.domain.registry.user import UserIsDeactivated


class UnknownToken(NotFound):
    """No token has that id."""


class InvalidCredentials(Unauthenticated):
    """The presented token is unknown, revoked, or its user deactivated (HTTP 401)."""


class TokenView(View):
    token_id: UUID
    username: str
    label: str
    issued_at: datetime
    revoked: bool


class IssuedToken(TokenView):
    """The one moment the secret is visible."""

    secret: str


class TokenApplication(LippApplication):
    """Issues, revokes and checks API tokens."""

    def __init__(self, storage: EventStorage, clock: Clock, registry: RegistryApplication) -> None:
        super().__init__(storage, clock)
        self.registry = registry

    def issue(self, actor: Actor, command: IssueToken) -> IssuedToken:
        require_admin(actor, "issue API tokens")
        user = self.registry.user(command.username)
        secret = new_secret()
        token = ApiToken.issue(
            actor_id=actor.user_id, now=self.now(), secret=secret, user_id=user.id, label=command.label
        )
        self.save_or_conflict(token)
        return IssuedToken(secret=secret, **self._view(token).model_dump())

    def revoke(self, actor: Actor, command: RevokeToken) -> TokenView:
        require_admin(actor, "revoke API tokens")
        if not self.exists(command.token_id):
            raise UnknownToken(f"no API token has id {command.token_id}")
        token: ApiToken = self.repository.get(command.token_id)
        token.revoke(actor_id=actor.user_id, now=self.now(), reason=command.reason)
        self.save_or_conflict(token)
        return self._view(token)

    def tokens(self, actor: Actor) -> list[TokenView]:
        require_admin(actor, "list API tokens")
        ids = [self.mapper.to_domain_event(n).originator_id for n in self.notifications_of(ApiToken.Issued)]
        return [self._view(self.repository.get(token_id)) for token_id in ids]

    def actor_for_secret(self, secret: str) -> Actor:
        """The actor a presented token acts as; one refusal for every way it can be wrong."""
        token_id = token_id_for(secret)
        if not self.exists(token_id):
            raise InvalidCredentials("the API token is not valid")
        token: ApiToken = self.repository.get(token_id)
        if token.revoked:
            raise InvalidCredentials("the API token is not valid")
        try:
            return self.registry.actor_for(self.registry.username_of(token.user_id))
        except UserIsDeactivated:
            raise InvalidCredentials("the API token is not valid") from None

    def _view(self, token: ApiToken) -> TokenView:
        return TokenView(
            token_id=token.id,
            username=self.registry.username_of(token.user_id),
            label=token.label,
            issued_at=token.issued_at,
            revoked=token.revoked,
        )
