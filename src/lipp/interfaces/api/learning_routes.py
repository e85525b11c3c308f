"""Learning endpoints: briefings (draft, edit, render, release), deliveries (what teams record, what boards
verify), the signed acknowledgement link, and the loop metrics."""

# No `from __future__ import annotations`: FastAPI reads the body model classes built below at runtime.

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, status
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from lipp.application.learning_views import BriefingSummary, DeliveryReceipt, DeliveryView, ReleaseReceipt
from lipp.commands.fields import Command, QueryDate, RoleEmail
from lipp.commands.learning import (
    AcknowledgeDelivery,
    DraftReviewBriefing,
    DraftThemeBriefing,
    EditBriefing,
    RecordDiscussion,
    ReleaseBriefing,
    ReportPracticeChange,
    VerifyPracticeChange,
)
from lipp.interfaces.api import pages
from lipp.interfaces.api.bodies import body_model
from lipp.interfaces.api.dependencies import ActorDep, LippDep
from lipp.interfaces.api.paging import PagerDep
from lipp.learning import render
from lipp.learning.document import BriefingDocument
from lipp.projections.learning.entries import DeliveryRow, LoopMetrics
from lipp.projections.learning.queries import Slice

router = APIRouter(tags=["learning"])

EditBody = body_model(EditBriefing, ("key",))
DiscussionBody = body_model(RecordDiscussion, ("code",))
ChangeBody = body_model(ReportPracticeChange, ("code",))
VerificationBody = body_model(VerifyPracticeChange, ("code",))


class Rendering(StrEnum):
    HTML = "html"
    MARKDOWN = "markdown"
    TEXT = "text"


class ContactBody(Command):
    """The board's learning mailbox: escalations of missed deadlines go there."""

    email: RoleEmail


def _fields(body: Any, **path: str) -> dict[str, Any]:
    return {**body.model_dump(exclude_unset=True), **path}


@router.get("/briefings", operation_id="ListBriefings")
def briefings(actor: ActorDep, lipp: LippDep, pager: PagerDep) -> list[BriefingSummary]:
    """Briefings the caller may see, newest first; a page at a time."""
    return pager.page(lipp.learning.briefings(actor, pager.paging))


@router.post("/briefings/from-review", status_code=status.HTTP_201_CREATED, operation_id="DraftReviewBriefing")
def draft_from_review(command: DraftReviewBriefing, actor: ActorDep, lipp: LippDep) -> BriefingDocument:
    """Draft a briefing from a published review's shareable findings (the coordinator of its board)."""
    return lipp.learning.draft_from_review(actor, command)


@router.post("/briefings/from-theme", status_code=status.HTTP_201_CREATED, operation_id="DraftThemeBriefing")
def draft_from_theme(command: DraftThemeBriefing, actor: ActorDep, lipp: LippDep) -> BriefingDocument:
    """Draft a national briefing from a theme's shareable findings (a national body)."""
    return lipp.learning.draft_from_theme(actor, command)


@router.get("/briefings/{key}", operation_id="ShowBriefing")
def briefing(key: str, actor: ActorDep, lipp: LippDep) -> BriefingDocument:
    """The briefing document (its JSON Schema is schemas/documents/Briefing.json)."""
    return lipp.learning.briefing(actor, key)


@router.get("/briefings/{key}/rendering", operation_id="RenderBriefing", response_class=PlainTextResponse)
def rendering(key: str, actor: ActorDep, lipp: LippDep, format: Rendering = Rendering.HTML) -> Response:
    """The briefing as an HTML page, Markdown or plain text."""
    document = lipp.learning.briefing(actor, key)
    if format is Rendering.HTML:
        return HTMLResponse(render.html(document))
    text = render.markdown(document) if format is Rendering.MARKDOWN else render.text(document)
    return PlainTextResponse(text, media_type="text/markdown" if format is Rendering.MARKDOWN else "text/plain")


@router.patch("/briefings/{key}", operation_id="EditBriefing")
def edit(key: str, body: EditBody, actor: ActorDep, lipp: LippDep) -> BriefingDocument:  # type: ignore[valid-type]
    """Replace the sections given; new text passes the redaction check."""
    return lipp.learning.edit(actor, EditBriefing.model_validate(_fields(body, key=key)))


@router.post("/briefings/{key}/release", operation_id="ReleaseBriefing")
def release(key: str, actor: ActorDep, lipp: LippDep) -> ReleaseReceipt:
    """Release the briefing to every team whose subscriptions match."""
    return lipp.learning.release(actor, ReleaseBriefing.model_validate({"key": key}))


