"""API tokens of the registry context: issued and revoked by admins, resolved to actors per request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

from lipp.application.base import LippApplication
from lipp.application.recent_actors import RecentActors
from lipp.application.registry import RegistryApplication, require_admin
from lipp.application.storage import EventStorage
from lipp.application.views import View
from lipp.commands.tokens import IssueToken, RevokeToken
from lipp.domain.actors import Actor
from lipp.domain.clock import Clock
from lipp.domain.errors import NotFound, Unauthenticated
from lipp.domain.registry.token import ApiToken, new_secret, token_id_for
from lipp.domain.registry.user import UserIsDeactivated
from lipp.projections.directory import registry_queries as queries
from lipp.projections.paging import EVERYTHING, Page, Paging


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

    def __init__(
        self,
        storage: EventStorage,
        clock: Clock,
        registry: RegistryApplication,
        remember_for: timedelta = timedelta(0),
    ) -> None:
        super().__init__(storage, clock)
        self.registry = registry
        self.recent = RecentActors(clock, remember_for)
        registry.on_user_deactivated.append(self.recent.forget_user)

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
        self.recent.forget_token(token.id)
        return self._view(token)

    def tokens(self, actor: Actor, paging: Paging = EVERYTHING) -> Page[TokenView]:
        """Every token in the order issued (admins), from the directory."""
        require_admin(actor, "list API tokens")
        found = self.registry.lists.read(lambda c: queries.token_page(c, paging))
        return found.map(
            lambda row: TokenView(
                token_id=row.token_id,
                username=row.username or self.registry.username_of(row.user_id),
                label=row.label,
                issued_at=_utc(row.issued_at),
                revoked=row.revoked,
            )
        )

    def actor_for_secret(self, secret: str) -> Actor:
        """The actor a presented token acts as; one refusal for every way it can be wrong.

        A check that succeeded is remembered for a few seconds (`RecentActors`, ADR 0011)."""
        token_id = token_id_for(secret)
        remembered = self.recent.get(token_id)
        if remembered is not None:
            return remembered
        token: ApiToken | None = self.load(token_id)
        if token is None or token.revoked:
            raise InvalidCredentials("the API token is not valid")
        try:
            actor = self.registry.actor_of(token.user_id)
        except (UserIsDeactivated, NotFound):
            raise InvalidCredentials("the API token is not valid") from None
        self.recent.remember(token_id, actor)
        return actor

    def remembered_actor(self, secret: str) -> Actor | None:
        """The actor of a token checked a moment ago, without any I/O; None when it must be checked afresh."""
        return self.recent.get(token_id_for(secret))

    def _view(self, token: ApiToken) -> TokenView:
        return TokenView(
            token_id=token.id,
            username=self.registry.username_of(token.user_id),
            label=token.label,
            issued_at=token.issued_at,
            revoked=token.revoked,
        )


def _utc(moment: datetime) -> datetime:
    """Event times are UTC; SQLite gives them back without their zone."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
