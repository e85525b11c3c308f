"""What the learning queries and commands return."""

from __future__ import annotations

import re
from datetime import date, datetime
from uuid import UUID

from lipp.application.views import View
from lipp.domain.learning.briefing import Briefing, Source
from lipp.domain.reference.themes import read_theme, theme_list
from lipp.learning.document import BriefingDocument, BriefingTheme


class BriefingSummary(View):
    key: str
    title: str
    source: str
    scope: str
    board: str | None
    status: str
    released_on: date | None
    teams_addressed: int


class ReleaseReceipt(View):
    key: str
    released_on: date
    teams_addressed: int


class DeliveryReceipt(View):
    """What a step on a delivery returns; `changed` is False when it was already recorded (nothing changed)."""

    code: str
    briefing: str
    team: str
    state: str
    changed: bool
    message: str


class DeliveryEvent(View):
    recorded_at: datetime
    what: str


class DeliveryView(View):
    """One delivery with its history."""

    delivery_id: UUID
    code: str
    briefing: str
    team: str
    board: str
    state: str
    owed: str | None
    due_on: date | None
    history: list[DeliveryEvent]


def review_reference_hidden(reference: str) -> str:
    """What a reader outside the board sees of a review's reference: the board's code and the year only."""
    board, _, rest = reference.partition("-")
    return f"{board}-{rest.partition('-')[0]}"


def briefing_document(briefing: Briefing, board_code: str | None, *, outsider: bool = False) -> BriefingDocument:
    """The briefing as `BriefingDocument`; for an `outsider` (a reader outside the review's board) every mention
    of the review's reference is replaced by its board code and year."""
    document = _document(briefing, board_code)
    if not outsider or briefing.source is not Source.REVIEW:
        return document
    reference = briefing.source_reference
    hidden = review_reference_hidden(reference)
    pattern = re.compile(re.escape(reference), re.IGNORECASE)

    def hide(text: str) -> str:
        return pattern.sub(hidden, text)

    return document.model_copy(
        update={
            "source_reference": hidden,
            "title": hide(document.title),
            "background": hide(document.background),
            "why_it_matters": hide(document.why_it_matters),
            "key_information": [hide(t) for t in document.key_information],
            "remember": [hide(t) for t in document.remember],
            "what_to_do": [hide(t) for t in document.what_to_do],
            "questions": [hide(t) for t in document.questions],
        }
    )


def _document(briefing: Briefing, board_code: str | None) -> BriefingDocument:
    content = briefing.content
    version = theme_list().version
    return BriefingDocument(
        key=briefing.key,
        title=content.title,
        source=briefing.source.value,
        source_reference=briefing.source_reference,
        scope=briefing.scope.value,
        board=board_code,
        themes=[BriefingTheme(id=t, name=read_theme(t, version).name) for t in briefing.theme_ids],
        agencies=list(briefing.agencies),
        status="released" if briefing.released else "draft",
        released_on=briefing.released_on,
        teams_addressed=briefing.teams_addressed,
        background=content.background,
        why_it_matters=content.why_it_matters,
        key_information=list(content.key_information),
        remember=list(content.remember),
        what_to_do=list(content.what_to_do),
        questions=list(content.questions),
    )
