"""Counting themes and pattern categories per period, and judging which themes are emerging."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from lipp.digest.document import CountLine, EmergingResult, EmergingSection
from lipp.digest.periods import Period
from lipp.digest.stats import Q_THRESHOLD, TEST_NAME, benjamini_hochberg, rate_rise
from lipp.projections.digest_facts.entries import FindingFact

Labels = Callable[[FindingFact], Sequence[str]]


def split_by_period(findings: Sequence[FindingFact], periods: Sequence[Period]) -> list[list[FindingFact]]:
    """The findings logged in each period, in the periods' order."""
    return [[f for f in findings if p.start <= f.logged_on <= p.end] for p in periods]


def count_lines(per_period: Sequence[Sequence[FindingFact]], labels: Labels, names: dict[str, str]) -> list[CountLine]:
    """One line per id in `names` (and any other id found), the digest's period being the last of `per_period`.

    Lines are ordered by count in the period, then id; ids stay stable across renames, so a renamed theme is one
    line under its current name."""
    counts = [Counter(label for f in findings for label in labels(f)) for findings in per_period]
    totals = [len(findings) for findings in per_period]
    ids = sorted(set(names) | {label for counter in counts for label in counter})
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


def emerging(per_period: Sequence[Sequence[FindingFact]], themes: list[CountLine]) -> EmergingSection:
    """Test every theme's rise in the period against the earlier periods; correct for testing them all."""
    exposure = len(per_period[-1])
    earlier_exposure = sum(len(findings) for findings in per_period[:-1])
    tests = [rate_rise(t.count, sum(t.previous_counts), exposure, earlier_exposure) for t in themes]
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
    return EmergingSection(
        test=TEST_NAME,
        q_threshold=Q_THRESHOLD,
        periods_compared=len(per_period) - 1,
        results=results,
        emerging=[r.theme_id for r in results if r.emerging],
    )


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def _significant(value: float) -> float:
    """Four significant figures: enough to read, and the same text on every machine."""
    return float(f"{value:.4g}")
