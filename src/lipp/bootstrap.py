"""The composition root: the one place that builds lipp's applications and read models from settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine

from lipp.adapters.outbox import Outbox
from lipp.adapters.transports import FolderTransport, SmtpTransport, Transport
from lipp.application.alliance import AllianceApplication
from lipp.application.digests import DigestsApplication
from lipp.application.learning import LearningApplication
from lipp.application.plans import PlansApplication
from lipp.application.registry import RegistryApplication
from lipp.application.reviewer_register import ReviewerRegisterApplication
from lipp.application.reviews import ReviewsApplication
from lipp.application.storage import EventStorage
from lipp.application.tokens import TokenApplication
from lipp.config import Settings
from lipp.digest.facts_reach import DeliveryFactsReach
from lipp.digest.reach import LearningReach
from lipp.domain import business_dates
from lipp.domain.clock import Clock, SystemClock
from lipp.learning.links import LinkSigner
from lipp.learning.post import LearningPost
from lipp.projections.catalogue import all_projections
from lipp.projections.database import create_read_model_engine
from lipp.projections.digest_facts.projection import DigestFactsProjection
from lipp.projections.directory.projection import DirectoryProjection
from lipp.projections.directory.view import DirectoryView
from lipp.projections.findings.projection import FindingsLibraryProjection
from lipp.projections.findings.view import FindingsLibrary
from lipp.projections.learning.projection import DeliveriesProjection
from lipp.projections.learning.view import DeliveriesView
from lipp.projections.markers.projection import MarkerResultsProjection
from lipp.projections.markers.view import MarkerResults
from lipp.projections.plans.projection import ActionTrackerProjection
from lipp.projections.plans.view import ActionTracker
from lipp.projections.projection import Projection
from lipp.projections.register.projection import ReviewRegisterProjection
from lipp.projections.register.view import ReviewRegister
from lipp.projections.runner import ProjectionRunner
from lipp.store import check_store, creating


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
    alliance: AllianceApplication
    digests: DigestsApplication
    learning: LearningApplication
    deliveries: DeliveriesView
    plans: PlansApplication
    outbox: Outbox
    outbox_engine: Engine

    def transport(self) -> Transport:
        """A fresh transport for one sending round (an SMTP connection is not shared between threads)."""
        return transport_from_settings(self.settings)

    def learning_post(self, transport: Transport | None = None) -> LearningPost:
        """What sends briefings and chases deadlines, through the outbox and `transport` (default: settings')."""
        return LearningPost(
            self.learning,
            self.outbox,
            transport or self.transport(),
            public_url=self.settings.learning.public_url,
            link_days=self.settings.learning.link_days,
        )

    def close(self) -> None:
        self.read_models.dispose()
        if self.outbox_engine is not self.read_models:
            self.outbox_engine.dispose()
        self.storage.close()

    def __enter__(self) -> Lipp:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def build(
    settings: Settings | None = None,
    clock: Clock | None = None,
    reach: LearningReach | None = None,
    *,
    create_store: bool = True,
) -> Lipp:
    """Everything, from settings; `reach` feeds the digest's section on learning reaching teams (by default the
    deliveries recorded in the digest facts).

    With `create_store` (setup, the deploy step, the demo, tests and benchmarks) every table is made if missing,
    one creator at a time; without it (`open_store`: every other command, the API, flow runs) the store must be
    there already and nothing is created (docs/adr/0015)."""
    settings = settings or Settings()
    if not create_store:
        return _assemble(settings, clock, reach, create=False)
    with creating(settings):
        return _assemble(settings, clock, reach, create=True)


def open_store(settings: Settings | None = None, clock: Clock | None = None) -> Lipp:
    """Everything, on a store that must exist already: a missing or unreachable one is refused, naming it."""
    return build(settings, clock, create_store=False)


def _assemble(settings: Settings, clock: Clock | None, reach: LearningReach | None, *, create: bool) -> Lipp:
    clock = clock or SystemClock()
    business_dates.configure(settings.dates.to_domain(clock))
    projections = all_projections()
    if not create:
        check_store(settings, projections)
    storage = EventStorage.open({**settings.event_store_env(), "CREATE_TABLE": "true" if create else "false"})
    registry = RegistryApplication(storage, clock)
    timescales = settings.timescales.to_domain()
    reviewers = ReviewerRegisterApplication(storage, clock, people=registry)
    reviews = ReviewsApplication(storage, clock, timescales, directory=registry, reviewer_register=reviewers)
    tokens = TokenApplication(storage, clock, registry, remember_for=timedelta(seconds=settings.token_check_seconds))
    engine = create_read_model_engine(settings.effective_database_url, settings.connect_timeout_seconds)
    runner = ProjectionRunner(engine, storage.recorder, reviews.mapper)
    if create:
        runner.prepare_all(projections)
    register_projection = next(p for p in projections if isinstance(p, ReviewRegisterProjection))
    library_projection = next(p for p in projections if isinstance(p, FindingsLibraryProjection))
    outbox_url = settings.outbox_database_url
    outbox_engine = (
        engine
        if outbox_url == settings.effective_database_url
        else create_read_model_engine(outbox_url, settings.connect_timeout_seconds)
    )
    markers_projection = next(p for p in projections if isinstance(p, MarkerResultsProjection))
    facts_projection = next(p for p in projections if isinstance(p, DigestFactsProjection))
    deliveries_projection = next(p for p in projections if isinstance(p, DeliveriesProjection))
    tracker_projection = next(p for p in projections if isinstance(p, ActionTrackerProjection))
    library = FindingsLibrary(engine, runner, library_projection)
    deliveries = DeliveriesView(engine, runner, deliveries_projection)
    directory_projection = next(p for p in projections if isinstance(p, DirectoryProjection))
    lists = DirectoryView(engine, runner, directory_projection, register_projection, deliveries_projection)
    registry.lists = reviewers.lists = reviews.lists = lists
    learning = LearningApplication(
        storage,
        clock,
        settings.learning.to_domain(),
        registry,
        deliveries,
        find=lambda actor, theme, start, end: library.search_findings(
            actor, theme=theme, from_date=start, to_date=end, limit=200
        ),
        signer=lambda: LinkSigner(settings.link_key()),
    )
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
        library=library,
        marker_results=MarkerResults(engine, runner, markers_projection),
        reviewers=reviewers,
        tokens=tokens,
        alliance=AllianceApplication(storage, clock, registry),
        digests=DigestsApplication(
            storage, clock, registry, engine, runner, facts_projection, reach or DeliveryFactsReach(engine)
        ),
        learning=learning,
        deliveries=deliveries,
        plans=PlansApplication(
            storage,
            clock,
            reviews,
            registry,
            ActionTracker(engine, runner, tracker_projection),
            timescales.due_soon_working_days,
        ),
        outbox=Outbox(outbox_engine, clock, sender=settings.mail_sender),
        outbox_engine=outbox_engine,
    )


def transport_from_settings(settings: Settings) -> Transport:
    """SMTP when a server is configured, else `.eml` files in the outbox folder (the embedded default)."""
    smtp = settings.smtp
    if smtp is None:
        return FolderTransport(settings.outbox_dir)
    return SmtpTransport(
        smtp.host,
        smtp.port,
        sender=settings.mail_sender,
        username=smtp.username,
        password=smtp.password.get_secret_value() if smtp.password else None,
        starttls=smtp.starttls,
        timeout=smtp.timeout_seconds,
    )
