"""The list of a store's tables that start-up checks is exactly what the projections, the tracking table and the
outbox define. Run as a module, this writes the list anew: `python -m tests.projections.test_table_names`."""

from __future__ import annotations

from pathlib import Path

from lipp.projections import table_names
from lipp.projections.catalogue import all_projections
from lipp.projections.table_names import TABLES
from lipp.store import expected_tables


def test_the_start_up_list_of_tables_is_the_projections_own() -> None:
    derived = expected_tables(all_projections())
    assert derived == TABLES, (
        f"missing {sorted(derived - TABLES)}, extra {sorted(TABLES - derived)}: "
        "run `python -m tests.projections.test_table_names`"
    )


def write() -> None:
    path = Path(table_names.__file__)
    text = path.read_text()
    start = text.index("    {\n") + len("    {\n")
    end = text.index("    }\n)", start)
    rows = "".join(f'        "{name}",\n' for name in sorted(expected_tables(all_projections())))
    path.write_text(text[:start] + rows + text[end:])


if __name__ == "__main__":
    write()
