"""Marker results as users read them: national bodies and admins across boards, coordinators their own."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Engine

from lipp.domain.actors import Actor, Role
from lipp.domain.business_dates import check_period
from lipp.domain.disclosure import DEFAULT_THRESHOLD, suppress
from lipp.domain.errors import NotAuthorised
from lipp.domain.reference.markers import marker_set
from lipp.projections.markers import queries
from lipp.projections.markers.entries import MarkerResult
from lipp.projections.markers.projection import MarkerResultsProjection
from lipp.projections.markers.tables import marker_reviews
from lipp.projections.runner import ProjectionRunner


class ActorMayNotSeeMarkerResults(NotAuthorised):
    """Marker results are for national bodies and admins (every board) and coordinators (their own board)."""


@dataclass
class MarkerResults:
    """Counts of each marker's latest ratings across reviews."""

    engine: Engine
    runner: ProjectionRunner
    projection: MarkerResultsProjection
    disclosure_threshold: int = DEFAULT_THRESHOLD

    def marker_results(
        self, actor: Actor, board: str | None = None, from_date: date | None = None, to_date: date | None = None
    ) -> list[MarkerResult]:
        """Per marker: met / partly met / not met / not applicable counts, for `board` (or all boards) and the
        period the ratings were last given in. A coordinator's results are always their own board's."""
        check_period(from_date, to_date)
        self.runner.catch_up(self.projection)
        with self.engine.connect() as connection:
            if actor.role is Role.COORDINATOR and actor.board_id is not None:
                own = connection.execute(
                    marker_reviews.select()
                    .with_only_columns(marker_reviews.c.board_code)
                    .where(marker_reviews.c.board_id == actor.board_id)
                    .limit(1)
                ).scalar()
                if board and own and board.strip().upper() != own:
                    raise ActorMayNotSeeMarkerResults(
                        f"{actor.username} (coordinator) may see marker results of their own board only"
                    )
                return queries.results(connection, marker_set(), None, from_date, to_date, actor.board_id)
            elif actor.role not in (Role.ADMIN, Role.NATIONAL_BODY):
                raise ActorMayNotSeeMarkerResults(
                    f"{actor.username} ({actor.role.value}) may not see marker results: "
                    "national bodies, admins and coordinators may"
                )
            found = queries.results(connection, marker_set(), board, from_date, to_date)
        return found if actor.role is Role.ADMIN else self._suppressed(found)

    def _suppressed(self, results: list[MarkerResult]) -> list[MarkerResult]:
        """Small counts hidden from national readers; each marker's total is treated as known (it can be read from
        another marker's ratings of the same reviews), so no hidden count can be worked out from it."""
        table = [[r.met, r.partly_met, r.not_met, r.not_applicable] for r in results]
        if not any(any(isinstance(v, int) and v for v in row) for row in table):
            return results
        shown = suppress(
            [[int(v) for v in row] for row in table],
            row_totals=True,
            column_totals=False,
            threshold=self.disclosure_threshold,
            public_totals=True,
        )
        return [
            replace(r, met=met, partly_met=partly, not_met=not_met, not_applicable=na)
            for r, (met, partly, not_met, na) in zip(results, shown.cells, strict=True)
        ]
