"""Every projection lipp keeps. Add a new one here: it backfills from the whole history on its first catch-up."""

from __future__ import annotations

from lipp.projections.digest_facts.projection import DigestFactsProjection
from lipp.projections.directory.projection import DirectoryProjection
from lipp.projections.findings.projection import FindingsLibraryProjection
from lipp.projections.learning.projection import DeliveriesProjection
from lipp.projections.markers.projection import MarkerResultsProjection
from lipp.projections.plans.projection import ActionTrackerProjection
from lipp.projections.projection import Projection
from lipp.projections.register.projection import ReviewRegisterProjection


def all_projections() -> list[Projection]:
    """In the order they are caught up and rebuilt."""
    return [
        ReviewRegisterProjection(),
        FindingsLibraryProjection(),
        MarkerResultsProjection(),
        DigestFactsProjection(),
        DeliveriesProjection(),
        DirectoryProjection(),
        ActionTrackerProjection(),
    ]
