"""How well the redaction check does on a labelled set: what it misses and what it flags wrongly."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lipp.domain.redaction.checker import check_text
from lipp.domain.redaction.hits import Hit


@dataclass(frozen=True)
class LabelledCase:
    """A text and the identifying details a careful reader would redact from it (by kind and exact text)."""

    id: str
    text: str
    expected: tuple[tuple[str, str], ...]


@dataclass
class Rates:
    cases: int = 0
    negative_cases: int = 0
    negative_cases_flagged: int = 0
    expected: int = 0
    missed: int = 0
    hits: int = 0
    false_hits: int = 0
    missed_by_kind: Counter[str] = field(default_factory=Counter)
    expected_by_kind: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def miss_rate(self) -> float:
        """Identifying details in the set that the check did not flag, as a share of all of them."""
        return self.missed / self.expected if self.expected else 0.0

    @property
    def false_positive_rate(self) -> float:
        """Texts with nothing identifying that the check flagged anyway, as a share of such texts."""
        return self.negative_cases_flagged / self.negative_cases if self.negative_cases else 0.0

    @property
    def false_hit_share(self) -> float:
        """Hits that cover no identifying detail, as a share of all hits."""
        return self.false_hits / self.hits if self.hits else 0.0


def evaluate(cases: Iterable[LabelledCase], check: Callable[[str], list[Hit]] = check_text) -> Rates:
    """An expected detail is found when any hit overlaps it; a hit is false when it overlaps none."""
    rates = Rates()
    for case in cases:
        rates.cases += 1
        hits = check(case.text)
        spans = []
        for kind, text in case.expected:
            start = case.text.index(text)
            spans.append((start, start + len(text)))
            rates.expected += 1
            rates.expected_by_kind[kind] += 1
            if not any(hit.overlaps(start, start + len(text)) for hit in hits):
                rates.missed += 1
                rates.missed_by_kind[kind] += 1
                rates.misses.append(f"{case.id}: {kind} '{text}'")
        false = [hit for hit in hits if not any(hit.overlaps(start, end) for start, end in spans)]
        rates.hits += len(hits)
        rates.false_hits += len(false)
        rates.false_positives += [f"{case.id}: {hit.kind.value} '{hit.text}'" for hit in false]
        if not case.expected:
            rates.negative_cases += 1
            rates.negative_cases_flagged += bool(hits)
    return rates
