"""The list of a store's tables that start-up checks is exactly what the projections, the tracking table and the
outbox define."""

from __future__ import annotations

from lipp.projections.catalogue import all_projections
from lipp.projections.table_names import TABLES
from lipp.store import expected_tables


def test_the_start_up_list_of_tables_is_the_projections_own() -> None:
    derived = expected_tables(all_projections())
    assert derived == TABLES, (
        f"missing {sorted(derived - TABLES)}, extra {sorted(TABLES - derived)}: "
        "run `python -m lipp.projections.table_names`"
    )
