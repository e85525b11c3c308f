"""Learning reach from the digest facts: deliveries addressed in the period, as recorded up to the position."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from sqlalchemy import Engine

from lipp.digest.reach import ThemeReach
from lipp.projections.digest_facts import queries


class DeliveryFactsReach:
    """The LearningReach a digest uses: it reads only facts at or before the digest's position, so an issued
    digest's reach section is the same whenever it is rebuilt."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def reach(self, theme_ids: Sequence[str], start: date, end: date, position: int) -> Mapping[str, ThemeReach]:
        with self._engine.connect() as connection:
            figures = queries.learning_reach(connection, theme_ids, start, end, position)
        return {
            theme_id: ThemeReach(teams_targeted=targeted, acknowledged=acknowledged, practice_change_verified=verified)
            for theme_id, (targeted, acknowledged, verified) in figures.items()
        }
