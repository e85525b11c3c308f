"""The national body's pages: the findings library with its facets, the national theme digests, the quality
marker results and the Alliance's actions. Each asks the application services its API route asks, as the
signed-in person."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from lipp.application.digests import RebuiltDigestDiffers
from lipp.application.reference_views import patterns_view
from lipp.digest.charts import bars
from lipp.domain.actors import Role
from lipp.domain.errors import InvalidInput
from lipp.interfaces.web.charts import marker_chart
from lipp.interfaces.web.context import signed_in, web_of
from lipp.interfaces.web.pages import WebRoute, done_message, page
from lipp.interfaces.web.paging import Pages
from lipp.interfaces.web.templates import NO_STORE
from lipp.projections.findings.entries import FoundFinding

router = APIRouter(prefix="/app", route_class=WebRoute, include_in_schema=False)

PER_PAGE = 20
SEARCHED = 1000  # the library route's own most: facets count over the findings it would give
FILTERS = ("q", "theme", "pattern", "agency", "board", "year")


class BadLibraryFilter(InvalidInput):
    """A library filter that is not one lipp can read."""


@dataclass(frozen=True)
class FacetValue:
    value: str
    text: str
    count: int
    href: str
    chosen: bool


@dataclass(frozen=True)
class Facet:
    name: str
    title: str
    values: list[FacetValue]


def _period(year: str) -> tuple[date | None, date | None]:
    if not year:
        return None, None
    if not (year.isdigit() and len(year) == 4):
        raise BadLibraryFilter(f"the year '{year}' is not a year such as 2026")
    return date(int(year), 1, 1), date(int(year), 12, 31)


def _facets(found: list[FoundFinding], chosen: dict[str, str]) -> list[Facet]:
    """Each facet's values among the findings found, with how many findings have each; a link adds it (or
    removes it, when it is the one chosen)."""
    pattern_names = {p.id: f"{p.number}. {p.title}" for p in patterns_view()}
    counted: dict[str, Counter[tuple[str, str]]] = {name: Counter() for name in ("theme", "pattern", "agency")}
    counted["board"], counted["year"] = Counter(), Counter()
    for finding in found:
        for theme_id, name in zip(finding.theme_ids, finding.themes, strict=False):
            counted["theme"][(theme_id, name)] += 1
        counted["pattern"][(finding.pattern, pattern_names.get(finding.pattern, finding.pattern))] += 1
        for agency in finding.agencies:
            counted["agency"][(agency, agency.replace("_", " ").capitalize())] += 1
        counted["board"][(finding.board, finding.board)] += 1
        counted["year"][(str(finding.year), str(finding.year))] += 1
    titles = {"theme": "Theme", "pattern": "Pattern category", "agency": "Agency", "board": "Board", "year": "Period"}
    facets = []
    for name, counter in counted.items():
        values = []
        ordered = sorted(counter.items(), key=lambda item: (-item[1], item[0][1]))
        if name == "year":
            ordered = sorted(counter.items(), reverse=True)
        for (value, text), count in ordered:
            is_chosen = chosen.get(name, "").lower() == value.lower()
            wanted = {**chosen, name: "" if is_chosen else value}
            values.append(FacetValue(value, text, count, _library_link(wanted), is_chosen))
        facets.append(Facet(name, titles[name], values))
    return facets


def _library_link(criteria: dict[str, str], page_number: int = 1) -> str:
    query = {k: v for k, v in criteria.items() if v}
    if page_number > 1:
        query["page"] = str(page_number)
    return "/app/library" + (f"?{urlencode(query)}" if query else "")


def _pagination(criteria: dict[str, str], number: int, pages: int) -> dict[str, Any] | None:
    """The GOV.UK pagination component's parameters (web/paging.py), or None for a single page."""
    if pages <= 1:
        return None
    query = {k: v for k, v in criteria.items() if v}
    return Pages.of(pages * PER_PAGE, str(number), PER_PAGE, "/app/library", query).component("Pages of findings")


