"""How a digest flow run gets lipp: built from the environment's settings, unless a caller provides one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from lipp.bootstrap import Lipp, build

Provider = Callable[[], AbstractContextManager[Lipp]]
_provider: Provider = build


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
