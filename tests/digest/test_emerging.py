"""Emerging themes: the exact rate test and the Benjamini-Hochberg correction, checked by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lipp.digest import compute as computing
from lipp.digest.document import DigestDocument
from lipp.digest.inputs import DigestInputs
from lipp.digest.reach import LearningReach
from lipp.digest.stats import benjamini_hochberg, binomial_upper_tail, rate_rise
from tests.digest.facts import Q1_2026, finding, inputs


def compute(inputs: DigestInputs, reach: LearningReach | None = None) -> DigestDocument:
    """Method 2, as digests issued under it still compute (method 3: tests/digest/test_truthful.py)."""
    return computing.compute(inputs, reach, method=2)


def test_the_binomial_tail_matches_hand_computed_values() -> None:
    assert binomial_upper_tail(3, 3, 0.5) == pytest.approx(0.125)
    assert binomial_upper_tail(1, 2, 0.5) == pytest.approx(0.75)
    assert binomial_upper_tail(2, 4, 0.2) == pytest.approx(1 - 0.8**4 - 4 * 0.2 * 0.8**3)
    assert binomial_upper_tail(0, 5, 0.3) == 1.0 and binomial_upper_tail(6, 5, 0.3) == 0.0


def test_benjamini_hochberg_adjusts_in_the_input_order() -> None:
    q = benjamini_hochberg([0.01, 0.04, 0.03, 0.5])
    assert q == pytest.approx([0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5])


def test_a_rate_with_nothing_to_compare_with_is_never_judged() -> None:
    assert rate_rise(5, 0, 10, 0).p_value == 1.0
    assert rate_rise(0, 0, 10, 40).p_value == 1.0


def _quarterly(per_quarter: list[tuple[int, int]]) -> list:  # type: ignore[type-arg]
    """Per quarter (oldest first, the digest's last): findings with NT09, and findings with NT14 only."""
    starts = [date(2025, 1, 1), date(2025, 4, 1), date(2025, 7, 1), date(2025, 10, 1), Q1_2026.start]
    facts = []
    for start, (rising, steady) in zip(starts, per_quarter, strict=True):
        facts += [finding(start + timedelta(days=i), "NT09") for i in range(rising)]
        facts += [finding(start + timedelta(days=i), "NT14") for i in range(steady)]
    return facts


def test_a_theme_that_jumps_is_emerging_and_a_steady_one_is_not() -> None:
    facts = _quarterly([(0, 10), (0, 10), (1, 9), (0, 10), (7, 3)])
    emerging = compute(inputs(facts)).emerging

    assert emerging.emerging == ["NT09"]
    first = emerging.results[0]
    # 7 of the period's 10 findings against 1 of the 40 before: X ~ Bin(8, 10/50), P(X >= 7)
    assert first.p_value == pytest.approx(8 * 0.2**7 * 0.8 + 0.2**8, rel=1e-3)
    assert first.q_value == pytest.approx(min(1.0, first.p_value * 18), rel=1e-3)  # 18 themes tested
    assert first.expected == pytest.approx(8 * 0.2)
    assert "Benjamini-Hochberg" in emerging.test and emerging.q_threshold == 0.05
    assert not next(r for r in emerging.results if r.theme_id == "NT14").emerging


def test_a_small_rise_is_not_emerging_once_corrected_for_many_themes() -> None:
    facts = _quarterly([(1, 9), (1, 9), (1, 9), (1, 9), (3, 7)])
    assert compute(inputs(facts)).emerging.emerging == []
