"""The composition root: the one place that builds lipp's applications and read models from settings.

Each part is built the first time it is asked for, and imported then: a CLI call that shows one review loads the
review context and the register, not the Alliance, the digest or the learning loop (issue 13: a CLI that answers
at once). Building a store (`create`) makes every part's tables at once, as before.
"""

from __future__ import annotations

from datetime import timedelta
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from lipp.config import Settings
from lipp.domain import business_dates
from lipp.domain.clock import Clock, SystemClock

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from lipp.adapters.outbox import Outbox
    from lipp.adapters.transports import Transport
    from lipp.application.accounts import AccountsApplication
    from lipp.application.alliance import AllianceApplication
    from lipp.application.digests import DigestsApplication
    from lipp.application.learning import LearningApplication
    from lipp.application.learning_post import LearningPost
    from lipp.application.plans import PlansApplication
    from lipp.application.registry import RegistryApplication
    from lipp.application.reviewer_register import ReviewerRegisterApplication
    from lipp.application.reviews import ReviewsApplication
    from lipp.application.storage import EventStorage
    from lipp.application.tokens import TokenApplication
    from lipp.digest.reach import LearningReach
    from lipp.domain.timescales import Timescales
    from lipp.projections.directory.view import DirectoryView
    from lipp.projections.findings.view import FindingsLibrary
    from lipp.projections.learning.view import DeliveriesView
    from lipp.projections.markers.view import MarkerResults
    from lipp.projections.projection import Projection
    from lipp.projections.register.view import ReviewRegister
    from lipp.projections.runner import ProjectionRunner

P = TypeVar("P")


