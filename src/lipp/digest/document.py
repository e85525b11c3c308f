"""The national theme digest as a document: what the JSON holds and the HTML and Markdown show."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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


class ReviewRow(Part):
    board: str
    incident_kind: str
    notified: int
    decided: int
    local_review_decisions: int
    published: int


class ReviewSection(Part):
    """Reviews notified, decided (rapid review) and published in the period, by board and incident kind."""

    totals: ReviewRow
    rows: list[ReviewRow]


class CountLine(Part):
    """A theme or pattern category: findings in the period, their share, and the earlier periods' figures."""

    id: str
    name: str
    count: int
    share: float = Field(description="Of the period's findings, the share with it (a finding may have several themes)")
    previous_counts: list[int]
    previous_shares: list[float]
    change: float = Field(description="Share now minus the mean share of the earlier periods, in percentage points")


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
    """A finding cleared as shareable, shown without any case or review reference."""

    theme_id: str
    board: str
    year: int
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
