"""The digest's numbers against small datasets counted by hand."""

from __future__ import annotations

from datetime import date

import pytest

from lipp.digest import compute as computing
from lipp.digest.document import DigestDocument
from lipp.digest.inputs import DigestInputs
from lipp.digest.periods import Period, PeriodEndsBeforeItStarts, last_complete_quarter
from lipp.digest.reach import LearningReach, ThemeReach
from lipp.projections.digest_facts.entries import ActionFact, MarkerFact, ReviewCount
from tests.digest.facts import Q1_2026, finding, inputs


def compute(inputs: DigestInputs, reach: LearningReach | None = None) -> DigestDocument:
    """Method 2, as digests issued under it still compute (method 3: tests/digest/test_truthful.py)."""
    return computing.compute(inputs, reach, method=2)


def _sample() -> list:  # type: ignore[type-arg]
    return [
        finding(date(2025, 11, 3), "NT04"),
        finding(date(2025, 12, 1), "NT05", pattern="family-professional"),
        finding(date(2026, 1, 12), "NT04", "NT13", shareable=True, board="EMR"),
        finding(date(2026, 2, 2), "NT04", pattern="judgement-reasoning"),
        finding(date(2026, 3, 30), "NT05", pattern="family-professional", shareable=True),
        finding(date(2026, 3, 31), "NT13"),
        finding(date(2026, 4, 1), "NT05"),  # after the period: not counted
    ]


def test_themes_are_counted_with_their_share_and_change_against_the_earlier_quarters() -> None:
    document = compute(inputs(_sample()))

    assert document.findings_in_period == 4
    assert [p.label for p in document.compared_with] == ["2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4"]
    lines = {t.id: t for t in document.themes}
    babies = lines["NT04"]
    assert (babies.count, babies.share, babies.previous_counts) == (2, 0.5, [0, 0, 0, 1])
    assert babies.previous_shares == [0.0, 0.0, 0.0, 0.5]
    assert babies.change == 37.5  # 50% now against a mean of 12.5% before
    assert (lines["NT13"].count, lines["NT05"].count, lines["NT17"].count) == (2, 1, 0)
    assert [t.id for t in document.themes[:3]] == ["NT04", "NT13", "NT05"]  # by count, then id
    patterns = {p.id: p.count for p in document.patterns}
    assert patterns == {
        "multi-agency-crisis": 2,
        "judgement-reasoning": 1,
        "family-professional": 1,
        "human-tool": 0,
        "human-management-system": 0,
        "multi-agency-longer-term": 0,
    }


def test_a_theme_renamed_between_periods_counts_as_one_theme_under_its_current_name() -> None:
    renamed = compute(inputs(_sample(), themes_version=2))
    before = compute(inputs(_sample(), themes_version=1))

    [babies] = [t for t in renamed.themes if t.id == "NT04"]
    assert babies.name == "Babies under one: vulnerability and risk"
    assert (babies.count, babies.previous_counts[-1]) == (2, 1)
    assert [t.name for t in before.themes if t.id == "NT04"] == ["Vulnerability of babies"]
    assert len([t for t in renamed.themes if "abies" in t.name]) == 1
    assert renamed.leading_themes[0].name == "Babies under one: vulnerability and risk"


def test_leading_themes_show_their_pattern_categories_and_only_cleared_causes_and_exemplars() -> None:
    document = compute(inputs(_sample()))

    babies = document.leading_themes[0]
    assert [(p.pattern, p.count) for p in babies.patterns] == [("judgement-reasoning", 1), ("multi-agency-crisis", 1)]
    assert babies.cause_statements == ["Cause of 2026-01-12."]  # the one cleared finding of the two
    assert [(e.theme_id, e.board, e.year, e.title) for e in document.exemplars] == [
        ("NT04", "EMR", 2026, "Finding of 2026-01-12"),
        ("NT05", "NVL", 2026, "Finding of 2026-03-30"),
    ]


def test_a_period_with_no_reviews_gives_an_empty_digest_not_an_error() -> None:
    document = compute(inputs([], period=Period(date(2030, 1, 1), date(2030, 3, 31))))

    assert document.findings_in_period == 0
    assert document.reviews.totals.notified == 0 and document.reviews.rows == []
    assert document.leading_themes == [] and document.exemplars == []
    assert document.emerging.emerging == []
    assert all(t.count == 0 and t.share == 0.0 for t in document.themes)
    assert document.markers.most_often_not_met == []


