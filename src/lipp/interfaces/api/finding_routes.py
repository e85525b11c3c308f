"""Finding endpoints: the lead reviewer logs, revises, re-ranks and withdraws findings; sharing them beyond
the board goes through the redaction check."""

# No `from __future__ import annotations`: FastAPI reads the body model classes built below at runtime.

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from fastapi.exceptions import RequestValidationError

from lipp.application.finding_views import FindingView
from lipp.application.reference_views import TextHitView, redaction_hits
from lipp.application.review_findings import FindingReceipt
from lipp.application.review_sharing import SharingReceipt
from lipp.application.views import ReviewReceipt
from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands.fields import Command, FreeText, QueryDate
from lipp.commands.reviews import ReviewStep
from lipp.domain.actors import Actor
from lipp.domain.errors import InvalidInput, NotFound
from lipp.domain.review.finding import finding_number
from lipp.interfaces.api.bodies import body_model, summary_of
from lipp.interfaces.api.dependencies import ActorDep, LippDep

router = APIRouter(tags=["findings"])

AsOf = Annotated[QueryDate | None, Query(description="Show them as they stood at the end of this date")]
Run = Callable[[Lipp, Actor, Any], Any]


class RedactionText(Command):
    """A text to try against the redaction check."""

    text: FreeText


def _execute(lipp: Lipp, actor: Actor, command: Any) -> Any:
    return lipp.reviews.execute(actor, command)


def _share(lipp: Lipp, actor: Actor, command: Any) -> Any:
    return lipp.reviews.share_finding(actor, command)


def _confirm(lipp: Lipp, actor: Actor, command: Any) -> Any:
    return lipp.reviews.confirm_false_positive(actor, command)


def _add(
    path: str,
    command_class: type[ReviewStep],
    response_model: type[ReviewReceipt],
    run: Run,
    status_code: int = status.HTTP_200_OK,
) -> None:
    on_path = ("reference", "finding") if "{finding}" in path else ("reference",)
    body = body_model(command_class, on_path)

    if "{finding}" in path:

        def step(reference: str, finding: str, body: body, actor: ActorDep, lipp: LippDep) -> Any:  # type: ignore[valid-type]
            fields = {**body.model_dump(exclude_unset=True), "reference": reference, "finding": finding}  # type: ignore[attr-defined]
            return run(lipp, actor, command_class.model_validate(fields))

        endpoint: Callable[..., Any] = step
    else:

        def review_step(reference: str, body: body, actor: ActorDep, lipp: LippDep) -> Any:  # type: ignore[valid-type]
            fields = {**body.model_dump(exclude_unset=True), "reference": reference}  # type: ignore[attr-defined]
            return run(lipp, actor, command_class.model_validate(fields))

        endpoint = review_step
    router.add_api_route(
        f"/reviews/{{reference}}/{path}",
        endpoint,
        methods=["POST"],
        response_model=response_model,
        status_code=status_code,
        summary=summary_of(command_class),
        operation_id=command_class.__name__,
    )


_add("findings", f.LogFinding, FindingReceipt, _execute, status.HTTP_201_CREATED)
_add("findings/{finding}/revision", f.ReviseFinding, ReviewReceipt, _execute)
_add("findings/ranking", f.ReRankFindings, ReviewReceipt, _execute)
_add("findings/{finding}/withdrawal", f.WithdrawFinding, ReviewReceipt, _execute)
_add("findings/{finding}/sharing", f.ShareFinding, SharingReceipt, _share)
_add("findings/{finding}/false-positives", f.ConfirmFalsePositive, SharingReceipt, _confirm)


@router.get("/reviews/{reference}/findings", operation_id="ListFindings")
def findings(
    reference: str, actor: ActorDep, lipp: LippDep, as_of: AsOf = None, withdrawn: bool = False
) -> list[FindingView]:
    """The review's findings in priority order (with `withdrawn=true`, the withdrawn ones too)."""
    return lipp.reviews.findings(actor, reference, as_of, include_withdrawn=withdrawn)


@router.get("/reviews/{reference}/findings/{finding}", operation_id="ShowFinding")
def finding(reference: str, finding: str, actor: ActorDep, lipp: LippDep, as_of: AsOf = None) -> FindingView:
    """One finding in full: issue, causes, pattern, themes, evidence and its sharing state."""
    try:
        key = f"F{finding_number(finding)}"
    except InvalidInput as error:
        raise RequestValidationError([{"loc": ("path", "finding"), "msg": str(error), "type": "value_error"}]) from None
    views = lipp.reviews.findings(actor, reference, as_of, include_withdrawn=True)
    view = next((v for v in views if v.key == key), None)
    if view is None:
        raise NotFound(f"{reference.upper()} has no finding {key}")
    return view


@router.get("/reviews/{reference}/shareable-findings", operation_id="ShareableFindings")
def shareable(reference: str, actor: ActorDep, lipp: LippDep) -> list[FindingView]:
    """The findings cleared to travel beyond the board."""
    return lipp.reviews.shareable_findings(actor, reference)


@router.post("/redaction-check", operation_id="CheckRedaction")
def redaction_check(body: RedactionText, actor: ActorDep) -> list[TextHitView]:
    """Possible identifying details in a text, with their positions, to try wording before it is logged."""
    return redaction_hits(body.text)
