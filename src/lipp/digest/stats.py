"""The test for emerging themes: a one-sided exact conditional test of two Poisson rates, with the
Benjamini-Hochberg correction across themes. Pure Python, so a digest computes the same on every machine."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

TEST_NAME = (
    "one-sided exact conditional test of two Poisson rates (the period's count of findings with the theme against "
    "the earlier periods' count, conditioned on their sum: binomial with p = findings in the period / findings in "
    "all the periods compared), with the Benjamini-Hochberg false discovery rate correction across every theme"
)
TEST_NAME_BY_REVIEW = (
    "one-sided exact conditional test of two Poisson rates over reviews (the period's count of reviews with a "
    "finding on the theme against the earlier periods' count, conditioned on their sum: binomial with p = reviews "
    "with findings in the period / reviews with findings in all the periods compared; a review with many findings "
    "on a theme counts once), with the Benjamini-Hochberg false discovery rate correction across every theme"
)
Q_THRESHOLD = 0.05


@dataclass(frozen=True)
class RateTest:
    """A theme's rise: its counts, what the earlier rate predicts for the period, and the p- and q-values."""

    count: int
    earlier: int
    expected: float
    p_value: float


def rate_rise(count: int, earlier: int, exposure: int, earlier_exposure: int) -> RateTest:
    """P(X >= count) for X ~ Binomial(count + earlier, exposure / (exposure + earlier_exposure)).

    With no earlier exposure (nothing to compare with) or no findings at all, nothing can be judged: p = 1."""
    total = count + earlier
    if exposure <= 0 or earlier_exposure <= 0 or total == 0:
        return RateTest(count=count, earlier=earlier, expected=0.0, p_value=1.0)
    share = exposure / (exposure + earlier_exposure)
    return RateTest(
        count=count, earlier=earlier, expected=total * share, p_value=binomial_upper_tail(count, total, share)
    )


def binomial_upper_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), summed in log space (exact enough for n in the tens of thousands)."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    if p >= 1.0:
        return 1.0
    if p <= 0.0:
        return 0.0
    log_p, log_q = math.log(p), math.log1p(-p)
    log_n = math.lgamma(n + 1)
    terms = [log_n - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * log_p + (n - i) * log_q for i in range(k, n + 1)]
    top = max(terms)
    return min(1.0, math.exp(top) * math.fsum(math.exp(t - top) for t in terms))


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """Adjusted q-values in the input's order: q_(i) = min over j >= i of p_(j) * m / j, at most 1."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: (p_values[i], i))
    q = [1.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        index = order[rank - 1]
        running = min(running, p_values[index] * m / rank)
        q[index] = min(1.0, running)
    return q
