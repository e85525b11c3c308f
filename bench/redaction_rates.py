"""The redaction check's false-positive and miss rates on the labelled set in tests/data/redaction_cases.jsonl.

Run: .venv/bin/python bench/redaction_rates.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from lipp.domain.redaction.checker import CHECKER_VERSION, check_text
from lipp.domain.redaction.rates import LabelledCase, evaluate

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "redaction_cases.jsonl"


def load_cases(path: Path = CASES) -> list[LabelledCase]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        LabelledCase(id=row["id"], text=row["text"], expected=tuple((e["kind"], e["text"]) for e in row["expect"]))
        for row in rows
    ]


def main() -> None:
    cases = load_cases()
    rates = evaluate(cases)
    started = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for case in cases:
            check_text(case.text)
    per_text_ms = (time.perf_counter() - started) / (rounds * len(cases)) * 1000
    print(f"Redaction check v{CHECKER_VERSION} on {rates.cases} labelled texts ({CASES.name})")
    print(f"  miss rate            {rates.miss_rate:6.1%}  ({rates.missed} of {rates.expected} identifying details)")
    print(
        f"  false-positive rate  {rates.false_positive_rate:6.1%}  "
        f"({rates.negative_cases_flagged} of {rates.negative_cases} texts with nothing identifying were flagged)"
    )
    print(f"  false hits           {rates.false_hit_share:6.1%}  ({rates.false_hits} of {rates.hits} hits)")
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