class Lipp:
    """Everything a process needs, each part built when first used, and all closed once."""

    def __init__(
        self, settings: Settings, clock: Clock, reach: LearningReach | None = None, *, create: bool = False
    ) -> None:
        self.settings = settings
        self.clock = clock
        self._reach = reach
        self._create = create

    # -- the event store and the read models' database -------------------------------------------------------

    @cached_property
    def storage(self) -> EventStorage:
        from lipp.application.storage import EventStorage

        env = {**self.settings.event_store_env(), "CREATE_TABLE": "true" if self._create else "false"}
        return EventStorage.open(env)

    @cached_property
    def read_models(self) -> Engine:
        from lipp.projections.database import create_read_model_engine

        return create_read_model_engine(self.settings.effective_database_url, self.settings.connect_timeout_seconds)

    @cached_property
    def outbox_engine(self) -> Engine:
        from lipp.projections.database import create_read_model_engine

        url = self.settings.outbox_database_url
        if url == self.settings.effective_database_url:
            return self.read_models
        return create_read_model_engine(url, self.settings.connect_timeout_seconds)

    @cached_property
    def projections(self) -> list[Projection]:
        """Every projection, in catch-up order (lipp.projections.catalogue), each the one `projection` gives."""
        from lipp.projections.catalogue import all_projections

        return [self.projection(type(p)) for p in all_projections()]

    def projection(self, kind: type[P]) -> P:
        """The one projection of `kind`, made when first asked for (a call that needs one read model imports
        only that one)."""
        made = self.__dict__.setdefault("_projections", {})
        if kind not in made:
            made[kind] = kind()
        found: P = made[kind]
        return found

    @cached_property
    def runner(self) -> ProjectionRunner:
        from lipp.projections.runner import ProjectionRunner

        return ProjectionRunner(self.read_models, self.storage.recorder, self._registry.mapper)

    @cached_property
    def timescales(self) -> Timescales:
        return self.settings.timescales.to_domain()

    # -- applications ------------------------------------------------------------------------------------------

    @cached_property
    def _registry(self) -> RegistryApplication:
        """The registry before its lists are attached: its mapper decodes events for the projection runner."""
        from lipp.application.registry import RegistryApplication

        return RegistryApplication(self.storage, self.clock)

    @cached_property
    def registry(self) -> RegistryApplication:
        registry = self._registry
        registry.lists = self.lists
        return registry

    @cached_property
    def reviewers(self) -> ReviewerRegisterApplication:
        from lipp.application.reviewer_register import ReviewerRegisterApplication

        reviewers = ReviewerRegisterApplication(self.storage, self.clock, people=self.registry)
        reviewers.lists = self.lists
        return reviewers

    @cached_property
    def reviews(self) -> ReviewsApplication:
        from lipp.application.reviews import ReviewsApplication

        reviews = ReviewsApplication(
            self.storage, self.clock, self.timescales, directory=self.registry, reviewer_register=self.reviewers
        )
        reviews.lists = self.lists
        return reviews

    @cached_property
    def tokens(self) -> TokenApplication:
        from lipp.application.tokens import TokenApplication

        remember = timedelta(seconds=self.settings.token_check_seconds)
        return TokenApplication(self.storage, self.clock, self.registry, remember_for=remember)

    @cached_property
    def alliance(self) -> AllianceApplication:
        from lipp.application.alliance import AllianceApplication

        return AllianceApplication(self.storage, self.clock, self.registry)

    @cached_property
    def digests(self) -> DigestsApplication:
        from lipp.application.digests import DigestsApplication
        from lipp.digest.facts_reach import DeliveryFactsReach
        from lipp.projections.digest_facts.projection import DigestFactsProjection

        reach = self._reach or DeliveryFactsReach(self.read_models)
        facts = self.projection(DigestFactsProjection)
        return DigestsApplication(
            self.storage,
            self.clock,
            self.registry,
            self.read_models,
            self.runner,
            facts,
            reach,
            disclosure_threshold=self.settings.disclosure.threshold,
        )

    @cached_property
    def learning(self) -> LearningApplication:
        from lipp.application.learning import LearningApplication
        from lipp.learning.links import LinkSigner

        library = self.library
        settings = self.settings
        return LearningApplication(
            self.storage,
            self.clock,
            settings.learning.to_domain(),
            self.registry,
            self.deliveries,
            find=lambda actor, theme, start, end: library.search_findings(
                actor, theme=theme, from_date=start, to_date=end, limit=200
            ),
            signer=lambda: LinkSigner(settings.link_key()),
        )

    @cached_property
    def plans(self) -> PlansApplication:
        from lipp.application.plans import PlansApplication
        from lipp.projections.plans.projection import ActionTrackerProjection
        from lipp.projections.plans.view import ActionTracker

        tracker = ActionTracker(self.read_models, self.runner, self.projection(ActionTrackerProjection))
        return PlansApplication(
            self.storage, self.clock, self.reviews, self.registry, tracker, self.timescales.due_soon_working_days
        )

    # -- read models' views ------------------------------------------------------------------------------------

    @cached_property
    def lists(self) -> DirectoryView:
        from lipp.projections.directory.projection import DirectoryProjection
        from lipp.projections.directory.view import DirectoryView
        from lipp.projections.learning.projection import DeliveriesProjection
        from lipp.projections.register.projection import ReviewRegisterProjection

        return DirectoryView(
            self.read_models,
            self.runner,
            self.projection(DirectoryProjection),
            self.projection(ReviewRegisterProjection),
            self.projection(DeliveriesProjection),
        )

    @cached_property
    def register(self) -> ReviewRegister:
        from lipp.projections.register.projection import ReviewRegisterProjection
        from lipp.projections.register.view import ReviewRegister

        projection = self.projection(ReviewRegisterProjection)
        return ReviewRegister(self.read_models, self.runner, projection, self.timescales)

    @cached_property
    def library(self) -> FindingsLibrary:
        from lipp.projections.findings.projection import FindingsLibraryProjection
        from lipp.projections.findings.view import FindingsLibrary

        return FindingsLibrary(self.read_models, self.runner, self.projection(FindingsLibraryProjection))

    @cached_property
    def marker_results(self) -> MarkerResults:
        from lipp.projections.markers.projection import MarkerResultsProjection
        from lipp.projections.markers.view import MarkerResults

        projection = self.projection(MarkerResultsProjection)
        return MarkerResults(self.read_models, self.runner, projection, self.settings.disclosure.threshold)

    @cached_property
    def deliveries(self) -> DeliveriesView:
        from lipp.projections.learning.projection import DeliveriesProjection
        from lipp.projections.learning.view import DeliveriesView

        return DeliveriesView(self.read_models, self.runner, self.projection(DeliveriesProjection))

    @cached_property
    def outbox(self) -> Outbox:
        from lipp.adapters.outbox import Outbox

        return Outbox(self.outbox_engine, self.clock, sender=self.settings.mail_sender)

    # -- mail ----------------------------------------------------------------------------------------------------

    def transport(self) -> Transport:
        """A fresh transport for one sending round (an SMTP connection is not shared between threads)."""
        return transport_from_settings(self.settings)

    def learning_post(self, transport: Transport | None = None) -> LearningPost:
        """What sends briefings and chases deadlines, through the outbox and `transport` (default: settings')."""
        from lipp.application.learning_post import LearningPost

        return LearningPost(
            self.learning,
            self.outbox,
            transport or self.transport(),
            public_url=self.settings.learning.public_url,
            link_days=self.settings.learning.link_days,
        )

    def close(self) -> None:
        """Close what was opened (a part never asked for was never opened)."""
        built = self.__dict__
        if "read_models" in built:
            self.read_models.dispose()
        if "outbox_engine" in built and built["outbox_engine"] is not built.get("read_models"):
            self.outbox_engine.dispose()
        if "storage" in built:
            self.storage.close()

    def __enter__(self) -> Lipp:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def accounts_for(lipp: Lipp) -> AccountsApplication:
    """The accounts application for a built lipp (the web app and the CLI build it the same way). Imported when
    called: commands that never sign anyone in do not load the password hashing."""
    from lipp.application.accounts import AccountsApplication

    settings = lipp.settings
    return AccountsApplication(
        lipp.storage,
        lipp.clock,
        lipp.registry,
        lipp.read_models,
        lipp.outbox,
        lipp.transport,
        settings.web,
        settings.learning.public_url,
    )


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
    from lipp.store import creating

    with creating(settings):
        return _assemble(settings, clock, reach, create=True)


def open_store(settings: Settings | None = None, clock: Clock | None = None) -> Lipp:
    """Everything, on a store that must exist already: a missing or unreachable one is refused, naming it."""
    return build(settings, clock, create_store=False)


def _assemble(settings: Settings, clock: Clock | None, reach: LearningReach | None, *, create: bool) -> Lipp:
    clock = clock or SystemClock()
    business_dates.configure(settings.dates.to_domain(clock))
    lipp = Lipp(settings, clock, reach, create=create)
    if create:  # every table now, one creator at a time (the event store's, the read models', the outbox's)
        lipp.storage  # noqa: B018
        lipp.runner.prepare_all(lipp.projections)
        lipp.outbox  # noqa: B018
    else:
        from lipp.projections.table_names import TABLES
        from lipp.store import check_store

        check_store(settings, TABLES)
    return lipp


def transport_from_settings(settings: Settings) -> Transport:
    """SMTP when a server is configured, else `.eml` files in the outbox folder (the embedded default)."""
    from lipp.adapters.transports import FolderTransport, SmtpTransport

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
