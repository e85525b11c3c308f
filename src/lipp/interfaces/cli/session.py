"""What one CLI invocation shares: settings, the built applications, and the acting user."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lipp.bootstrap import Lipp, build
from lipp.config import Settings
from lipp.domain.actors import Actor
from lipp.domain.errors import NotAuthorised

CURRENT_USER_FILE = "current-user"


class NoActingUser(NotAuthorised):
    """The CLI needs to know who acts."""


@dataclass
class Session:
    settings: Settings
    acting_as: str | None = None
    _lipp: Lipp | None = field(default=None, repr=False)

    @property
    def lipp(self) -> Lipp:
        if self._lipp is None:
            self._lipp = build(self.settings)
        return self._lipp

    def actor(self) -> Actor:
        """The user this invocation acts as: --as, else LIPP_USER, else the one saved by `lipp login`."""
        username = self.acting_as or self.settings.user or self.saved_user()
        if not username:
            raise NoActingUser("who is acting? pass --as USERNAME, set LIPP_USER, or run 'lipp login USERNAME'")
        return self.lipp.registry.actor_for(username)

    def saved_user(self) -> str | None:
        path = self.current_user_path
        return path.read_text().strip() or None if path.exists() else None

    def save_user(self, username: str) -> None:
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.current_user_path.write_text(username + "\n")

    @property
    def current_user_path(self) -> Path:
        return self.settings.data_dir / CURRENT_USER_FILE

    def close(self) -> None:
        if self._lipp is not None:
            self._lipp.close()
