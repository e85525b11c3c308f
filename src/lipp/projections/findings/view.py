"""The findings library as users read it: caught up with the log, then searched as the actor may see it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from lipp.domain.actors import Actor
from lipp.domain.business_dates import check_period
from lipp.projections.findings import queries
from lipp.projections.findings.entries import FoundFinding
from lipp.projections.findings.projection import FindingsLibraryProjection
from lipp.projections.runner import ProjectionRunner


@dataclass
class FindingsLibrary:
    """Findings across every review, for anyone with a role: each sees what their role allows."""

    engine: Engine
    runner: ProjectionRunner
    projection: FindingsLibraryProjection

    def search_findings(
        self,
        actor: Actor,
        text: str | None = None,
        theme: str | None = None,
        pattern: str | None = None,
        agency: str | None = None,
        board: str | None = None,
        from_date: date | None = None,
        to_date: date | None = None,
        limit: int = 50,
    ) -> list[FoundFinding]:
        """Findings in force matching every criterion given (text: stemmed words, all present), best first.

        The theme is a stable id or any name the theme has had, so a renamed theme still finds old findings.
        """
        check_period(from_date, to_date)
        criteria = queries.Criteria(text, theme, pattern, agency, board, from_date, to_date, limit)
        self.runner.catch_up(self.projection)
        with self.engine.connect() as connection:
            return queries.search(connection, actor, criteria)
