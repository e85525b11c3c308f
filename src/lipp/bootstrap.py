"""The composition root: the one place that builds lipp's applications and read models from settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine

from lipp.application.registry import RegistryApplication
from lipp.application.reviewer_register import ReviewerRegisterApplication
from lipp.application.reviews import ReviewsApplication
from lipp.application.storage import EventStorage
from lipp.application.tokens import TokenApplication
from lipp.config import Settings
from lipp.domain.clock import Clock, SystemClock
from lipp.projections.catalogue import all_projections
from lipp.projections.database import create_read_model_engine
from lipp.projections.findings.projection import FindingsLibraryProjection
from lipp.projections.findings.view import FindingsLibrary
from lipp.projections.markers.projection import MarkerResultsProjection
from lipp.projections.markers.view import MarkerResults
from lipp.projections.projection import Projection
from lipp.projections.register.projection import ReviewRegisterProjection
from lipp.projections.register.view import ReviewRegister
from lipp.projections.runner import ProjectionRunner


@dataclass
class Lipp:
    """Everything a process needs, built once and closed once."""

    settings: Settings
    clock: Clock
    storage: EventStorage
    registry: RegistryApplication
    reviews: ReviewsApplication
    read_models: Engine
    projections: list[Projection]
    runner: ProjectionRunner
    register: ReviewRegister
    library: FindingsLibrary
    marker_results: MarkerResults
    reviewers: ReviewerRegisterApplication
    tokens: TokenApplication

    def close(self) -> None:
        self.read_models.dispose()
        self.storage.close()

    def __enter__(self) -> Lipp:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def build(settings: Settings | None = None, clock: Clock | None = None) -> Lipp:
    settings = settings or Settings()
    clock = clock or SystemClock()
    storage = EventStorage.open(settings.event_store_env())
    registry = RegistryApplication(storage, clock)
    timescales = settings.timescales.to_domain()
    reviewers = ReviewerRegisterApplication(storage, clock, people=registry)
    reviews = ReviewsApplication(storage, clock, timescales, directory=registry, reviewer_register=reviewers)
    tokens = TokenApplication(storage, clock, registry, remember_for=timedelta(seconds=settings.token_check_seconds))
    engine = create_read_model_engine(settings.effective_database_url)
    runner = ProjectionRunner(engine, storage.recorder, reviews.mapper)
    projections = all_projections()
    register_projection = next(p for p in projections if isinstance(p, ReviewRegisterProjection))
    library_projection = next(p for p in projections if isinstance(p, FindingsLibraryProjection))
    markers_projection = next(p for p in projections if isinstance(p, MarkerResultsProjection))
    return Lipp(
        settings=settings,
        clock=clock,
        storage=storage,
        registry=registry,
        reviews=reviews,
        read_models=engine,
        projections=projections,
        runner=runner,
        register=ReviewRegister(engine, runner, register_projection, timescales),
        library=FindingsLibrary(engine, runner, library_projection),
        marker_results=MarkerResults(engine, runner, markers_projection),
        reviewers=reviewers,
        tokens=tokens,
    )
