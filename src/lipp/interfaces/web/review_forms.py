"""The review's steps, its findings and its quality markers as pages: one form per catalogue entry, at the API's
path under /app (reviews.py, findings.py and markers.py in the catalogue declare them; nothing is declared here
but what each page shows beside its form and where success goes)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter

from lipp.bootstrap import Lipp
from lipp.domain.actors import Actor
from lipp.domain.review import access
from lipp.domain.review.finding import free_text_of
from lipp.interfaces.catalogue import findings, markers, plans, reviews
from lipp.interfaces.catalogue.entry import Entry
from lipp.interfaces.web.context import PageNotFound
from lipp.interfaces.web.form_routes import Check, Context, FormPage, add_form_pages
from lipp.interfaces.web.forms import StepForm
from lipp.interfaces.web.highlight import Span, check_texts, marked_texts
from lipp.interfaces.web.pages import WebRoute

router = APIRouter(route_class=WebRoute, include_in_schema=False)
CHECK = "Check for identifying details"
NO_BOARD = UUID(int=0)


def done_at(entry: Entry, anchor: str = "") -> Any:
    """Back to the review's page, which says what was done (by the entry's name: nothing the person typed)."""
    return lambda result, values: f"/app/reviews/{result.reference}?done={entry.group}-{entry.name}{anchor}"


def review_context(lipp: Lipp, actor: Actor, values: dict[str, Any]) -> dict[str, Any]:
    """The review as the person may see it (GET /reviews/{reference}), and its timeline, newest first."""
    reference = values["reference"]
    return {
        "review": lipp.reviews.review(actor, reference),
        "timeline": list(reversed(lipp.reviews.timeline(actor, reference))),
    }


def review_version(context: dict[str, Any]) -> int:
    version: int = context["review"].version
    return version


def appoint_context(lipp: Lipp, actor: Actor, values: dict[str, Any]) -> dict[str, Any]:
    """With the register's reviewers for the case (GET /reviews/{reference}/suitable-reviewers?all=true)."""
    suggestions = lipp.reviews.suitable_reviewers(actor, values["reference"], include_unsuitable=True)
    return {**review_context(lipp, actor, values), "suggestions": suggestions}


def best_reviewer(lipp: Lipp, actor: Actor, values: dict[str, Any], query: dict[str, str]) -> dict[str, Any]:
    chosen = query.get("reviewer", "")
    return {"reviewer": chosen} if chosen else {}


def finding_context(lipp: Lipp, actor: Actor, values: dict[str, Any]) -> dict[str, Any]:
    """With the finding (its recorded hits marked in its text) and the others, as GET .../findings shows them."""
    context = review_context(lipp, actor, values)
    views = lipp.reviews.findings(actor, values["reference"], include_withdrawn=True)
    context["findings"] = views
    key = str(values.get("finding", "")).upper()
    if key:
        view = next((v for v in views if v.key == key), None)
        if view is None:
            raise PageNotFound(f"{values['reference']} has no finding {key}")
        spans: dict[str, list[Span]] = {}
        for hit in view.hits:
            spans.setdefault(hit.field, []).append(
                Span(hit.start, hit.end, hit.number, hit.kind.replace("_", " "), bool(hit.false_positive_reason))
            )
        context["finding"] = view
        context["recorded_hits"] = marked_texts(view.free_text, spans)
    return context


def current_content(lipp: Lipp, actor: Actor, values: dict[str, Any], query: dict[str, str]) -> dict[str, Any]:
    """A revision starts from the finding as it stands."""
    views = lipp.reviews.findings(actor, values["reference"], include_withdrawn=True)
    view = next((v for v in views if v.key == str(values["finding"]).upper()), None)
    if view is None:
        return {}
    return {
        "title": view.title,
        "issue": view.issue,
        "causes": view.causes,
        "pattern": view.pattern,
        "themes": [t.id for t in view.themes],
        "agencies": view.agencies,
        "evidence": view.evidence,
    }


def current_order(lipp: Lipp, actor: Actor, values: dict[str, Any], query: dict[str, str]) -> dict[str, Any]:
    return {"order": [v.key for v in lipp.reviews.findings(actor, values["reference"])]}


def hit_asked(lipp: Lipp, actor: Actor, values: dict[str, Any], query: dict[str, str]) -> dict[str, Any]:
    return {"hit": query["hit"]} if query.get("hit", "").isdigit() else {}


