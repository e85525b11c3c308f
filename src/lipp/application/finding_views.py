"""What finding queries return, and how a review's findings become those views."""

from __future__ import annotations

from datetime import date

from lipp.application.views import View
from lipp.domain.reference.themes import read_theme
from lipp.domain.reference.typology import typology
from lipp.domain.review.aggregate import Review
from lipp.domain.review.finding import Finding


class ThemeView(View):
    """A theme as it reads today, and the name it was recorded under if it has been renamed since."""

    id: str
    name: str
    recorded_as: str


class HitView(View):
    """A possible identifying detail the redaction check found, with where it is."""

    number: int
    field: str
    kind: str
    start: int
    end: int
    text: str
    false_positive_reason: str


class FindingView(View):
    key: str
    rank: int | None
    title: str
    issue: str
    causes: str
    pattern: str
    pattern_title: str
    themes: list[ThemeView]
    agencies: list[str]
    evidence: list[str]
    withdrawn: bool
    revisions: int
    logged_on: date
    themes_version: int
    patterns_version: int
    sharing: str
    """not_checked, hits_outstanding, awaiting_approval (cleared, for a coordinator to approve), shareable
    (approved), or withheld (approved, but the review's findings are withheld during criminal proceedings)."""
    early_reason: str
    """Why a coordinator approved it before sign-off (empty otherwise)."""
    hits: list[HitView]
    free_text: dict[str, str]
    """The text the redaction check reads, by the field names its hits give."""


def finding_view(review: Review, finding: Finding) -> FindingView:
    content = finding.content
    texts = content.free_text()
    return FindingView(
        key=finding.key,
        rank=review.rank_of(finding.number),
        title=content.title,
        issue=content.issue,
        causes=content.causes,
        pattern=content.pattern,
        pattern_title=typology(finding.patterns_version).category(content.pattern).title,
        themes=[
            ThemeView(id=reading.id, name=reading.name, recorded_as=reading.recorded_as)
            for reading in (read_theme(theme_id, finding.themes_version) for theme_id in content.themes)
        ],
        agencies=[str(a) for a in content.agencies],
        evidence=list(content.evidence),
        withdrawn=finding.withdrawn,
        revisions=finding.revisions,
        logged_on=finding.logged_on,
        themes_version=finding.themes_version,
        patterns_version=finding.patterns_version,
        sharing=_sharing(review, finding),
        early_reason=finding.sharing.early_reason,
        hits=[
            HitView(
                number=hit.number,
                field=hit.field,
                kind=hit.kind,
                start=hit.start,
                end=hit.end,
                text=texts.get(hit.field, "")[hit.start : hit.end],
                false_positive_reason=hit.false_positive_reason,
            )
            for hit in finding.sharing.hits
        ],
        free_text=texts,
    )


def _sharing(review: Review, finding: Finding) -> str:
    if finding.shareable and review.findings_withheld:
        return "withheld"
    return finding.sharing.status.value


def shareable_finding_views(review: Review) -> list[FindingView]:
    """Only the findings approved to leave the board and not withheld, in priority order."""
    return [finding_view(review, review.findings[n]) for n in review.finding_order if review.travels(n)]


def finding_views(review: Review, include_withdrawn: bool) -> list[FindingView]:
    """The findings in priority order; withdrawn ones after them, when asked for."""
    ranked = [finding_view(review, review.findings[n]) for n in review.finding_order]
    if not include_withdrawn:
        return ranked
    withdrawn = [finding_view(review, f) for f in review.findings.values() if f.withdrawn]
    return ranked + withdrawn
