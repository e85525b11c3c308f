"""The composition root: the one place that builds lipp's applications from settings."""

from __future__ import annotations

from dataclasses import dataclass

from lipp.application.registry import RegistryApplication
from lipp.application.reviewer_register import ReviewerRegisterApplication
from lipp.application.reviews import ReviewsApplication
from lipp.application.storage import EventStorage
from lipp.application.tokens import TokenApplication
from lipp.config import Settings
from lipp.domain.clock import Clock, SystemClock


@dataclass
class Lipp:
    """Everything a process needs, built once and closed once."""

    settings: Settings
    clock: Clock
    storage: EventStorage
    registry: RegistryApplication
    reviews: ReviewsApplication
    reviewers: ReviewerRegisterApplication
    tokens: TokenApplication

    def close(self) -> None:
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
    reviewers = ReviewerRegisterApplication(storage, clock, people=registry)
    reviews = ReviewsApplication(
        storage, clock, settings.timescales.to_domain(), directory=registry, reviewer_register=reviewers
    )
    tokens = TokenApplication(storage, clock, registry)
    return Lipp(
        settings=settings,
        clock=clock,
        storage=storage,
        registry=registry,
        reviews=reviews,
        reviewers=reviewers,
        tokens=tokens,
    )
