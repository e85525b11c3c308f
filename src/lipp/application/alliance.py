"""The Alliance context: member national bodies commit actions against national themes and report on them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from lipp.application.alliance_views import ActionView, action_row_view, action_view
from lipp.application.base import LippApplication
from lipp.application.registry import RegistryApplication
from lipp.application.storage import EventStorage
from lipp.commands.alliance import CommitAction, CompleteAction, PostProgress, WithdrawAction
from lipp.domain.actors import Actor, Role
from lipp.domain.alliance.action import AllianceAction
from lipp.domain.clock import Clock
from lipp.domain.errors import ConcurrentChange, InvalidInput, NotAuthorised, NotFound
from lipp.domain.identifiers import alliance_action_id_for
from lipp.domain.reference.themes import theme_list
from lipp.projections.directory import work_queries as work
from lipp.projections.paging import EVERYTHING, Page, Paging

READERS = (Role.ADMIN, Role.NATIONAL_BODY, Role.COORDINATOR)


class UnknownAction(NotFound):
    """No Alliance action has that reference."""


class ActorMayNotSeeAllianceActions(NotAuthorised):
    """Alliance actions are read by national bodies, admins and board coordinators."""


class AdminNamesTheBody(InvalidInput):
    """An admin acting in the Alliance says which member body they act for."""


class OnlyMembersActForTheirBody(NotAuthorised):
    """A national body user manages their own body's actions; admins manage any body's."""


class AllianceApplication(LippApplication):
    """Alliance actions: commit, progress, complete, withdraw; list by theme, body and owner."""

    def __init__(self, storage: EventStorage, clock: Clock, registry: RegistryApplication) -> None:
        super().__init__(storage, clock)
        self.registry = registry

    def commit(self, actor: Actor, command: CommitAction) -> ActionView:
        """Commit an action for the actor's own body (an admin names the body)."""
        body = self._acting_body(actor, command.body)
        themes = theme_list()
        theme = themes.theme(command.theme)
        for _ in range(5):
            reference = f"{body.code}-A{self._count_of(body.id) + 1}"
            action = AllianceAction.commit(
                actor_id=actor.user_id,
                now=self.now(),
                today=self.today(),
                national_body_id=body.id,
                body_code=body.code,
                reference=reference,
                theme_id=theme.id,
                themes_version=themes.version,
                owner=command.owner,
                description=command.description,
                due_on=command.due_on,
            )
            try:
                self.save(action)
            except IntegrityError:
                continue  # another member of the body took the number at the same moment: take the next
            return action_view(action, self.today())
        raise ConcurrentChange("many actions were committed at the same moment; try again")

    def post_progress(self, actor: Actor, command: PostProgress) -> ActionView:
        action, today = self._changeable(actor, command.action)
        action.post_progress(
            actor_id=actor.user_id, now=self.now(), today=today, on=command.on or today, note=command.note
        )
        return self._saved(action, today)

    def complete(self, actor: Actor, command: CompleteAction) -> ActionView:
        action, today = self._changeable(actor, command.action)
        on = command.on or today
        action.complete(actor_id=actor.user_id, now=self.now(), today=today, on=on, evidence=command.evidence)
        return self._saved(action, today)

    def withdraw(self, actor: Actor, command: WithdrawAction) -> ActionView:
        action, today = self._changeable(actor, command.action)
        on = command.on or today
        action.withdraw(actor_id=actor.user_id, now=self.now(), today=today, on=on, reason=command.reason)
        return self._saved(action, today)

    # Queries.

    def action(self, actor: Actor, reference: str) -> ActionView:
        _require_reader(actor)
        return action_view(self._action(reference), self.today())

    def actions(
        self,
        actor: Actor,
        *,
        theme: str | None = None,
        body: str | None = None,
        owner: str | None = None,
        status: str | None = None,
        paging: Paging = EVERYTHING,
    ) -> Page[ActionView]:
        """Every action, filtered by theme (id or name), body code, owner (words it contains) and status."""
        _require_reader(actor)
        theme_id = theme_list().theme(theme).id if theme else None
        wanted_owner = owner.casefold().strip() if owner else None
        today = self.today()
        found = self.registry.lists.read(
            lambda c: work.action_page(
                c,
                today,
                paging,
                theme_id=theme_id,
                body=body.strip().upper() if body else None,
                owner_folded=wanted_owner,
                status=status,
            )
        )
        return found.map(lambda row: action_row_view(row, today))

    def _changeable(self, actor: Actor, reference: str) -> tuple[AllianceAction, date]:
        action = self._action(reference)
        self._acting_body(actor, action.body_code)
        return action, self.today()

    def _saved(self, action: AllianceAction, today: date) -> ActionView:
        self.save_or_conflict(action)
        return action_view(action, today)

    def _acting_body(self, actor: Actor, code: str | None) -> _Body:
        if actor.role is Role.ADMIN:
            if not code:
                raise AdminNamesTheBody("an admin acting in the Alliance names the member body they act for (body)")
            view = self.registry.national_body(code)
            return _Body(view.id, view.code)
        if actor.role is not Role.NATIONAL_BODY or actor.national_body_id is None:
            raise OnlyMembersActForTheirBody(
                f"{actor.username} ({actor.role.value}) may not manage Alliance actions: "
                "users of a member national body and admins may"
            )
        own = self.registry.national_body_by_id(actor.national_body_id)
        if code and code.strip().upper() != own.code:
            raise OnlyMembersActForTheirBody(
                f"{actor.username} acts for {own.code} and may not manage {code}'s actions"
            )
        return _Body(own.id, own.code)

    def _count_of(self, body_id: UUID) -> int:
        """The body's actions so far (a number taken meanwhile is refused at the save, and the next is tried)."""
        return self.registry.lists.read(lambda c: work.actions_of_body(c, body_id))

    def _action(self, reference: str) -> AllianceAction:
        action: AllianceAction | None = self.load(alliance_action_id_for(reference))
        if action is None:
            raise UnknownAction(f"no Alliance action has reference '{reference.upper()}'")
        return action


@dataclass(frozen=True)
class _Body:
    id: UUID
    code: str


def _require_reader(actor: Actor) -> None:
    if actor.role not in READERS:
        raise ActorMayNotSeeAllianceActions(
            f"{actor.username} ({actor.role.value}) may not see Alliance actions: "
            "national bodies, admins and coordinators may"
        )
