"""What every part of the reviews context shares: its ports, loading a visible review, and safe steps."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Protocol
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from lipp.application.base import LippApplication, pause_before_retry
from lipp.application.storage import EventStorage
from lipp.application.views import BoardView, ReviewReceipt, UserView
from lipp.commands import reviews as c
from lipp.domain.actors import Actor
from lipp.domain.clock import Clock
from lipp.domain.errors import ConcurrentChange, NotFound
from lipp.domain.identifiers import review_id_for
from lipp.domain.reference.catalogue import ReferenceData
from lipp.domain.register.suitability import Candidate
from lipp.domain.review import access
from lipp.domain.review.aggregate import Review
from lipp.domain.review.vocabulary import Agency
from lipp.domain.timescales import Timescales
from lipp.projections.directory.view import DirectoryView

ATTEMPTS = 50  # at most one attempt per contender: each conflict means someone else's save succeeded


class Directory(Protocol):
    """What the reviews context needs to know of the registry."""

    def board(self, code: str) -> BoardView: ...
    def board_by_id(self, board_id: UUID) -> BoardView: ...
    def user(self, username: str) -> UserView: ...
    def username_of(self, user_id: UUID) -> str: ...


class ReviewerRegister(Protocol):
    """What the reviews context needs to know of the lead-reviewer register."""

    def conflicts_with(self, username: str, agencies: Sequence[Agency]) -> list[str]: ...
    def candidates(self, open_reviews: dict[UUID, int], active: Callable[[str], bool]) -> list[Candidate]: ...


class UnknownReview(NotFound):
    """No review has that reference, or the actor may not see it."""


class ReviewStore(LippApplication):
    """Loads reviews the actor may see and runs one step on them, retrying on a concurrent change."""

    lists: DirectoryView
    """The read models that lists are read from (set by the composition root)."""

    def __init__(
        self,
        storage: EventStorage,
        clock: Clock,
        timescales: Timescales,
        directory: Directory,
        reviewer_register: ReviewerRegister,
        reference_data: ReferenceData | None = None,
    ) -> None:
        super().__init__(storage, clock)
        self.timescales = timescales
        self.directory = directory
        self.reviewer_register = reviewer_register
        self.reference_data = reference_data or ReferenceData.at()
        # The highest sequence this process has seen taken, per (board code, year). Numbers are never freed,
        # so it stays taken: the search for the next free one starts above it rather than at 1.
        self._taken_up_to: dict[tuple[str, int], int] = {}

    def _advance(
        self,
        actor: Actor,
        command: c.ReviewStep,
        step: Callable[[Review, date], object],
        authorise: Callable[[Actor, Review], None] = access.require_may_advance,
    ) -> ReviewReceipt:
        """Load, authorise, apply, save; on a concurrent change, start again from the newer state."""
        for _ in range(ATTEMPTS):
            review = self._visible(actor, command.reference, None)
            authorise(actor, review)
            step(review, command.on or self.today())
            try:
                self.save(review)
            except IntegrityError:
                pause_before_retry()
                continue
            return receipt_of(review)
        raise ConcurrentChange(f"{command.reference} kept changing while this step was saved; try again")

    def visible(self, actor: Actor, reference: str) -> Review:
        """The review as it stands, if the actor may see it (for contexts that act on what a review decided)."""
        return self._visible(actor, reference, None)

    def _visible(self, actor: Actor, reference: str, as_of: date | None) -> Review:
        review: Review | None = self.replay(review_id_for(reference), as_of)
        if review is None or not access.may_see(actor, review):
            raise UnknownReview(f"no review {reference.upper()} is visible to {actor.username}")
        return review


def receipt_of(review: Review) -> ReviewReceipt:
    return ReviewReceipt(reference=review.reference, stage=review.stage.value, version=review.version)