@router.get("/library")
def library(request: Request) -> HTMLResponse:
    """The findings library (GET /findings): words to find, facets with their counts, a page at a time."""
    actor = signed_in(request)
    lipp = web_of(request).lipp
    params = request.query_params
    criteria = {name: params.get(name, "").strip()[:500] for name in FILTERS}
    number = int(params["page"]) if params.get("page", "").isdigit() and int(params["page"]) > 0 else 1
    start, end = _period(criteria["year"])
    found = lipp.library.search_findings(
        actor,
        criteria["q"] or None,
        criteria["theme"] or None,
        criteria["pattern"] or None,
        criteria["agency"] or None,
        criteria["board"] or None,
        start,
        end,
        SEARCHED,
    )
    pages = max(1, -(-len(found) // PER_PAGE))
    number = min(number, pages)
    shown = found[(number - 1) * PER_PAGE : number * PER_PAGE]
    return page(
        request,
        "library.html",
        actor,
        title="Findings library",
        criteria=criteria,
        found=shown,
        total=len(found),
        capped=len(found) >= SEARCHED,
        first=(number - 1) * PER_PAGE + 1,
        facets=_facets(found, criteria),
        pagination=_pagination(criteria, number, pages),
        chosen=[(name, value, _library_link({**criteria, name: ""})) for name, value in criteria.items() if value],
        pattern_names={p.id: f"{p.number}. {p.title}" for p in patterns_view()},
    )


@router.get("/digests")
def digests(request: Request) -> HTMLResponse:
    """Issued national theme digests, newest period first (GET /digests)."""
    actor = signed_in(request)
    found = web_of(request).lipp.digests.digests(actor)
    return page(request, "digests.html", actor, title="National theme digests", digests=found, ran=None)


def _rebuilt(request: Request, digest_id: str) -> Any:
    actor = signed_in(request)
    lipp = web_of(request).lipp
    view, computed = lipp.digests.rebuild(actor, digest_id)
    if computed.rendered.content_hash != view.content_hash:
        raise RebuiltDigestDiffers(f"digest {view.id} no longer rebuilds to the content it was issued with")
    return actor, view, computed


@router.get("/digests/{digest_id}")
def digest(request: Request, digest_id: str) -> HTMLResponse:
    """One digest inside the app (GET /digests/{id}/document): its sections and charts, each chart with its
    table beside it, and the JSON and Markdown to download."""
    actor, view, computed = _rebuilt(request, digest_id)
    document = computed.document
    charts = {
        "themes": bars([(t.name, t.count) for t in document.themes if t.count], "Findings per theme"),
        "patterns": bars([(p.name, p.count) for p in document.patterns], "Findings per pattern category"),
    }
    return page(request, "digest.html", actor, title=document.title, view=view, d=document, charts=charts)


@router.get("/digests/{digest_id}/digest.{kind}")
def digest_download(request: Request, digest_id: str, kind: str) -> Response:
    """The digest as issued, to download: `json` or `md` (computed again from its position, byte for byte)."""
    _, view, computed = _rebuilt(request, digest_id)
    if kind not in ("json", "md"):
        raise BadLibraryFilter("a digest downloads as digest.json or digest.md")
    body = computed.rendered.json if kind == "json" else computed.rendered.markdown
    media = "application/json" if kind == "json" else "text/markdown; charset=utf-8"
    headers = {**NO_STORE, "Content-Disposition": f'attachment; filename="digest-{view.label}.{kind}"'}
    return Response(body, media_type=media, headers=headers)


@router.get("/marker-results")
def marker_results(request: Request) -> HTMLResponse:
    """Per quality marker, how reviews rate it (GET /quality-markers/results), as a chart and as a table."""
    actor = signed_in(request)
    lipp = web_of(request).lipp
    board = request.query_params.get("board", "").strip()[:16]
    year = request.query_params.get("year", "").strip()
    start, end = _period(year)
    results = lipp.marker_results.marker_results(actor, board or None, start, end)
    boards = lipp.registry.boards()
    return page(
        request,
        "marker_results.html",
        actor,
        title="Quality marker results",
        results=results,
        chart=marker_chart(results) if any(r.assessed not in (0, None) for r in results) else "",
        board=board,
        year=year,
        boards=[{"value": "", "text": "All boards"}]
        + [{"value": b.code, "text": f"{b.name} ({b.code})", "selected": b.code == board.upper()} for b in boards],
    )


STATUSES = ("open", "overdue", "completed", "withdrawn")


@router.get("/alliance/actions")
def alliance_actions(request: Request) -> HTMLResponse:
    """The Alliance's actions (GET /alliance/actions), by status, overdue ones marked."""
    actor = signed_in(request)
    lipp = web_of(request).lipp
    status = request.query_params.get("status", "")
    status = status if status in STATUSES else ""
    found = lipp.alliance.actions(actor, status=status or None)
    overdue_first = sorted(found, key=lambda a: (not a.overdue, a.status != "open", a.due_on, a.reference))
    return page(
        request,
        "alliance_actions.html",
        actor,
        title="Alliance actions",
        actions=overdue_first,
        status=status,
        statuses=STATUSES,
        may_commit=actor.role in (Role.NATIONAL_BODY, Role.ADMIN),
    )


@router.get("/alliance/actions/{reference}")
def alliance_action(request: Request, reference: str) -> HTMLResponse:
    """One action with its progress (GET /alliance/actions/{action})."""
    actor = signed_in(request)
    view = web_of(request).lipp.alliance.action(actor, reference)
    return page(
        request,
        "alliance_action.html",
        actor,
        title=f"Alliance action {view.reference}",
        action=view,
        done=done_message(request),
        may_act=actor.role in (Role.NATIONAL_BODY, Role.ADMIN),
    )
