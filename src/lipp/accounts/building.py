"""The accounts application for a built lipp (the web app and the CLI build it the same way)."""

from __future__ import annotations

from lipp.application.accounts import AccountsApplication
from lipp.bootstrap import Lipp


def accounts_for(lipp: Lipp) -> AccountsApplication:
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
