"""Lead-reviewer register endpoints, and finding a suitable reviewer for a review."""

# No `from __future__ import annotations`: FastAPI reads the body model classes built below at runtime.

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, status

from lipp.application.register_views import ReviewerProfileView, ReviewerSuggestion
from lipp.bootstrap import Lipp
from lipp.commands import register as r
from lipp.commands.fields import Command
from lipp.domain.actors import Actor
from lipp.interfaces.api.bodies import body_model, summary_of
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.interfaces.api.paging import PagerDep

router = APIRouter(tags=["lead-reviewer register"])

Run = Callable[[Lipp, Actor, Any], ReviewerProfileView]
COMMANDS: dict[str, tuple[type[Command], Run, int]] = {
    "enrolment": (r.EnrolReviewer, lambda lipp, a, c: lipp.reviewers.enrol(a, c), status.HTTP_201_CREATED),
    "expertise": (r.SetExpertise, lambda lipp, a, c: lipp.reviewers.set_expertise(a, c), status.HTTP_200_OK),
    "masterclasses": (
        r.RecordMasterclass,
        lambda lipp, a, c: lipp.reviewers.record_masterclass(a, c),
        status.HTTP_200_OK,
    ),
    "conflicts": (r.DeclareConflict, lambda lipp, a, c: lipp.reviewers.declare_conflict(a, c), status.HTTP_200_OK),
    "conflict-withdrawal": (
        r.WithdrawConflict,
        lambda lipp, a, c: lipp.reviewers.withdraw_conflict(a, c),
        status.HTTP_200_OK,
    ),
    "availability": (
        r.SetAvailability,
        lambda lipp, a, c: lipp.reviewers.set_availability(a, c),
        status.HTTP_200_OK,
    ),
}


def _add(path: str, command_class: type[Command], run: Run, status_code: int) -> None:
    body_class = body_model(command_class, ("username",))

    def change(username: str, body: body_class, actor: ActorDep, lipp: LippDep) -> ReviewerProfileView:  # type: ignore[valid-type]
        fields = {**body.model_dump(exclude_unset=True), "username": username}  # type: ignore[attr-defined]
        return run(lipp, actor, command_class.model_validate(fields))

    router.add_api_route(
        f"/reviewers/{{username}}/{path}",
        change,
        methods=["POST"],
        response_model=ReviewerProfileView,
        status_code=status_code,
        summary=summary_of(command_class),
        operation_id=command_class.__name__,
    )


for _path, (_command, _run, _status) in COMMANDS.items():
    _add(_path, _command, _run, _status)


@router.get("/reviewers", operation_id="ListReviewers")
def reviewers(actor: ActorDep, lipp: LippDep, pager: PagerDep) -> list[ReviewerProfileView]:
    """Every reviewer on the register, by username (admins and coordinators); a page at a time."""
    return pager.page(lipp.reviewers.profiles(actor, pager.paging))


@router.get("/reviewers/{username}", operation_id="ShowReviewer")
def reviewer(username: str, actor: ActorDep, lipp: LippDep) -> ReviewerProfileView:
    """A reviewer's entry: expertise, masterclasses and conflicts (admins, coordinators, the reviewer)."""
    return lipp.reviewers.profile(actor, username)


@router.get("/reviews/{reference}/suitable-reviewers", operation_id="SuitableReviewers")
def suitable(reference: str, actor: ActorDep, lipp: LippDep, all: bool = False) -> list[ReviewerSuggestion]:
    """Reviewers who could lead this review (with `all=true`, the unsuitable too, with the reasons)."""
    return lipp.reviews.suitable_reviewers(actor, reference, include_unsuitable=all)
