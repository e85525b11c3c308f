"""How a flow run gets lipp: built from the environment's settings, unless a caller provides one; and running the
national digest flow in this process. Beside the composition root, which it uses: only entrypoints and flows
import it (docs/adr/0020)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from lipp.bootstrap import Lipp, open_store
from lipp.domain.errors import NotFound

REPOSITORY = Path(__file__).resolve().parents[2]
FLOW_FILE = REPOSITORY / "flows" / "national_digest.py"


class FlowNotInstalled(NotFound):
    """The digest flow lives in the repository's flows folder, where Prefect deployments point too."""


Provider = Callable[[], AbstractContextManager[Lipp]]
_provider: Provider = open_store


def lipp_for_run() -> AbstractContextManager[Lipp]:
    """The lipp a flow run works with; closed when the run ends if the run built it."""
    return _provider()


@contextmanager
def providing(provider: Provider) -> Iterator[None]:
    """Flow runs started inside this block use `provider` (the CLI passes its own settings; tests their store)."""
    global _provider
    before, _provider = _provider, provider
    try:
        yield
    finally:
        _provider = before


@contextmanager
def prefect_settings_for_local_runs() -> Iterator[None]:
    """Prefect's temporary local server needs longer than its default to start on a small machine; telemetry off.

    Only for the block, so commands that do not run flows never see these settings."""
    from prefect.settings import (
        PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY,
        PREFECT_SERVER_ANALYTICS_ENABLED,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    updates: dict[Any, Any] = {
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS: 90,
        PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY: False,
        PREFECT_SERVER_ANALYTICS_ENABLED: False,
    }
    with temporary_settings(updates=updates):
        yield


def load_flow() -> Callable[..., Any]:
    """The national digest flow from the repository's flows folder (its tasks sit beside it there)."""
    if not FLOW_FILE.exists():
        raise FlowNotInstalled(f"the digest flow is not here ({FLOW_FILE}): run lipp from its repository")
    if str(REPOSITORY) not in sys.path:
        sys.path.append(str(REPOSITORY))  # after everything installed, so `flows` never shadows a module
    module = importlib.import_module("flows.national_digest")
    flow: Callable[..., Any] = module.national_digest
    return flow


def run_flow(lipp: Lipp, **parameters: Any) -> str:
    """Run the national digest flow in this process with `lipp` (Prefect's temporary local server when no
    PREFECT_API_URL is set); returns the digest's id."""
    flow = load_flow()
    with providing(lambda: _borrowed(lipp)), prefect_settings_for_local_runs():
        digest_id: str = flow(**parameters)
    return digest_id


@contextmanager
def _borrowed(lipp: Lipp) -> Iterator[Lipp]:
    yield lipp  # the caller built it and closes it
