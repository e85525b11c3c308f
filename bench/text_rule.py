"""What the text rule costs: validating findings' commands with the rule beside the same fields without it, and
read-model queries with the read-side check beside the same queries on an engine without it, in one run.

Run: .venv/bin/python bench/text_rule.py [--commands 20000] [--queries 20000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

from pydantic import StringConstraints, create_model
from sqlalchemy import event, text

from lipp.commands.findings import LogFinding
from lipp.projections.database import _refuse_unsearchable_text, create_read_model_engine

PLAIN_FREE = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
PLAIN_SHORT = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]

FIELDS: dict[str, Any] = {
    "reference": "NVL-2026-001",
    "title": "Strategy discussions were not convened — nor recorded",
    "issue": "Strategy discussions were not convened when a baby presented with bruising.\n" * 6,
    "causes": "Thresholds were read differently by each agency; no one owned the decision to convene.\n" * 6,
    "pattern": "3",
    "themes": ["NT04", "Information sharing"],
    "agencies": ["police", "health"],
    "evidence": ["The health visitor's referral was logged as a contact, not a referral."] * 4,
}


def without_rule() -> type[Any]:
    """LogFinding with the same constraints but no text rule on title, issue, causes and evidence."""
    changed: dict[str, Any] = {
        "title": (PLAIN_SHORT, ...),
        "issue": (PLAIN_FREE, ...),
        "causes": (PLAIN_FREE, ...),
        "evidence": (list[PLAIN_FREE], ...),
    }
    return create_model("PlainLogFinding", __base__=LogFinding, **changed)


def per_second(count: int, run: Any) -> float:
    start = time.perf_counter()
    for _ in range(count):
        run()
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--commands", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=20_000)
    args = parser.parse_args()

    plain = without_rule()
    ruled = baseline = 0.0
    for _ in range(3):  # interleaved, best of three: the machine is shared
        ruled = max(ruled, per_second(args.commands // 3, lambda: LogFinding.model_validate(FIELDS)))
        baseline = max(baseline, per_second(args.commands // 3, lambda: plain.model_validate(FIELDS)))
    print(f"LogFinding validations/s: with the text rule {ruled:,.0f}; baseline without it {baseline:,.0f}")

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        checked, bare = create_read_model_engine(url), create_read_model_engine(url)
        event.remove(bare, "before_cursor_execute", _refuse_unsearchable_text)
        with checked.begin() as connection:
            connection.execute(text("CREATE TABLE t (name TEXT)"))
            connection.execute(text("INSERT INTO t VALUES ('Northvale — é')"))
        rates = {"with the read-side check": 0.0, "baseline, the same engine without it": 0.0}
        query = text("SELECT count(*) FROM t WHERE name = :name")
        for _ in range(3):
            for label, engine in zip(rates, (checked, bare), strict=True):
                with engine.connect() as connection:
                    run = lambda c=connection: c.execute(query, {"name": "Northvale — é"})  # noqa: E731
                    rates[label] = max(rates[label], per_second(args.queries // 3, run))
        for label, rate in rates.items():
            print(f"read queries/s {label}: {rate:,.0f}")
        checked.dispose()
        bare.dispose()


if __name__ == "__main__":
    main()
