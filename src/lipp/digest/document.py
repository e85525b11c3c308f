"""The national theme digest as a document: what the JSON holds and the HTML and Markdown show."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class Part(BaseModel):
    """Fields added by a later method have a default and are set only by that method; the JSON leaves out what
    was never set, so a digest of an earlier method renders as it was issued (`render.as_json`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


Count = int | str
"""A count as a national reader may see it: the number, "fewer than 5" or "suppressed" (method 3 on)."""


class PeriodInfo(Part):
    start: date
    end: date
    label: str


class BuiltFrom(Part):
    """What the digest was computed from: enough to compute it again byte for byte."""

    method: int = Field(description="The version of the computation and rendering")
    position: int = Field(description="The notification-log position the digest saw history up to")
    themes_version: int
    patterns_version: int
    markers_version: int
    issued_on: date = Field(description="The day it was issued: actions open past their due date then are overdue")
    requested_by: str | None = Field(
        default=None, description="Who asked for it: a user, or 'schedule' when the schedule ran it (method 3 on)"
    )
    disclosure_threshold: int | None = Field(
        default=None, description="Counts from 1 to this less one are shown as 'fewer than N' (method 3 on)"
    )


class ReviewRow(Part):
    board: str
    incident_kind: str
    notified: Count
    decided: Count
    local_review_decisions: Count
    published: Count
    signed_off: Count | None = None


class ReviewSection(Part):
    """Reviews notified, decided (rapid review), signed off (method 3 on) and published in the period, by board and
    incident kind (small numbers suppressed from method 3 on)."""

    totals: ReviewRow
    rows: list[ReviewRow]


class CountLine(Part):
    """A theme or pattern category: findings in the period, their share, and the earlier periods' figures."""

    id: str
    name: str
    count: int
    share: float | None = Field(
        description="Of the period's findings, the share with it (a finding may have several themes); "
        "none when the period has no findings (method 3 on)"
    )
    previous_counts: list[int]
    previous_shares: list[float | None] = Field(description="None for an earlier period with no findings (method 3)")
    change: float | None = Field(
        description="Method 1-2: share now minus the mean share of the earlier periods. Method 3: share now minus "
        "the share over the earlier periods that had findings (pooled), none when there is nothing to compare. "
        "In percentage points"
    )


class EmergingResult(Part):
    theme_id: str
    name: str
    count: int
    earlier: int
    expected: float
    p_value: float
    q_value: float
    emerging: bool


class EmergingSection(Part):
    """Themes whose rate rose, judged by a stated test with a correction for testing every theme."""

    test: str
    q_threshold: float
    periods_compared: int
    results: list[EmergingResult]
    emerging: list[str]
    unit: str | None = Field(default=None, description="What is counted: 'reviews' carrying the theme (method 3)")


class CauseLine(Part):
    pattern: str
    title: str
    count: int


class LeadingTheme(Part):
    """A leading theme and what lies under it: its findings' pattern categories and stated causes (cleared only)."""

    theme_id: str
    name: str
    count: int
    patterns: list[CauseLine]
    cause_statements: list[str]


class MarkerLine(Part):
    number: int
    title: str
    met: int
    partly_met: int
    not_met: int
    not_applicable: int
    not_met_share: float


class MarkerSection(Part):
    """Quality-marker ratings given in the period across boards (each review's latest rating)."""

    boards: int
    ratings: int
    lines: list[MarkerLine]
    most_often_not_met: list[int]


class Exemplar(Part):
    """A finding cleared as shareable (method 3 on: approved by its board), shown without any case or review
    reference. Method 3: `board` is empty when the board had few reviews in the period, and `year` is the year its
    review was signed off (none when approved before sign-off)."""

    theme_id: str
    board: str
    year: int | None
    title: str
    issue: str
    causes: str


class ActionLine(Part):
    reference: str
    body: str
    owner: str
    description: str
    due_on: date
    status: str
    overdue: bool
    progress_notes: int
    last_note: str
    outcome: str


class ThemeActions(Part):
    theme_id: str
    name: str
    actions: list[ActionLine]


class ReachLine(Part):
    theme_id: str
    name: str
    teams_targeted: int
    acknowledged: int
    practice_change_verified: int


class ReachSection(Part):
    measured: bool
    note: str
    lines: list[ReachLine]


class BoardFindings(Part):
    """Findings logged in the period per board, small numbers suppressed (method 3 on)."""

    board: str
    findings: Count


class PeriodSummary(Part):
    """What happened in the period in a few numbers (method 3 on)."""

    reviews_signed_off: Count
    findings_cleared: int = Field(description="Findings of the period approved by their boards to share")
    findings_by_board: list[BoardFindings]
    findings_by_board_total: Count


class DigestDocument(Part):
    """The national theme digest for one period."""

    title: str
    period: PeriodInfo
    compared_with: list[PeriodInfo]
    built_from: BuiltFrom
    findings_in_period: int
    reviews: ReviewSection
    themes: list[CountLine]
    patterns: list[CountLine]
    emerging: EmergingSection
    leading_themes: list[LeadingTheme]
    markers: MarkerSection
    exemplars: list[Exemplar]
    actions: list[ThemeActions]
    learning_reach: ReachSection
    summary: PeriodSummary | None = None
    methods: list[str] | None = Field(default=None, description="How change and emerging themes are judged")
    disclosure_control: str | None = Field(default=None, description="How small numbers are kept from view")
