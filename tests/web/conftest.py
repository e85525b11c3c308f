"""One seeded data folder, one `lipp serve` and one Chromium for all the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from lipp.config import Settings
from tests.web.browser import launch, require_browser
from tests.web.live import lipp_serve
from tests.web.seed import Seeded, seed

LOCK_AFTER = 3
SERVER_ENV = {
    "LIPP_WEB__LOCK_AFTER_FAILURES": str(LOCK_AFTER),
    "LIPP_WEB__THROTTLE_AFTER_FAILURES": str(LOCK_AFTER),  # the lock comes before any wait: no sleeping here
}


@dataclass(frozen=True)
class Site:
    url: str
    data_dir: Path
    seeded: Seeded


@pytest.fixture(scope="package")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    require_browser()
    data_dir = tmp_path_factory.mktemp("web")
    seeded = seed(Settings(data_dir=data_dir, database_url=None))
    with lipp_serve(data_dir, SERVER_ENV) as url:
        yield Site(url=url, data_dir=data_dir, seeded=seeded)


@pytest.fixture(scope="package")
def browser(site: Site) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
