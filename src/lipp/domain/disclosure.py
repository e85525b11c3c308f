"""Small-number suppression for national and cross-board tables, so no child can be identified by jigsaw.

A cell from 1 to `threshold - 1` is hidden as "fewer than 5" (primary suppression). Then, while any hidden
value could be worked out exactly from what is shown (a row or column total minus the cells shown, or any
combination of the totals), another value is hidden too (secondary suppression): the smallest value shown in
a line through the exposed one. Whether a hidden value is exposed is decided exactly: it is exposed when its
unit vector lies in the row space of the table's constraints over the hidden values (Gaussian elimination over
the rationals), so the rule holds for any table, not just for the patterns a line-by-line check would catch.

Zeros are shown: that nothing happened identifies no one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

DEFAULT_THRESHOLD = 5
HIDDEN = "suppressed"
Shown = int | str
Entry = tuple[str, int, int]
"""('cell', row, column), ('row', row, 0) for a row total, ('column', 0, column), ('grand', 0, 0)."""


@dataclass(frozen=True)
class Suppressed:
    """A table as it may be shown: each cell and total is its value, "fewer than 5" (1 to threshold - 1) or
    HIDDEN (hidden so that a small value cannot be worked out from the rest)."""

    cells: list[list[Shown]]
    row_totals: list[Shown] | None
    column_totals: list[Shown] | None
    grand_total: Shown | None
    exposed: bool = False
    """Some hidden value can still be worked out (only when totals are public and too few cells can be hidden:
    one board alone, say); the caller must then not show the cells at all."""


def fewer_than(threshold: int) -> str:
    return f"fewer than {threshold}"


def suppress(
    cells: Sequence[Sequence[int]],
    *,
    row_totals: bool,
    column_totals: bool,
    threshold: int = DEFAULT_THRESHOLD,
    public_totals: bool = False,
) -> Suppressed:
    """The table with its totals (as asked for), small values hidden and enough others hidden that none of them
    can be derived. The grand total is shown when both kinds of totals are. With `public_totals` the totals are
    known anyway (shown elsewhere), so they are never hidden and only cells are."""
    table = [list(row) for row in cells]
    rows, columns = len(table), (len(table[0]) if table else 0)
    values: dict[Entry, int] = {("cell", r, c): table[r][c] for r in range(rows) for c in range(columns)}
    if row_totals:
        values.update({("row", r, 0): sum(table[r]) for r in range(rows)})
    if column_totals:
        values.update({("column", 0, c): sum(table[r][c] for r in range(rows)) for c in range(columns)})
    if row_totals and column_totals:
        values[("grand", 0, 0)] = sum(sum(row) for row in table)
    fixed = {entry for entry in values if entry[0] != "cell"} if public_totals else set()
    small = {entry for entry, value in values.items() if 0 < value < threshold and entry not in fixed}
    hidden = set(small)
    lines = _lines(rows, columns, row_totals, column_totals)
    exposed = _exposed(hidden, lines)
    while exposed:
        complement = _complement(exposed[0], hidden | fixed, lines, values)
        if complement is None:
            break  # nothing left that may be hidden
        hidden.add(complement)
        exposed = _exposed(hidden, lines)

    def shown(entry: Entry) -> Shown:
        if entry in small:
            return fewer_than(threshold)
        return HIDDEN if entry in hidden else values[entry]

    return Suppressed(
        cells=[[shown(("cell", r, c)) for c in range(columns)] for r in range(rows)],
        row_totals=[shown(("row", r, 0)) for r in range(rows)] if row_totals else None,
        column_totals=[shown(("column", 0, c)) for c in range(columns)] if column_totals else None,
        grand_total=shown(("grand", 0, 0)) if row_totals and column_totals else None,
        exposed=bool(exposed),
    )


def _lines(rows: int, columns: int, row_totals: bool, column_totals: bool) -> list[list[tuple[Entry, int]]]:
    """Each additive constraint as (entry, coefficient) pairs summing to zero."""
    lines: list[list[tuple[Entry, int]]] = []
    if row_totals:
        for r in range(rows):
            lines.append([*((("cell", r, c), 1) for c in range(columns)), (("row", r, 0), -1)])
    if column_totals:
        for c in range(columns):
            lines.append([*((("cell", r, c), 1) for r in range(rows)), (("column", 0, c), -1)])
    if row_totals and column_totals:
        lines.append([*((("row", r, 0), 1) for r in range(rows)), (("grand", 0, 0), -1)])
        lines.append([*((("column", 0, c), 1) for c in range(columns)), (("grand", 0, 0), -1)])
    return lines


def _exposed(hidden: set[Entry], lines: list[list[tuple[Entry, int]]]) -> list[Entry]:
    """The hidden entries whose value the shown ones determine exactly, in a stable order."""
    unknowns = sorted(hidden)
    index = {entry: i for i, entry in enumerate(unknowns)}
    matrix = []
    for line in lines:
        row = [Fraction(0)] * len(unknowns)
        for entry, coefficient in line:
            if entry in index:
                row[index[entry]] += coefficient
        if any(row):
            matrix.append(row)
    basis = _echelon(matrix)
    return [entry for entry in unknowns if _in_span(index[entry], len(unknowns), basis)]


def _echelon(matrix: list[list[Fraction]]) -> list[tuple[int, list[Fraction]]]:
    """Reduced row echelon form as (pivot column, row) pairs."""
    basis: list[tuple[int, list[Fraction]]] = []
    for row in matrix:
        row = _reduce(row, basis)
        pivot = next((i for i, value in enumerate(row) if value), None)
        if pivot is None:
            continue
        row = [value / row[pivot] for value in row]
        basis = [(p, _eliminate(b, row, pivot)) for p, b in basis]
        basis.append((pivot, row))
    return basis


def _reduce(row: list[Fraction], basis: list[tuple[int, list[Fraction]]]) -> list[Fraction]:
    for pivot, b in basis:
        row = _eliminate(row, b, pivot)
    return row


def _eliminate(row: list[Fraction], by: list[Fraction], pivot: int) -> list[Fraction]:
    factor = row[pivot]
    return [value - factor * other for value, other in zip(row, by, strict=True)] if factor else row


def _in_span(position: int, size: int, basis: list[tuple[int, list[Fraction]]]) -> bool:
    unit = [Fraction(0)] * size
    unit[position] = Fraction(1)
    return not any(_reduce(unit, basis))


def _complement(
    entry: Entry, hidden: set[Entry], lines: list[list[tuple[Entry, int]]], values: dict[Entry, int]
) -> Entry | None:
    """Another entry to hide so `entry` is no longer exposed: in the line through `entry` with the fewest hidden
    entries, the smallest value shown, cells before totals and non-zero values before zeros (a hidden zero can
    only rise, so it hides less). When every line through it is hidden already (it is exposed by a combination
    of other lines), the smallest value shown anywhere."""

    def preference(e: Entry) -> tuple[bool, bool, int, Entry]:
        return (e[0] != "cell", values[e] == 0, values[e], e)

    through = [line for line in lines if any(e == entry for e, _ in line)]
    through.sort(key=lambda line: sum(1 for e, _ in line if e in hidden))
    for line in through:
        shown = [e for e, _ in line if e not in hidden]
        if shown:
            return min(shown, key=preference)
    anywhere = [e for e in values if e not in hidden]
    return min(anywhere, key=preference) if anywhere else None
