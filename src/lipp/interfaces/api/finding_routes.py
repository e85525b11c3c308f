"""Finding endpoints: the lead reviewer logs, revises, re-ranks and withdraws findings; sharing them beyond
the board goes through the redaction check."""

# No `from __future__ import annotations`: FastAPI reads the body model classes built below at runtime.

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError

from lipp.application.finding_views import FindingView
from lipp.application.reference_views import TextHitView, redaction_hits
from lipp.bootstrap import Lipp
from lipp.commands.fields import Command, FreeText, QueryDate
from lipp.domain.actors import Actor
from lipp.domain.errors import InvalidInput, NotFound
from lipp.domain.review.finding import finding_number
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.interfaces.catalogue import findings as finding_catalogue
from lipp.interfaces.catalogue.api import add_routes

router = APIRouter(tags=["findings"])

AsOf = Annotated[QueryDate | None, Query(description="Show them as they stood at the end of this date")]
Run = Callable[[Lipp, Actor, Any], Any]


class RedactionText(Command):
    """A text to try against the redaction check."""

    text: FreeText


add_routes(router, finding_catalogue.ENTRIES)  # the commands, declared in the catalogue


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
