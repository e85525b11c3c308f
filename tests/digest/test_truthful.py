"""Digest method 3: change against earlier periods with findings, emerging themes judged on reviews, sign-offs,
findings cleared and per board with small numbers suppressed, who asked for it, full labels, exemplars spread
across boards and reviews and dated by sign-off. Generated histories are checked against a reference count."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from lipp.digest.compute import compute
from lipp.digest.inputs import DigestInputs
from lipp.digest.periods import Period
from lipp.digest.render import render
from lipp.projections.digest_facts.entries import FindingFact, ReviewCount
from tests.digest.facts import Q1_2026, finding, inputs

THEMES = ("NT04", "NT05", "NT13")
BOARDS = ("NVL", "EMR", "SDN")
QUARTERS = [*Q1_2026.previous(), Q1_2026]


def test_a_theme_that_fell_shows_a_fall_and_empty_quarters_are_no_data() -> None:
    """The issue's case: 4 of 7 earlier findings (57%) against 3 of 11 now (27%) is a fall, not +13 points."""
    earlier = [finding(date(2025, 11, 3), *(("NT04",) if n < 4 else ("NT05",))) for n in range(7)]
    now = [finding(date(2026, 2, 2), *(("NT04",) if n < 3 else ("NT05",))) for n in range(11)]
    document = compute(inputs(earlier + now))

    [babies] = [t for t in document.themes if t.id == "NT04"]
    assert babies.previous_shares == [None, None, None, round(4 / 7, 4)]
    assert babies.change == round((round(3 / 11, 4) - 4 / 7) * 100, 2)  # about -30 points
    assert babies.change is not None and babies.change < 0
    trend = render(document).html.split("Trend of the leading themes")[1].split("Findings per theme")[0]
    assert trend.count("<circle") == 4  # two themes, each with points only in the two quarters with findings


def test_with_nothing_earlier_there_is_no_change_and_an_empty_period_has_no_share() -> None:
    document = compute(inputs([finding(date(2026, 2, 2), "NT04")]))
    [babies] = [t for t in document.themes if t.id == "NT04"]
    assert (babies.share, babies.change, babies.previous_shares) == (1.0, None, [None] * 4)
    empty = compute(inputs([], period=Period(date(2030, 1, 1), date(2030, 3, 31))))
    assert all(t.share is None and t.change is None for t in empty.themes)
    assert "no data" in render(empty).markdown


def test_one_review_with_many_findings_on_a_theme_does_not_make_it_emerge() -> None:
    earlier = [finding(date(2025, 8, 1) + timedelta(days=n), "NT05" if n % 2 else "NT04") for n in range(40)]
    one_review = [finding(date(2026, 2, 2), "NT13", review="the-one") for _ in range(12)]
    others = [finding(date(2026, 2, 3) + timedelta(days=n), "NT04" if n % 2 else "NT05") for n in range(10)]
    document = compute(inputs(earlier + one_review + others))
    assert document.emerging.unit == "reviews"
    [line] = [r for r in document.emerging.results if r.theme_id == "NT13"]
    assert (line.count, line.earlier) == (1, 0)
    assert "NT13" not in document.emerging.emerging
    by_findings = compute(inputs(earlier + one_review + others), method=2)
    assert "NT13" in by_findings.emerging.emerging  # the earlier method was fooled


def test_reviews_table_adds_sign_offs_and_hides_small_counts_so_they_cannot_be_derived() -> None:
    counts = [
        ReviewCount("notified", "NVL", "death", "", 1),
        ReviewCount("notified", "EMR", "serious_harm", "", 9),
        ReviewCount("notified", "SDN", "serious_harm", "", 7),
        ReviewCount("signed_off", "EMR", "serious_harm", "", 6),
        ReviewCount("signed_off", "SDN", "serious_harm", "", 5),
        ReviewCount("withheld", "SDN", "serious_harm", "", 1),  # not a step the table counts
    ]
    document = compute(inputs([], reviews=counts))
    rows = {(r.board, r.incident_kind): r for r in document.reviews.rows}
    assert rows[("NVL", "death")].notified == "fewer than 5"
    assert rows[("SDN", "serious_harm")].notified == "suppressed"  # the next smallest, so 17 - 9 - 7 tells nothing
    assert rows[("EMR", "serious_harm")].notified == 9
    assert document.reviews.totals.notified == 17
    assert (rows[("EMR", "serious_harm")].signed_off, document.reviews.totals.signed_off) == (6, 11)
    assert document.summary is not None and document.summary.reviews_signed_off == 11
    assert document.disclosure_control is not None and "fewer than 5" in document.disclosure_control
    assert document.built_from.disclosure_threshold == 5


def test_the_threshold_comes_from_the_inputs_and_the_digest_names_who_asked() -> None:
    facts = [finding(date(2026, 2, 2), "NT04", board="NVL" if n < 7 else "EMR") for n in range(15)]
    scheduled = compute(inputs(facts))
    assert scheduled.built_from.requested_by == "schedule"
    assert scheduled.summary is not None
    assert [(b.board, b.findings) for b in scheduled.summary.findings_by_board] == [("EMR", 8), ("NVL", 7)]
    asked = compute(_with(inputs(facts), requested_by="ncb.lead (NCB)", disclosure_threshold=10))
    assert asked.summary is not None
    assert [b.findings for b in asked.summary.findings_by_board] == ["fewer than 10", "fewer than 10"]
    alone = compute(inputs(facts[:3]))
    assert alone.summary is not None and alone.summary.findings_by_board == []  # one board: its count is the total
    rendered = render(asked)
    assert "Requested by: ncb.lead (NCB)." in rendered.html and "Requested by: ncb.lead (NCB)." in rendered.markdown