def check_draft(
    lipp: Lipp, actor: Actor, form: StepForm, fields: dict[str, Any], values: dict[str, Any]
) -> dict[str, Any]:
    """The redaction check on the text as typed, before anything is saved."""
    texts = free_text_of(
        str(fields.get("title", "")),
        str(fields.get("issue", "")),
        str(fields.get("causes", "")),
        list(fields.get("evidence", [])),
    )
    return {"checked": check_texts({k: v for k, v in texts.items() if v})}


def marker_context(lipp: Lipp, actor: Actor, values: dict[str, Any]) -> dict[str, Any]:
    """With the marker's statement and questions, its rating so far, and what the gates still need."""
    number = values["marker"]
    guide = next((g for g in lipp.reviews.marker_guide() if g.number == number), None)
    if guide is None:
        raise PageNotFound(f"there is no quality marker {number}: they are numbered 1 to 18")
    quality = lipp.reviews.quality_markers(actor, values["reference"])
    rating = next(m for m in quality.markers if m.number == number)
    return {**review_context(lipp, actor, values), "guide": guide, "rating": rating, "gates": quality.gates}


def current_rating(lipp: Lipp, actor: Actor, values: dict[str, Any], query: dict[str, str]) -> dict[str, Any]:
    quality = lipp.reviews.quality_markers(actor, values["reference"])
    rating = next((m for m in quality.markers if m.number == values["marker"]), None)
    if rating is None or rating.rating is None:
        return {}
    return {"rating": rating.rating, "evidence": rating.evidence, "mitigation": rating.mitigation}


def notify_context(lipp: Lipp, actor: Actor, values: dict[str, Any]) -> dict[str, Any]:
    """Only a board's coordinator may notify (require_may_notify, as POST /reviews asks)."""
    access.require_may_notify(actor, actor.board_id or NO_BOARD)  # someone of no board is refused, as the API refuses
    return {}


def own_board(lipp: Lipp, actor: Actor, values: dict[str, Any], query: dict[str, str]) -> dict[str, Any]:
    """A coordinator notifies for their own board (as the CLI fills it in)."""
    return {"board": lipp.registry.board_by_id(actor.board_id).code} if actor.board_id else {}


def _step(
    entry: Entry,
    anchor: str = "",
    context: Context = review_context,
    defaults: Any = None,
    check: tuple[str, str, Check] | None = None,
) -> FormPage:
    return FormPage(
        entry=entry,
        done_at=done_at(entry, anchor),
        context=context,
        defaults=defaults,
        version_of=review_version,
        check=check,
    )


SPECIAL: dict[str, dict[str, Any]] = {
    "review appoint": {"context": appoint_context, "defaults": best_reviewer},
    "finding log": {"context": finding_context, "check": (CHECK, "check", check_draft), "anchor": "#findings"},
    "finding revise": {
        "context": finding_context,
        "defaults": current_content,
        "check": (CHECK, "check", check_draft),
        "anchor": "#findings",
    },
    "finding rank": {"context": finding_context, "defaults": current_order, "anchor": "#findings"},
    "finding withdraw": {"context": finding_context, "anchor": "#findings"},
    "finding share": {"context": finding_context, "anchor": "#findings"},
    "finding confirm": {"context": finding_context, "defaults": hit_asked, "anchor": "#findings"},
    "marker assess": {"context": marker_context, "defaults": current_rating, "anchor": "#markers"},
}


def form_pages() -> list[FormPage]:
    """Every review, finding and marker entry's page."""
    pages = [
        FormPage(
            entry=reviews.NOTIFY,
            done_at=lambda result, values: f"/app/reviews/{result.reference}?done=review-notify",
            defaults=own_board,
            context=notify_context,
        )
    ]
    for entry in reviews.ENTRIES + findings.ENTRIES + markers.ENTRIES:
        if entry is reviews.NOTIFY:
            continue
        pages.append(_step(entry, **SPECIAL.get(f"{entry.group} {entry.name}", {})))
    for entry in plans.ENTRIES:
        if "{reference}" in entry.http.path and entry.group == "recommendation":
            pages.append(_step(entry, anchor="#plan"))
        else:  # an action is its own aggregate: its page goes back to its review's
            pages.append(
                FormPage(
                    entry=entry,
                    done_at=_back_to_the_actions_review(entry),
                    context=review_context if "{reference}" in entry.http.path else _nothing_more,
                )
            )
    return pages


def _back_to_the_actions_review(entry: Entry) -> Any:
    return lambda result, values: f"/app/reviews/{result.review}?done={entry.group}-{entry.name}#plan"


def _nothing_more(lipp: Lipp, actor: Actor, values: dict[str, Any]) -> dict[str, Any]:
    return {}


PAGES = form_pages()
add_form_pages(router, PAGES)
