"""Who may see and act on a review. Refusals to see are reported as 'not found', never leaking existence."""

from __future__ import annotations

from uuid import UUID

from lipp.domain.actors import Actor, Role
from lipp.domain.errors import NotAuthorised
from lipp.domain.review.aggregate import Review


class ActorMayNotAdvanceReview(NotAuthorised):
    """Only a coordinator of the review's board may advance it."""


class ActorIsNotTheAppointedReviewer(NotAuthorised):
    """Among reviewers, only the one appointed to the review may act on it."""


class ActorMayNotListBoard(NotAuthorised):
    """Only an admin or a coordinator of the board may list its reviews."""


class ActorMayNotNotify(NotAuthorised):
    """Only a coordinator may notify an incident, and only for their own board."""


def may_see(actor: Actor, review: Review) -> bool:
    """Admins see every review; a coordinator their board's; a lead reviewer the ones appointed to."""
    if actor.role is Role.ADMIN:
        return True
    if actor.role is Role.COORDINATOR:
        return actor.board_id == review.board_id
    if actor.role is Role.LEAD_REVIEWER:
        return review.lead_reviewer_id == actor.user_id
    return False


def may_list_board(actor: Actor, board_id: UUID) -> bool:
    return actor.role is Role.ADMIN or actor.is_coordinator_of(board_id)


def require_may_list_board(actor: Actor, board_id: UUID, board_code: str) -> None:
    if not may_list_board(actor, board_id):
        raise ActorMayNotListBoard(f"{actor.username} ({actor.role.value}) may not list {board_code}'s reviews")


def require_may_notify(actor: Actor, board_id: UUID) -> None:
    if not actor.is_coordinator_of(board_id):
        raise ActorMayNotNotify(
            f"{actor.username} ({actor.role.value}) may not notify incidents for this board: "
            "only one of its coordinators may"
        )


def require_may_advance(actor: Actor, review: Review) -> None:
    if not actor.is_coordinator_of(review.board_id):
        raise ActorMayNotAdvanceReview(
            f"{actor.username} ({actor.role.value}) may not advance {review.reference}: "
            "only a coordinator of its board may"
        )


def require_may_act_as_coordinator_or_appointed_reviewer(actor: Actor, review: Review) -> None:
    if actor.role is Role.LEAD_REVIEWER:
        if review.lead_reviewer_id != actor.user_id:
            raise ActorIsNotTheAppointedReviewer(
                f"{actor.username} is not the lead reviewer appointed to {review.reference}"
            )
        return
    require_may_advance(actor, review)


class OnlyTheAppointedReviewerWritesFindings(NotAuthorised):
    """Findings are the lead reviewer's: only the one appointed to the review logs and changes them."""


class OnlyCoordinatorsAssessMarkers(NotAuthorised):
    """Quality-marker assessments are the board's: a coordinator of the review's board records them."""


def require_is_appointed_reviewer(actor: Actor, review: Review) -> None:
    if actor.role is not Role.LEAD_REVIEWER or review.lead_reviewer_id != actor.user_id:
        raise OnlyTheAppointedReviewerWritesFindings(
            f"{actor.username} ({actor.role.value}) may not write findings for {review.reference}: "
            "only its appointed lead reviewer may"
        )


def require_may_assess_markers(actor: Actor, review: Review) -> None:
    if not actor.is_coordinator_of(review.board_id):
        raise OnlyCoordinatorsAssessMarkers(
            f"{actor.username} ({actor.role.value}) may not assess quality markers of {review.reference}: "
            "only a coordinator of its board may"
        )
