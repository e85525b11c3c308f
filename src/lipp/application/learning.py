"""The learning context: briefings drafted from cleared findings, released to matching teams as deliveries."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from lipp.application.deliveries import DeliverySteps
from lipp.application.delivery_chasing import DeliveryChasing
from lipp.application.learning_views import (
    BriefingSummary,
    ReleaseReceipt,
    briefing_document,
    review_reference_hidden,
)
from lipp.application.registry import RegistryApplication
from lipp.application.storage import EventStorage
from lipp.commands.learning import DraftReviewBriefing, DraftThemeBriefing, EditBriefing, ReleaseBriefing
from lipp.domain.actors import Actor, Role
from lipp.domain.clock import Clock
from lipp.domain.errors import AlreadyExists, NotAuthorised, NotFound, RuleBroken
from lipp.domain.identifiers import briefing_id_for, delivery_id_for, review_id_for
from lipp.domain.learning.audience import is_addressed_to
from lipp.domain.learning.briefing import Briefing, Source
from lipp.domain.learning.content import BriefingContent
from lipp.domain.learning.delivery import Delivery
from lipp.domain.learning.timescales import LearningTimescales
from lipp.domain.reference.themes import read_theme, theme_list
from lipp.domain.registry.board import Board
from lipp.domain.registry.team import Scope, Team
from lipp.domain.review.aggregate import Review
from lipp.learning import generate
from lipp.learning.document import BriefingDocument
from lipp.learning.links import LinkSigner
from lipp.learning.outsider_keys import is_review_key, key_prefix_of, outsider_key
from lipp.projections.directory import work_queries as work
from lipp.projections.findings.entries import FoundFinding
from lipp.projections.learning.view import DeliveriesView
from lipp.projections.paging import EVERYTHING, Page, Paging

SAVE_CHUNK = 500
"""Deliveries saved per transaction when a briefing is released."""
FindingSearch = Callable[[Actor, str, date | None, date | None], list[FoundFinding]]


class UnknownBriefing(NotFound):
    """No briefing has that key (or the actor may not know of it)."""


class BriefingNeedsAPublishedReview(RuleBroken):
    """Local briefings draw on published reviews only."""


class NoClearedFindings(RuleBroken):
    """A briefing is built from findings cleared as shareable; without any there is nothing to send."""


class OnlyTheOwnerDraftsBriefings(NotAuthorised):
    """A board's coordinator drafts, edits and releases briefings of its reviews; national bodies those of themes
    and digests."""


class LearningApplication(DeliverySteps, DeliveryChasing):
    """Briefings and their deliveries."""

    def __init__(
        self,
        storage: EventStorage,
        clock: Clock,
        timescales: LearningTimescales,
        registry: RegistryApplication,
        deliveries: DeliveriesView,
        find: FindingSearch,
        signer: Callable[[], LinkSigner],
    ) -> None:
        super().__init__(storage, clock)
        self.timescales = timescales
        self.registry = registry
        self.deliveries = deliveries
        self.find = find
        self._signer_factory = signer
        self._signer: LinkSigner | None = None

    @property
    def signer(self) -> LinkSigner:
        """Built on first use: the key may be generated into the data folder then."""
        if self._signer is None:
            self._signer = self._signer_factory()
        return self._signer

    # Drafting.

    def draft_from_review(self, actor: Actor, command: DraftReviewBriefing) -> BriefingDocument:
        """Draft local learning from a published review's shareable findings (the coordinator of its board)."""
        review: Review | None = self.load(review_id_for(command.reference))
        if review is None or not (actor.role is Role.ADMIN or actor.is_coordinator_of(review.board_id)):
            raise NotFound(f"no review has reference '{command.reference}'")
        _require_owner(actor, Scope.LOCAL, review.board_id)
        if not any(isinstance(event, Review.Published) for event in self.history(review.id)):
            raise BriefingNeedsAPublishedReview(
                f"{review.reference} is {review.stage.label}: briefings are drafted from published reviews"
            )
        findings = [review.findings[n] for n in review.finding_order if review.findings[n].cleared]
        if not findings:
            raise NoClearedFindings(f"{review.reference} has no findings cleared as shareable ('lipp finding share')")
        cleared = [
            generate.ClearedFinding(
                title=f.content.title,
                issue=f.content.issue,
                causes=f.content.causes,
                theme_ids=f.content.themes,
                theme_names=tuple(read_theme(t, f.themes_version).name for t in f.content.themes),
                agencies=tuple(a.sector.value for a in f.content.agencies),
            )
            for f in findings
        ]
        board: Board = self.repository.get(review.board_id)
        content = generate.from_review(review.reference, board.name, cleared)
        themes, agencies = _tags(cleared)
        key = f"review-{review.reference}"
        return self._draft(actor, key, Source.REVIEW, review.reference, board, themes, agencies, content)

    def draft_from_theme(self, actor: Actor, command: DraftThemeBriefing) -> BriefingDocument:
        """Draft national learning on a theme from shareable findings across boards (a national body)."""
        _require_owner(actor, Scope.NATIONAL, None)
        theme = theme_list().theme(command.theme)
        found = [f for f in self.find(actor, theme.id, command.from_date, command.to_date) if f.shareable]
        if not found:
            raise NoClearedFindings(
                f"no finding on '{theme.name}' is cleared and approved by its board for sharing in that period"
            )
        cleared = [
            generate.ClearedFinding(
                title=f.title,
                issue=f.issue,
                causes=f.causes,
                theme_ids=(theme.id,),
                theme_names=(theme.name,),
                agencies=tuple(a.split(":")[0].strip().replace(" ", "_") for a in f.agencies),
                board=f.board,
            )
            for f in found
        ]
        content = generate.from_theme(theme.name, cleared)
        key = f"theme-{theme.id}-{self.today().isoformat()}"
        return self._draft(actor, key, Source.THEME, theme.id, None, {theme.id}, _tags(cleared)[1], content)

    def draft_from_digest(self, actor: Actor, digest: generate.DigestSummary) -> BriefingDocument:
        """Draft national learning from a theme digest's leading themes and exemplar findings (a national body).
        The digest hands over plain data; its exemplars are findings it already cleared as shareable."""
        _require_owner(actor, Scope.NATIONAL, None)
        content = generate.from_digest(digest)
        themes = {t.theme_id for t in digest.themes} | {t for f in digest.exemplars for t in f.theme_ids}
        agencies = {a for f in digest.exemplars for a in f.agencies}
        key = "digest-" + re.sub(r"[^a-z0-9-]+", "-", digest.digest_id.lower()).strip("-")[:70]
        return self._draft(actor, key, Source.DIGEST, digest.digest_id, None, themes, agencies, content)

    def _draft(
        self,
        actor: Actor,
        key: str,
        source: Source,
        reference: str,
        board: Board | None,
        theme_ids: set[str],
        agencies: set[str],
        content: BriefingContent,
    ) -> BriefingDocument:
        briefing = Briefing.draft(
            actor_id=actor.user_id,
            now=self.now(),
            key=key.lower(),
            source=source,
            source_reference=reference,
            board_id=board.id if board else None,
            theme_ids=tuple(sorted(theme_ids)),
            agencies=tuple(sorted(agencies)),
            content=content,
        )
        try:
            self.save(briefing)
        except IntegrityError:
            raise AlreadyExists(f"briefing {key.lower()} was drafted before: edit it ('lipp briefing edit')") from None
        return briefing_document(briefing, board.code if board else None)

    # Editing and releasing.

    def edit(self, actor: Actor, command: EditBriefing) -> BriefingDocument:
        """Replace the sections given; new text must pass the redaction check."""
        briefing = self._owned(actor, command.key)
        changes = command.model_dump(exclude={"key"}, exclude_none=True)
        content = BriefingContent.from_fields({**briefing.content.as_event_fields(), **changes})
        briefing.edit(actor_id=actor.user_id, now=self.now(), content=content)
        self.save_or_conflict(briefing)
        return self._document(briefing)

    def release(self, actor: Actor, command: ReleaseBriefing) -> ReleaseReceipt:
        """Address the briefing to every matching team (one delivery each), then mark it released. A release cut
        short is safe to repeat: deliveries already addressed are kept, the rest are added."""
        briefing = self._owned(actor, command.key)
        if briefing.released:
            briefing.release(actor_id=actor.user_id, now=self.now(), on=self.today(), teams_addressed=0)
        today = self.today()
        teams = [
            team
            for team in self.registry.all_teams()
            if is_addressed_to(team, briefing.scope, briefing.board_id, briefing.theme_ids, briefing.agencies)
        ]
        boards: dict[UUID, str] = {}

        def delivery_to(team: Team) -> Delivery:
            if team.board_id not in boards:
                boards[team.board_id] = self.registry.board_by_id(team.board_id).code
            return Delivery.address(
                now=self.now(),
                on=today,
                briefing_id=briefing.id,
                briefing_key=briefing.key,
                team_id=team.id,
                team_code=team.code,
                board_id=team.board_id,
                board_code=boards[team.board_id],
                agency=team.agency.value,
                scope=briefing.scope.value,
                theme_ids=briefing.theme_ids,
            )

        for chunk_start in range(0, len(teams), SAVE_CHUNK):
            chunk = teams[chunk_start : chunk_start + SAVE_CHUNK]
            try:
                self.save(*(delivery_to(team) for team in chunk))
            except IntegrityError:  # a release cut short addressed some of these already: add the rest
                missing = [t for t in chunk if not self.exists(delivery_id_for(briefing.id, t.id))]
                if missing:
                    self.save(*(delivery_to(team) for team in missing))
        briefing.release(actor_id=actor.user_id, now=self.now(), on=today, teams_addressed=len(teams))
        self.save_or_conflict(briefing)
        return ReleaseReceipt(key=briefing.key, released_on=today, teams_addressed=len(teams))

    # Reading.

    def briefing(self, actor: Actor, key: str) -> BriefingDocument:
        briefing = self._visible(actor, key)
        return self._document(briefing, outsider=not self._inside_board(actor, briefing))

    def briefings(self, actor: Actor, paging: Paging = EVERYTHING) -> Page[BriefingSummary]:
        """The briefings the actor may see (`_may_see`), newest draft first, from the directory; a team
        member's are those delivered to their team, so the deliveries are caught up too. A reader outside a
        review's board sees its reference as board code and year, as in the briefing itself."""
        lists = self.registry.lists
        found = lists.read(lambda c: work.briefing_page(c, actor, paging), lists.deliveries)
        return found.map(lambda row: self._summary_of_row(row, outsider=not self._inside_board_id(actor, row.board_id)))

    def briefing_by_id(self, briefing_id: UUID) -> Briefing:
        briefing: Briefing = self.repository.get(briefing_id)
        return briefing

    def document_of(self, briefing: Briefing) -> BriefingDocument:
        return self._document(briefing)

    def _document(self, briefing: Briefing, outsider: bool = False) -> BriefingDocument:
        board = self.registry.board_by_id(briefing.board_id).code if briefing.board_id else None
        document = briefing_document(briefing, board, outsider=outsider)
        return document.model_copy(update={"key": self._shown_key(briefing.key)}) if outsider else document

    def _shown_key(self, key: str) -> str:
        """A review briefing's key as a reader outside its board sees it (`lipp.learning.outsider_keys`)."""
        return outsider_key(key, self.signer.key) if is_review_key(key) else key

    def _summary_of_row(self, row: Any, outsider: bool) -> BriefingSummary:
        summary = _summary_of_row(row, outsider)
        return summary.model_copy(update={"key": self._shown_key(row.key)}) if outsider else summary

    def _visible(self, actor: Actor, key: str) -> Briefing:
        briefing: Briefing | None = self.load(briefing_id_for(self._real_key(key.strip())))
        if briefing is None or not _may_see(actor, briefing, self._received(actor, briefing)):
            raise UnknownBriefing(f"no briefing has key '{key.strip().lower()}'")
        return briefing

    def _real_key(self, key: str) -> str:
        """The key itself, or the real key of a briefing named by the key an outsider was shown."""
        prefix = key_prefix_of(key)
        if prefix is None:
            return key
        lists = self.registry.lists
        candidates = lists.read(lambda c: work.briefing_keys_starting(c, prefix))
        return next((k for k in candidates if self._shown_key(k) == key.lower()), key)

    def _inside_board(self, actor: Actor, briefing: Briefing) -> bool:
        """Whether `actor` reads a board's briefing from inside that board (an admin, its coordinator, a member
        of one of its teams): only they see the review's reference; everyone else sees board code and year."""
        return self._inside_board_id(actor, briefing.board_id)

    def _inside_board_id(self, actor: Actor, board_id: UUID | None) -> bool:
        if board_id is None or actor.role in (Role.ADMIN, Role.SYSTEM):
            return True
        if actor.role is Role.COORDINATOR:
            return actor.is_coordinator_of(board_id)
        if actor.role is Role.TEAM_MEMBER and actor.team_id is not None:
            team = self.registry.team_by_id(actor.team_id)
            return team is not None and team.board_id == board_id
        return False

    def _received(self, actor: Actor, briefing: Briefing) -> bool:
        return bool(
            actor.role is Role.TEAM_MEMBER
            and actor.team_id is not None
            and briefing.released
            and self.exists(delivery_id_for(briefing.id, actor.team_id))
        )

    def _owned(self, actor: Actor, key: str) -> Briefing:
        briefing = self._visible(actor, key)
        _require_owner(actor, briefing.scope, briefing.board_id)
        return briefing


