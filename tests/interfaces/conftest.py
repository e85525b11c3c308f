"""The seeded store the generated-input tests drive, one per back end for each module that asks for it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from lipp.bootstrap import build
from lipp.config import Settings
from lipp.domain import business_dates
from lipp.domain.clock import SettableClock
from tests.conftest import clear_postgres
from tests.interfaces.generated import Seeded, seed


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def seeded_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """One seeded store per back end for the module: the properties hold whatever the store already holds."""
    clock = SettableClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    folder = tmp_path_factory.mktemp("generated")
    if request.param == "sqlite":
        store = Settings(data_dir=folder, database_url=None)
    else:
        url: str = request.getfixturevalue("postgres_database")
        clear_postgres(url)
        store = Settings(data_dir=folder, database_url=url)
    with build(store, clock) as lipp:
        yield seed(lipp, clock)


@pytest.fixture
def seeded(seeded_store: Seeded) -> Seeded:
    """The seeded store, its clock saying today again: another lipp built in this process (the CLI's, the
    API's) may have set the date bounds' clock."""
    business_dates.configure(seeded_store.lipp.settings.dates.to_domain(seeded_store.lipp.clock))
    return seeded_store
