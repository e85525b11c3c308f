"""The digests context: computing a national theme digest as of a log position, issuing it, and rebuilding it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError
from sqlalchemy import Engine

from lipp.application.base import LippApplication
from lipp.application.registry import RegistryApplication
from lipp.application.storage import EventStorage
from lipp.application.views import View
from lipp.digest.compute import METHOD, REBUILDABLE, compute
from lipp.digest.document import DigestDocument
from lipp.digest.periods import Period
from lipp.digest.reach import LearningReach
from lipp.digest.reading import read_inputs
from lipp.digest.render import Rendered, render
from lipp.domain.actors import SYSTEM_ACTOR, Actor, Role
from lipp.domain.clock import Clock
from lipp.domain.digest.digest import Digest
from lipp.domain.disclosure import DEFAULT_THRESHOLD
from lipp.domain.errors import NotAuthorised, NotFound, RuleBroken
from lipp.domain.identifiers import digest_id_for
from lipp.domain.reference.catalogue import ReferenceData
from lipp.projections.digest_facts.projection import DigestFactsProjection
from lipp.projections.digest_facts.queries import last_position
from lipp.projections.directory import work_queries as work
from lipp.projections.paging import EVERYTHING, Page, Paging
from lipp.projections.runner import ProjectionRunner

ISSUERS = (Role.ADMIN, Role.NATIONAL_BODY, Role.SYSTEM)
READERS = (Role.ADMIN, Role.NATIONAL_BODY, Role.SYSTEM)


class OnlyNationalBodiesAndAdminsRunDigests(NotAuthorised):
    """National digests are run and read by national bodies and admins (and by lipp's own schedule)."""


class UnknownDigest(NotFound):
    """No issued digest has that id."""


class DigestMethodChanged(RuleBroken):
    """A digest is rebuilt by the version of the computation that issued it."""


class IssuedDigestDiffers(RuleBroken):
    """A digest with the same period and position was issued with other content: the computation changed."""


class RebuiltDigestDiffers(RuleBroken):
    """A rebuilt digest must match what was issued, byte for byte."""


class DigestView(View):
    """An issued digest: its period, what it was built from, and its content hash."""

    id: UUID
    method: int
    period_from: date
    period_to: date
    label: str
    position: int
    themes_version: int
    patterns_version: int
    markers_version: int
    issued_on: date
    content_hash: str
    issued_by: str


@dataclass(frozen=True)
class Computed:
    """A digest computed and rendered, not yet issued; its id is already known (period and position fix it)."""

    id: UUID
    document: DigestDocument
    rendered: Rendered


class DigestsApplication(LippApplication):
    """National theme digests over the digest-facts read model."""

    def __init__(
        self,
        storage: EventStorage,
        clock: Clock,
        registry: RegistryApplication,
        engine: Engine,
        runner: ProjectionRunner,
        projection: DigestFactsProjection,
        reach: LearningReach | None = None,
        disclosure_threshold: int = DEFAULT_THRESHOLD,
    ) -> None:
        super().__init__(storage, clock)
        self.registry, self.engine, self.runner, self.projection = registry, engine, runner, projection
        self.reach = reach
        self.disclosure_threshold = disclosure_threshold

    def catch_up(self, actor: Actor) -> int:
        """Bring the digest facts up to the end of the log; returns the position of the last fact they hold."""
        _require(actor, ISSUERS)
        self.runner.catch_up(self.projection)
        with self.engine.connect() as connection:
            return last_position(connection)

    def compute(
        self,
        actor: Actor,
        period: Period,
        position: int,
        issued_on: date | None = None,
        reference: ReferenceData | None = None,
        method: int = METHOD,
        requested_by: str | None = None,
        disclosure_threshold: int | None = None,
    ) -> Computed:
        """The digest of `period` from the history up to `position` (which the facts must have reached).

        It names who asked for it: `requested_by`, else the actor ("schedule" for lipp's own schedule); a digest
        already issued for the period and position names whoever issued it, so asking again changes nothing."""
        _require(actor, ISSUERS)
        issued_on = issued_on or self.today()
        reference = reference or ReferenceData.at()
        digest_id = digest_id_for(period.start.isoformat(), period.end.isoformat(), position)
        issued: Digest | None = self.load(digest_id)
        if requested_by is None:
            requested_by = issued.requested_by if issued and issued.requested_by else self._requester(actor.user_id)
        with self.engine.connect() as connection:
            inputs = read_inputs(connection, period, position, issued_on, reference)
        inputs = replace(
            inputs,
            requested_by=requested_by,
            disclosure_threshold=disclosure_threshold or self.disclosure_threshold,
        )
        document = compute(inputs, self.reach, method)
        return Computed(id=digest_id, document=document, rendered=render(document))

    def _requester(self, user_id: UUID) -> str:
        """A user's name, with the national body they act for; "schedule" for lipp's own runs."""
        if user_id == SYSTEM_ACTOR.user_id:
            return "schedule"
        username = self.registry.username_of(user_id)
        try:
            body = self.registry.user(username).national_body
        except NotFound:
            body = None
        return f"{username} ({body})" if body else username

    def issue(self, actor: Actor, computed: Computed) -> DigestView:
        """Record the digest as issued. Issuing the same digest again (same period and position) changes nothing."""
        _require(actor, ISSUERS)
        built = computed.document.built_from
        digest = Digest.issue(
            actor_id=actor.user_id,
            now=self.now(),
            method=built.method,
            period_from=computed.document.period.start,
            period_to=computed.document.period.end,
            position=built.position,
            themes_version=built.themes_version,
            patterns_version=built.patterns_version,
            markers_version=built.markers_version,
            issued_on=built.issued_on,
            content_hash=computed.rendered.content_hash,
            disclosure_threshold=built.disclosure_threshold or 0,
            requested_by=built.requested_by or "",
        )
        try:
            self.save(digest)
        except IntegrityError:
            existing = self._digest(digest.id)
            if existing.content_hash != digest.content_hash and existing.issued_on == digest.issued_on:
                raise IssuedDigestDiffers(f"digest {digest.id} was issued with other content") from None
            return self._view(existing)
        return self._view(digest)

    def rebuild(self, actor: Actor, digest_id: str) -> tuple[DigestView, Computed]:
        """Compute an issued digest again from what it recorded: its period, position, versions and issue day."""
        view = self.digest(actor, digest_id)
        if view.method not in REBUILDABLE:
            raise DigestMethodChanged(
                f"digest {view.id} was computed by digest method {view.method}; "
                f"this lipp rebuilds methods {', '.join(map(str, sorted(REBUILDABLE)))}"
            )
        self.runner.catch_up(self.projection)  # the facts must reach the digest's position; later rows are ignored
        reference = ReferenceData.at(
            markers=view.markers_version, patterns=view.patterns_version, themes=view.themes_version
        )
        period = Period(view.period_from, view.period_to)
        issued = self._digest(view.id)
        requested_by = issued.requested_by or self._requester(issued.issued_by)
        threshold = issued.disclosure_threshold or None
        computed = self.compute(
            actor, period, view.position, view.issued_on, reference, view.method, requested_by, threshold
        )
        return view, computed

    # Queries.

    def digest(self, actor: Actor, digest_id: str) -> DigestView:
        """One issued digest, by its id or a unique start of it (at least 8 characters)."""
        _require(actor, READERS)
        wanted = digest_id.strip().lower()
        try:
            return self._view(self._digest(UUID(wanted)))
        except ValueError:
            pass
        matches = self.registry.lists.read(lambda c: work.digest_ids_starting(c, wanted)) if len(wanted) >= 8 else []
        if len(matches) != 1:
            raise UnknownDigest(f"no issued digest has id '{digest_id}'")
        return self._view(self._digest(matches[0]))

    def digests(self, actor: Actor, paging: Paging = EVERYTHING) -> Page[DigestView]:
        """Every issued digest, newest period first (from the directory)."""
        _require(actor, READERS)
        return self.registry.lists.read(lambda c: work.digest_page(c, paging)).map(self._row_view)

    def _digest(self, digest_id: UUID) -> Digest:
        digest: Digest | None = self.load(digest_id)
        if digest is None:
            raise UnknownDigest(f"no issued digest has id '{digest_id}'")
        return digest

    def _view(self, digest: Digest) -> DigestView:
        return self._view_of(digest.id, digest)

    def _row_view(self, row: Any) -> DigestView:
        return self._view_of(row.digest_id, row)

    def _view_of(self, digest_id: UUID, digest: Digest | Any) -> DigestView:
        """The view of a digest, or of its directory row: the two hold the same names."""
        return DigestView(
            id=digest_id,
            method=digest.method,
            period_from=digest.period_from,
            period_to=digest.period_to,
            label=Period(digest.period_from, digest.period_to).label,
            position=digest.position,
            themes_version=digest.themes_version,
            patterns_version=digest.patterns_version,
            markers_version=digest.markers_version,
            issued_on=digest.issued_on,
            content_hash=digest.content_hash,
            issued_by=self.registry.username_of(digest.issued_by),
        )


def _require(actor: Actor, roles: tuple[Role, ...]) -> None:
    if actor.role not in roles:
        raise OnlyNationalBodiesAndAdminsRunDigests(
            f"{actor.username} ({actor.role.value}) may not run or read national digests: "
            "national bodies and admins may"
        )
