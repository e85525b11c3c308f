"""Counting themes and pattern categories per period, and judging which themes are emerging."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from lipp.digest.document import CountLine, EmergingResult, EmergingSection
from lipp.digest.periods import Period
from lipp.digest.stats import Q_THRESHOLD, TEST_NAME, TEST_NAME_BY_REVIEW, RateTest, benjamini_hochberg, rate_rise
from lipp.projections.digest_facts.entries import FindingFact

Labels = Callable[[FindingFact], Sequence[str]]


def split_by_period(findings: Sequence[FindingFact], periods: Sequence[Period]) -> list[list[FindingFact]]:
    """The findings logged in each period, in the periods' order."""
    return [[f for f in findings if p.start <= f.logged_on <= p.end] for p in periods]


CHANGE_METHOD = (
    "Change is the share of the period's findings with the theme or category minus its share of the findings of the "
    "earlier periods that had any (counted together), in percentage points; a period with no findings is no data, "
    "not 0%, and with no earlier findings there is no change to state."
)
EMERGING_UNIT = "reviews"


def count_lines(
    per_period: Sequence[Sequence[FindingFact]], labels: Labels, names: dict[str, str], method: int = 2
) -> list[CountLine]:
    """One line per id in `names` (and any other id found), the digest's period being the last of `per_period`.

    Lines are ordered by count in the period, then id; ids stay stable across renames, so a renamed theme is one
    line under its current name. Method 3 states no share for a period with no findings and measures change
    against the earlier periods that have findings (CHANGE_METHOD)."""
    counts = [Counter(label for f in findings for label in labels(f)) for findings in per_period]
    totals = [len(findings) for findings in per_period]
    ids = sorted(set(names) | {label for counter in counts for label in counter})
    if method >= 3:
        return sorted(
            (_line_against_data(key, names, counts, totals) for key in ids), key=lambda line: (-line.count, line.id)
        )
    lines = []
    for key in ids:
        shares = [_share(counter[key], total) for counter, total in zip(counts, totals, strict=True)]
        earlier = shares[:-1]
        mean_earlier = sum(earlier) / len(earlier) if earlier else 0.0
        lines.append(
            CountLine(
                id=key,
                name=names.get(key, key),
                count=counts[-1][key],
                share=shares[-1],
                previous_counts=[counter[key] for counter in counts[:-1]],
                previous_shares=earlier,
                change=round((shares[-1] - mean_earlier) * 100, 2),
            )
        )
    return sorted(lines, key=lambda line: (-line.count, line.id))


def _line_against_data(
    key: str, names: dict[str, str], counts: Sequence[Counter[str]], totals: Sequence[int]
) -> CountLine:
    shares = [_share(counter[key], total) if total else None for counter, total in zip(counts, totals, strict=True)]
    earlier_count = sum(counter[key] for counter in counts[:-1])
    earlier_total = sum(totals[:-1])
    now = shares[-1]
    change = None
    if now is not None and earlier_total:
        change = round((now - earlier_count / earlier_total) * 100, 2)
    return CountLine(
        id=key,
        name=names.get(key, key),
        count=counts[-1][key],
        share=now,
        previous_counts=[counter[key] for counter in counts[:-1]],
        previous_shares=shares[:-1],
        change=change,
    )


def emerging(per_period: Sequence[Sequence[FindingFact]], themes: list[CountLine], method: int = 2) -> EmergingSection:
    """Test every theme's rise in the period against the earlier periods; correct for testing them all.

    Methods 1 and 2 count findings; method 3 counts reviews carrying the theme (a review with many findings on a
    theme counts once), against the reviews with findings in each span."""
    if method >= 3:
        return _emerging_by_review(per_period, themes)
    exposure = len(per_period[-1])
    earlier_exposure = sum(len(findings) for findings in per_period[:-1])
    tests = [rate_rise(t.count, sum(t.previous_counts), exposure, earlier_exposure) for t in themes]
    return _judged(themes, tests, exposure, earlier_exposure, len(per_period) - 1, None)


def reviews_with(findings: Sequence[FindingFact], theme_id: str | None = None) -> int:
    """How many reviews have findings (carrying `theme_id`, when given)."""
    return len({f.review_key for f in findings if theme_id is None or theme_id in f.themes})


def _emerging_by_review(per_period: Sequence[Sequence[FindingFact]], themes: list[CountLine]) -> EmergingSection:
    now, earlier = per_period[-1], [f for findings in per_period[:-1] for f in findings]
    exposure, earlier_exposure = reviews_with(now), reviews_with(earlier)
    tests = [
        rate_rise(reviews_with(now, t.id), reviews_with(earlier, t.id), exposure, earlier_exposure) for t in themes
    ]
    return _judged(themes, tests, exposure, earlier_exposure, len(per_period) - 1, EMERGING_UNIT)


def _judged(
    themes: list[CountLine],
    tests: list[RateTest],
    exposure: int,
    earlier_exposure: int,
    periods_compared: int,
    unit: str | None,
) -> EmergingSection:
    q_values = benjamini_hochberg([test.p_value for test in tests])
    results = []
    for line, test, q in zip(themes, tests, q_values, strict=True):
        rose = exposure > 0 and earlier_exposure > 0 and test.count * earlier_exposure > test.earlier * exposure
        results.append(
            EmergingResult(
                theme_id=line.id,
                name=line.name,
                count=test.count,
                earlier=test.earlier,
                expected=round(test.expected, 3),
                p_value=_significant(test.p_value),
                q_value=_significant(q),
                emerging=rose and q <= Q_THRESHOLD,
            )
        )
    results.sort(key=lambda r: (r.q_value, r.p_value, r.theme_id))
    if unit is None:
        return EmergingSection(
            test=TEST_NAME,
            q_threshold=Q_THRESHOLD,
            periods_compared=periods_compared,
            results=results,
            emerging=[r.theme_id for r in results if r.emerging],
        )
    return EmergingSection(
        test=TEST_NAME_BY_REVIEW,
        q_threshold=Q_THRESHOLD,
        periods_compared=periods_compared,
        results=results,
        emerging=[r.theme_id for r in results if r.emerging],
        unit=unit,
    )


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def _significant(value: float) -> float:
    """Four significant figures: enough to read, and the same text on every machine."""
    return float(f"{value:.4g}")