@router.get("/deliveries", operation_id="ListDeliveries")
def deliveries(
    actor: ActorDep, lipp: LippDep, pager: PagerDep, briefing: str | None = None, state: str | None = None
) -> list[DeliveryRow]:
    """Deliveries the caller may see: their team's, or their board's teams', newest first; a page at a time."""
    return pager.page(lipp.deliveries.deliveries(actor, briefing.lower() if briefing else None, state, pager.paging))


@router.get("/deliveries/{code}", operation_id="ShowDelivery")
def delivery(code: str, actor: ActorDep, lipp: LippDep) -> DeliveryView:
    """One delivery, what is owed by when, and its history."""
    return lipp.learning.delivery(actor, code)


@router.post("/deliveries/{code}/acknowledgement", operation_id="AcknowledgeDelivery")
def acknowledge(code: str, actor: ActorDep, lipp: LippDep) -> DeliveryReceipt:
    """Acknowledge a briefing the caller's team received; a repeat changes nothing (`changed` is false)."""
    return lipp.learning.acknowledge(actor, AcknowledgeDelivery.model_validate({"code": code}))


@router.post("/deliveries/{code}/discussion", operation_id="RecordDiscussion")
def discuss(code: str, body: DiscussionBody, actor: ActorDep, lipp: LippDep) -> DeliveryReceipt:  # type: ignore[valid-type]
    """Record that the team used the briefing, with its reflections."""
    return lipp.learning.record_discussion(actor, RecordDiscussion.model_validate(_fields(body, code=code)))


@router.post("/deliveries/{code}/practice-change", operation_id="ReportPracticeChange")
def report_change(code: str, body: ChangeBody, actor: ActorDep, lipp: LippDep) -> DeliveryReceipt:  # type: ignore[valid-type]
    """Report what changed in the team's practice."""
    return lipp.learning.report_change(actor, ReportPracticeChange.model_validate(_fields(body, code=code)))


@router.post("/deliveries/{code}/verification", operation_id="VerifyPracticeChange")
def verify(code: str, body: VerificationBody, actor: ActorDep, lipp: LippDep) -> DeliveryReceipt:  # type: ignore[valid-type]
    """Verify a team's reported change (the coordinator of its board)."""
    return lipp.learning.verify(actor, VerifyPracticeChange.model_validate(_fields(body, code=code)))


@router.get(
    "/acknowledge",
    operation_id="AcknowledgementPage",
    response_class=HTMLResponse,
    responses={403: {"content": {"text/html": {}}, "description": "An altered or expired link: a page saying so"}},
)
def acknowledgement_page(
    request: Request,
    token: Annotated[str, Query(min_length=10, max_length=200, description="The link's token")],
) -> HTMLResponse:
    """What a browser opening the e-mail's link sees: the briefing and the team it names, and a button that
    acknowledges; an altered or expired link is refused (403) before any button. Opening the link changes
    nothing, so mail scanners that follow links acknowledge nothing."""
    from lipp.interfaces.web.team_pages import link_page

    return link_page(request, token)


@router.post(
    "/acknowledge",
    operation_id="AcknowledgeByLink",
    response_model=DeliveryReceipt,
    responses={200: {"content": {"text/html": {}}, "description": "The receipt; a page for a browser"}},
)
def acknowledge_by_link(
    request: Request,
    lipp: LippDep,
    token: Annotated[str, Query(min_length=10, max_length=200, description="The link's token")],
) -> Any:
    """The signed link in a briefing's e-mail: acknowledges without a login. Altered links get 403, expired
    links 403 saying so; a repeat changes nothing. A browser (asking for HTML) gets a page saying what happened."""
    receipt = lipp.learning.acknowledge_by_link(token)
    if not pages.wants_html(request):
        return receipt
    from lipp.interfaces.web.team_pages import link_receipt_page

    title = "Briefing acknowledged" if receipt.changed else "Already acknowledged"
    return link_receipt_page(request, title, receipt.message, receipt.briefing, receipt.team)


@router.get("/learning/metrics", operation_id="LoopMetrics")
def metrics(
    actor: ActorDep,
    lipp: LippDep,
    board: str | None = None,
    agency: str | None = None,
    theme: str | None = None,
    briefing: str | None = None,
    from_date: QueryDate | None = None,
    to_date: QueryDate | None = None,
) -> LoopMetrics:
    """Reach, median times to acknowledge and to practice change, share verified (a coordinator: their board)."""
    part = Slice(board, agency, theme, briefing.lower() if briefing else None, from_date, to_date)
    return lipp.deliveries.metrics(actor, part)


@router.put("/boards/{code}/learning-contact", operation_id="SetBoardLearningContact")
def set_contact(code: str, body: ContactBody, actor: ActorDep, lipp: LippDep) -> ContactBody:
    """Set the board's learning mailbox (an admin or the board's coordinator)."""
    return ContactBody(email=lipp.registry.set_board_contact(actor, code, body.email))