def test_reviews_are_counted_by_board_and_kind() -> None:
    counts = [
        ReviewCount("notified", "NVL", "death", "", 2),
        ReviewCount("notified", "EMR", "serious_harm", "", 1),
        ReviewCount("decided", "NVL", "death", "local_review", 1),
        ReviewCount("decided", "NVL", "death", "no_further_review", 1),
        ReviewCount("published", "EMR", "serious_harm", "", 1),
    ]
    section = compute(inputs([], reviews=counts)).reviews

    assert [
        (r.board, r.incident_kind, r.notified, r.decided, r.local_review_decisions, r.published) for r in section.rows
    ] == [
        ("EMR", "serious_harm", 1, 0, 0, 1),
        ("NVL", "death", 2, 2, 1, 0),
    ]
    assert (section.totals.notified, section.totals.decided, section.totals.published) == (3, 2, 1)


def test_markers_most_often_not_met_come_first() -> None:
    ratings = [
        MarkerFact("NVL", 7, "not_met"),
        MarkerFact("EMR", 7, "not_met"),
        MarkerFact("NVL", 3, "not_met"),
        MarkerFact("EMR", 3, "met"),
        MarkerFact("NVL", 1, "met"),
        MarkerFact("EMR", 12, "partly_met"),
    ]
    section = compute(inputs([], markers=ratings)).markers

    assert section.most_often_not_met == [7, 3]
    assert (section.boards, section.ratings) == (2, 6)
    first = section.lines[0]
    assert (first.number, first.not_met, first.not_met_share) == (7, 2, 1.0)


def test_actions_are_grouped_by_theme_and_flagged_overdue_on_the_day_of_issue() -> None:
    def action(reference: str, theme: str, due: date, status: str = "open") -> ActionFact:
        return ActionFact(
            reference, "NCB", theme, "Policy lead", "Guidance", date(2026, 1, 5), due, status, 0, "", None, ""
        )

    facts = [
        action("NCB-A1", "NT05", date(2026, 4, 6)),
        action("NCB-A2", "NT05", date(2026, 4, 7)),
        action("NCB-A3", "NT04", date(2026, 1, 31), "completed"),
    ]
    groups = compute(inputs([], actions=facts)).actions  # issued on 7 April 2026

    assert [(g.theme_id, g.name) for g in groups] == [
        ("NT04", "Babies under one: vulnerability and risk"),
        ("NT05", "Domestic abuse"),
    ]
    assert [(a.reference, a.overdue) for a in groups[1].actions] == [("NCB-A1", True), ("NCB-A2", False)]
    assert groups[0].actions[0].overdue is False


def test_learning_reach_says_it_is_not_measured_without_a_provider_and_shows_figures_with_one() -> None:
    assert compute(inputs(_sample())).learning_reach.measured is False

    class Reach:
        def reach(self, theme_ids, start, end, position):  # type: ignore[no-untyped-def]
            assert (start, end, position) == (Q1_2026.start, Q1_2026.end, 100)
            return {"NT04": ThemeReach(teams_targeted=10, acknowledged=7, practice_change_verified=2)}

    section = compute(inputs(_sample()), Reach()).learning_reach
    assert section.measured
    assert [(r.theme_id, r.teams_targeted, r.acknowledged, r.practice_change_verified) for r in section.lines] == [
        ("NT04", 10, 7, 2),
        ("NT13", 0, 0, 0),
        ("NT05", 0, 0, 0),
    ]


def test_periods_default_to_the_last_complete_quarter_and_compare_with_equal_periods() -> None:
    assert last_complete_quarter(date(2026, 4, 1)) == Q1_2026
    assert last_complete_quarter(date(2026, 1, 15)) == Period(date(2025, 10, 1), date(2025, 12, 31))
    year = Period(date(2025, 1, 1), date(2025, 12, 31))
    assert (year.label, year.previous(2)) == (
        "2025",
        (Period(date(2023, 1, 1), date(2023, 12, 31)), Period(date(2024, 1, 1), date(2024, 12, 31))),
    )
    ten_days = Period(date(2026, 3, 11), date(2026, 3, 20))
    assert ten_days.previous(1) == (Period(date(2026, 3, 1), date(2026, 3, 10)),)
    with pytest.raises(PeriodEndsBeforeItStarts):
        Period(date(2026, 3, 2), date(2026, 3, 1))