def _summary_of_row(row: Any, outsider: bool) -> BriefingSummary:
    title = row.title
    if outsider and row.source == Source.REVIEW.value:
        reference = row.key.partition("-")[2]
        title = re.sub(re.escape(reference), review_reference_hidden(reference), title, flags=re.IGNORECASE)
    return BriefingSummary(
        key=row.key,
        title=title,
        source=row.source,
        scope=row.scope,
        board=row.board_code if row.board_id else None,
        status="released" if row.released_on is not None else "draft",
        released_on=row.released_on,
        teams_addressed=row.teams_addressed,
    )


def _tags(cleared: Sequence[generate.ClearedFinding]) -> tuple[set[str], set[str]]:
    """The themes and agencies of the findings a briefing draws on: who it is for."""
    return {t for f in cleared for t in f.theme_ids}, {a for f in cleared for a in f.agencies}


def _may_see(actor: Actor, briefing: Briefing, received: bool) -> bool:
    """Admins and national bodies see every briefing; a coordinator their board's and released national ones;
    a team member those delivered to their team."""
    if actor.role in (Role.ADMIN, Role.NATIONAL_BODY, Role.SYSTEM):
        return True
    if actor.role is Role.COORDINATOR:
        own = briefing.board_id is not None and actor.is_coordinator_of(briefing.board_id)
        return own or (briefing.scope is Scope.NATIONAL and briefing.released)
    return received


def _require_owner(actor: Actor, scope: Scope, board_id: UUID | None) -> None:
    if scope is Scope.LOCAL and board_id is not None and actor.is_coordinator_of(board_id):
        return
    if scope is Scope.NATIONAL and actor.role is Role.NATIONAL_BODY:
        return
    who = "the board's coordinator" if scope is Scope.LOCAL else "national bodies"
    raise OnlyTheOwnerDraftsBriefings(
        f"{actor.username} ({actor.role.value}) may not draft, edit or release this briefing: only {who} may"
    )