def test_pattern_labels_are_shown_in_full_so_the_two_multi_agency_categories_differ() -> None:
    html = render(compute(inputs([finding(date(2026, 2, 2), "NT04")]))).html
    assert "in response to incidents and crises" in html
    assert "in assessment and longer-term work" in html


def test_exemplars_spread_across_reviews_name_only_busy_boards_and_carry_the_sign_off_year() -> None:
    signed = date(2026, 3, 10)
    crowded = [
        finding(date(2026, 2, 2), "NT04", shareable=True, board="NVL", review="nvl-1", signed_off_on=signed)
        for _ in range(4)
    ]
    others = [
        finding(date(2026, 2, 9), "NT04", shareable=True, board="EMR", review=f"emr-{n}", signed_off_on=signed)
        for n in range(5)
    ]
    early = [finding(date(2026, 2, 10), "NT04", shareable=True, board="SDN", review="sdn-1")]
    facts = [
        FindingFact(**{**vars(f), "title": f"Title {n}"})  # distinct titles
        for n, f in enumerate(crowded + others + early)
    ]
    document = compute(inputs(facts))
    [first, second] = document.exemplars
    assert first.title == "Title 0" and second.title != "Title 1"  # the second comes from another review
    assert {first.board, second.board} == {"", "EMR"}  # NVL had one review: not named; EMR had five
    assert first.year == 2026


def test_findings_not_approved_or_withheld_never_make_exemplars_or_cause_statements() -> None:
    cleared_only = finding(date(2026, 2, 2), "NT04", shareable=True, travels=False)
    document = compute(inputs([cleared_only]))
    assert document.exemplars == [] and document.leading_themes[0].cause_statements == []
    assert document.summary is not None and document.summary.findings_cleared == 0
    assert [e.title for e in compute(inputs([cleared_only]), method=2).exemplars] == [cleared_only.title]


@st.composite
def histories(draw: st.DrawFn) -> list[FindingFact]:
    facts = []
    for _ in range(draw(st.integers(0, 30))):
        quarter = draw(st.sampled_from(QUARTERS))
        day = quarter.start + timedelta(days=draw(st.integers(0, (quarter.end - quarter.start).days)))
        themes = draw(st.lists(st.sampled_from(THEMES), min_size=1, max_size=2, unique=True))
        board = draw(st.sampled_from(BOARDS))
        review = f"{board}-{draw(st.integers(1, 4))}"
        facts.append(finding(day, *themes, board=board, review=review, shareable=draw(st.booleans())))
    return facts


@settings(max_examples=150, deadline=None)
@given(facts=histories())
def test_generated_histories_count_as_a_reference_computation_says(facts: list[FindingFact]) -> None:
    document = compute(inputs(facts))
    per_quarter = [[f for f in facts if q.start <= f.logged_on <= q.end] for q in QUARTERS]
    now, earlier = per_quarter[-1], [f for q in per_quarter[:-1] for f in q]
    for line in document.themes:
        counts = [sum(1 for f in q if line.id in f.themes) for q in per_quarter]
        assert (line.previous_counts, line.count) == (counts[:-1], counts[-1])
        shares = [round(c / len(q), 4) if q else None for c, q in zip(counts, per_quarter, strict=True)]
        assert [*line.previous_shares, line.share] == shares
        if now and earlier:
            base = sum(counts[:-1]) / len(earlier)
            assert line.change == round((shares[-1] - base) * 100, 2)  # type: ignore[operator]
        else:
            assert line.change is None
    for result in document.emerging.results:
        assert result.count == len({f.review_key for f in now if result.theme_id in f.themes})
        assert result.earlier == len({f.review_key for f in earlier if result.theme_id in f.themes})
    assert document.summary is not None
    assert document.summary.findings_cleared == sum(1 for f in now if f.travels)
    per_board = Counter(f.board_code for f in now)
    shown = {b.board: b.findings for b in document.summary.findings_by_board}
    assert not shown or set(shown) == set(per_board)  # no board is listed when a small count would show
    assert document.summary.findings_by_board_total == len(now)
    hidden = [b for b, v in shown.items() if not isinstance(v, int)]
    assert len(hidden) != 1  # a lone hidden board could be worked out from the total
    for board, value in shown.items():
        if 0 < per_board[board] < 5:
            assert value == "fewer than 5"
        elif isinstance(value, int):
            assert value == per_board[board]
    for exemplar in document.exemplars:
        assert any(f.travels and f.title == exemplar.title for f in now)
    assert render(document) == render(compute(inputs(facts)))  # the same history renders the same bytes


def _with(digest_inputs: DigestInputs, **changes: object) -> DigestInputs:
    return replace(digest_inputs, **changes)  # type: ignore[arg-type]
