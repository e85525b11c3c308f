"""The registry's national bodies: members of the Alliance, their digest mailboxes and their users."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from lipp.application.base import LippApplication
from lipp.application.views import NationalBodyView
from lipp.commands.alliance import ChangeDigestSubscription, JoinNationalBody, RegisterNationalBody
from lipp.domain.actors import Actor, Role
from lipp.domain.errors import AlreadyExists, NotAuthorised, NotFound
from lipp.domain.identifiers import national_body_id_for, user_id_for
from lipp.domain.registry.national_body import NationalBody
from lipp.projections.directory import registry_queries as queries
from lipp.projections.directory.view import DirectoryView
from lipp.projections.paging import EVERYTHING, Page, Paging

if TYPE_CHECKING:
    from lipp.domain.registry.user import User


class UnknownNationalBody(NotFound):
    """No national body has that code."""


class OnlyAdminsManageTheAlliance(NotAuthorised):
    """Member bodies, their mailboxes and their users are managed by admins."""


class NationalBodies(LippApplication):
    """Registering member bodies and their users; part of the registry application."""

    lists: DirectoryView
    """The directory read model, which lists are read from (set by the composition root)."""

    if TYPE_CHECKING:

        def _user(self, user_id: UUID, name: str) -> User: ...

    def register_national_body(self, actor: Actor, command: RegisterNationalBody) -> NationalBodyView:
        _require_admin(actor, "register national bodies")
        body = NationalBody.register(
            actor_id=actor.user_id,
            now=self.now(),
            code=command.code,
            name=command.name,
            digest_email=command.digest_email,
            subscribed=command.digest_subscribed,
        )
        try:
            self.save(body)
        except IntegrityError:
            raise AlreadyExists(f"a national body with code {command.code} is already registered") from None
        return national_body_view(body)

    def change_digest_subscription(self, actor: Actor, command: ChangeDigestSubscription) -> NationalBodyView:
        _require_admin(actor, "change digest subscriptions")
        body = self._national_body(command.code)
        body.change_subscription(
            actor_id=actor.user_id,
            now=self.now(),
            digest_email=command.digest_email,
            subscribed=command.digest_subscribed,
        )
        self.save_or_conflict(body)
        return national_body_view(body)

    def join_national_body(self, actor: Actor, command: JoinNationalBody) -> NationalBodyView:
        _require_admin(actor, "add users to national bodies")
        body = self._national_body(command.body)
        user = self._user(user_id_for(command.username), command.username)
        user.join_national_body(actor_id=actor.user_id, now=self.now(), national_body_id=body.id)
        self.save_or_conflict(user)
        return national_body_view(body)

    def national_body(self, code: str) -> NationalBodyView:
        return national_body_view(self._national_body(code))

    def national_body_by_id(self, body_id: UUID) -> NationalBodyView:
        return national_body_view(self.repository.get(body_id))

    def national_bodies(self, paging: Paging = EVERYTHING) -> Page[NationalBodyView]:
        """Every member body, by code: the Alliance's membership is open to every registered user."""
        return self.lists.read(lambda c: queries.national_body_page(c, paging)).map(_national_body_row_view)

    def _national_body(self, code: str) -> NationalBody:
        body: NationalBody | None = self.load(national_body_id_for(code))
        if body is None:
            raise UnknownNationalBody(f"no national body has code '{code.upper()}'")
        return body


def _national_body_row_view(row: Any) -> NationalBodyView:
    return NationalBodyView(
        id=row.body_id,
        code=row.code,
        name=row.name,
        digest_email=row.digest_email,
        digest_subscribed=row.digest_subscribed,
    )


def national_body_view(body: NationalBody) -> NationalBodyView:
    return NationalBodyView(
        id=body.id,
        code=body.code,
        name=body.name,
        digest_email=body.digest_email,
        digest_subscribed=body.digest_subscribed,
    )


def _require_admin(actor: Actor, what: str) -> None:
    if actor.role is not Role.ADMIN:
        raise OnlyAdminsManageTheAlliance(f"{actor.username} ({actor.role.value}) may not {what}: only admins may")
