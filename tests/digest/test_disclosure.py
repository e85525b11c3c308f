"""Small-number suppression: no value from 1 to 4 is shown, and none hidden can be worked out from the rest."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from lipp.domain.disclosure import HIDDEN, Entry, suppress

SMALL_OFTEN = st.one_of(st.integers(0, 6), st.integers(0, 60))


@st.composite
def tables(draw: st.DrawFn) -> list[list[int]]:
    rows, columns = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    return [[draw(SMALL_OFTEN) for _ in range(columns)] for _ in range(rows)]


def _entries(table: list[list[int]], row_totals: bool, column_totals: bool) -> dict[Entry, int]:
    values: dict[Entry, int] = {("cell", r, c): v for r, row in enumerate(table) for c, v in enumerate(row)}
    if row_totals:
        values.update({("row", r, 0): sum(row) for r, row in enumerate(table)})
    if column_totals:
        values.update({("column", 0, c): sum(col) for c, col in enumerate(zip(*table, strict=True))})
    if row_totals and column_totals:
        values[("grand", 0, 0)] = sum(map(sum, table))
    return values


def _consistent(values: dict[Entry, int], table: list[list[int]], row_totals: bool, column_totals: bool) -> bool:
    """Whether a completion of the table (cells and totals) adds up, with no count below zero."""
    if any(v < 0 for v in values.values()):
        return False
    rows, columns = len(table), len(table[0])
    cell = {(r, c): values[("cell", r, c)] for r in range(rows) for c in range(columns)}
    if row_totals and any(sum(cell[(r, c)] for c in range(columns)) != values[("row", r, 0)] for r in range(rows)):
        return False
    if column_totals and any(
        sum(cell[(r, c)] for r in range(rows)) != values[("column", 0, c)] for c in range(columns)
    ):
        return False
    if row_totals and column_totals:
        return sum(cell.values()) == values[("grand", 0, 0)]
    return True


@settings(max_examples=300, deadline=None)
@given(table=tables(), row_totals=st.booleans(), column_totals=st.booleans(), public=st.booleans())
def test_no_suppressed_value_can_be_recovered_from_the_values_and_totals_shown(
    table: list[list[int]], row_totals: bool, column_totals: bool, public: bool
) -> None:
    values = _entries(table, row_totals, column_totals)
    shown = suppress(table, row_totals=row_totals, column_totals=column_totals, public_totals=public)
    seen: dict[Entry, object] = {("cell", r, c): v for r, row in enumerate(shown.cells) for c, v in enumerate(row)}
    seen.update({("row", r, 0): v for r, v in enumerate(shown.row_totals or [])})
    seen.update({("column", 0, c): v for c, v in enumerate(shown.column_totals or [])})
    if shown.grand_total is not None:
        seen[("grand", 0, 0)] = shown.grand_total
    assert seen.keys() == values.keys()
    for entry, value in values.items():
        if public and entry[0] != "cell":
            assert seen[entry] == value  # public totals are always shown
        elif 0 < value < 5:
            assert seen[entry] == "fewer than 5"
        elif seen[entry] != HIDDEN:
            assert seen[entry] == value  # what is shown is true
    hidden = sorted(entry for entry, v in seen.items() if not isinstance(v, int))
    if shown.exposed:
        assert public  # only public totals can leave a value exposed, and then the caller shows no cells
        return
    if len(hidden) > 9:
        return  # the brute-force search below would take too long; the generator keeps this rare
    # An independent check by brute force: every hidden value has another completion, with no count below zero,
    # that agrees with everything shown (a reader cannot tell which is true). Tables' constraint matrices are
    # totally unimodular, so moving each hidden value by -1, 0 or +1 finds such a completion when one exists.
    movable: set[Entry] = set()
    for moves in itertools.product((-1, 0, 1), repeat=len(hidden)):
        if not any(moves):
            continue
        changed = dict(values)
        for entry, move in zip(hidden, moves, strict=True):
            changed[entry] += move
        if _consistent(changed, table, row_totals, column_totals):
            movable.update(entry for entry, move in zip(hidden, moves, strict=True) if move)
    small = [entry for entry in hidden if 0 < values[entry] < 5]
    assert [entry for entry in small if entry not in movable] == []


def test_a_lone_small_cell_in_a_column_takes_the_next_smallest_with_it() -> None:
    shown = suppress([[12], [3], [7], [20]], row_totals=False, column_totals=True)
    assert shown.cells == [[12], ["fewer than 5"], [HIDDEN], [20]]
    assert shown.column_totals == [42]


def test_the_threshold_is_configurable() -> None:
    shown = suppress([[8], [12]], row_totals=False, column_totals=True, threshold=10)
    assert shown.cells == [["fewer than 10"], [HIDDEN]]


def test_with_public_totals_a_lone_small_cell_is_reported_as_exposed() -> None:
    assert suppress([[3]], row_totals=False, column_totals=True, public_totals=True).exposed
    two = suppress([[3], [9]], row_totals=False, column_totals=True, public_totals=True)
    assert (two.cells, two.column_totals, two.exposed) == ([["fewer than 5"], [HIDDEN]], [12], False)
