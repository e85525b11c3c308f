"""One run of `lipp demo` for the whole session: it starts Prefect's temporary server, so it is paid once."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.e2e.test_cli import Cli


@dataclass(frozen=True)
class DemoRun:
    """The demo's data folder (as a Cli acting in it) and what the demo printed."""

    cli: Cli
    output: str


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    folder = tmp_path_factory.mktemp("demo") / "demo"
    output = Cli(folder.parent / "unused").ok("demo", "--folder", str(folder), timeout=400)
    return DemoRun(cli=Cli(folder), output=output)
