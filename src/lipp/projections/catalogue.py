"""Every projection lipp keeps. Add a new one here: it backfills from the whole history on its first catch-up."""

from __future__ import annotations

from lipp.projections.projection import Projection
from lipp.projections.register.projection import ReviewRegisterProjection


def all_projections() -> list[Projection]:
    """In the order they are caught up and rebuilt.

    Extension points, once findings and quality-marker events exist: a findings library (full text: an FTS5
    table on SQLite, a tsvector column with a GIN index on PostgreSQL; role-aware queries that give national
    bodies shareable findings only and never case references) and marker results (met / partly / not met
    counts by board and period). Each is a `Projection` (a `RowPerAggregate` when it keeps one row per
    aggregate) with its own tables and query functions, listed here.
    """
    return [ReviewRegisterProjection()]
