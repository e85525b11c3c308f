"""The redaction check's false-positive and miss rates on the labelled set in tests/data/redaction_cases.jsonl,
beside a baseline measured in the same run: a crude check that flags every capitalised word not opening a
sentence and every run of six or more digits (what a hurried reader might search for).

Run: .venv/bin/python bench/redaction_rates.py
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from lipp.domain.redaction.checker import CHECKER_VERSION, check_text
from lipp.domain.redaction.hits import DetailKind, Hit
from lipp.domain.redaction.rates import LabelledCase, evaluate

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "redaction_cases.jsonl"


def load_cases(path: Path = CASES) -> list[LabelledCase]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        LabelledCase(id=row["id"], text=row["text"], expected=tuple((e["kind"], e["text"]) for e in row["expect"]))
        for row in rows
    ]


CRUDE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\b|\d[\d -]{4,}\d")


def crude_check(text: str) -> list[Hit]:
    """The baseline: capitalised words not opening a sentence, and long digit runs."""
    return [Hit(DetailKind.PERSON_NAME, m.start(), m.end(), m.group()) for m in CRUDE.finditer(text)]


def main() -> None:
    cases = load_cases()
    rates = evaluate(cases)
    baseline = evaluate(cases, crude_check)
    started = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for case in cases:
            check_text(case.text)
    per_text_ms = (time.perf_counter() - started) / (rounds * len(cases)) * 1000
    print(
        f"Redaction check v{CHECKER_VERSION} on {rates.cases} labelled texts ({CASES.name}), beside the crude baseline"
    )
    for name, r in (("lipp", rates), ("baseline", baseline)):
        print(f"  {name}:")
        print(f"    miss rate            {r.miss_rate:6.1%}  ({r.missed} of {r.expected} identifying details)")
        print(
            f"    false-positive rate  {r.false_positive_rate:6.1%}  "
            f"({r.negative_cases_flagged} of {r.negative_cases} texts with nothing identifying were flagged)"
        )
        print(f"    false hits           {r.false_hit_share:6.1%}  ({r.false_hits} of {r.hits} hits)")
    print(f"  speed                {per_text_ms:6.3f} ms per text")
    print("  by kind (missed / expected):")
    for kind, expected in sorted(rates.expected_by_kind.items()):
        print(f"    {kind:16} {rates.missed_by_kind[kind]} / {expected}")
    for title, items in (("Missed", rates.misses), ("Flagged wrongly", rates.false_positives)):
        if items:
            print(f"  {title}:")
            for item in items:
                print(f"    {item}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
