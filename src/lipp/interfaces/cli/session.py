"""What one CLI invocation shares: settings, the built applications, and the acting user."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lipp.bootstrap import Lipp, build
from lipp.config import Settings
from lipp.domain.actors import Actor
from lipp.domain.errors import NotAuthorised, Unauthenticated
from lipp.interfaces.cli.credentials import Credential, saved_credential
from lipp.store import address_of

CURRENT_USER_FILE = "current-user"


class NoActingUser(NotAuthorised):
    """The CLI needs to know who acts."""


class NameNotTrusted(Unauthenticated):
    """On a shared store the CLI does not act on a name alone: it needs that user's token."""


@dataclass
class Session:
    settings: Settings
    acting_as: str | None = None
    creates_store: bool = False
    """Set by the commands that may make the store (`lipp setup`, `lipp store prepare`); the rest need one."""
    _lipp: Lipp | None = field(default=None, repr=False)

    @property
    def lipp(self) -> Lipp:
        if self._lipp is None:
            self._lipp = build(self.settings, create_store=self.creates_store)
        return self._lipp

    def actor(self) -> Actor:
        """The user this invocation acts as. On a single-user store: --as, else LIPP_USER, else the one saved by
        `lipp login`. On a shared store: the token saved by `lipp login` (or LIPP_TOKEN), checked now; a name
        alone only where the operator setting LIPP_CLI_TRUST_NAMES allows it."""
        lipp = self.lipp  # a missing or unreachable store is the first thing to say
        named = self.acting_as or self.settings.user
        if not self.settings.is_shared:
            username = named or self.saved_user()
            if not username:
                raise NoActingUser("who is acting? pass --as USERNAME, set LIPP_USER, or run 'lipp login USERNAME'")
            return lipp.registry.actor_for(username)
        if named and self.settings.cli_trust_names:
            return lipp.registry.actor_for(named)
        credential = self.credential()
        if credential is None or (named and named.strip().lower() != credential.username):
            if named:
                reason = f"this store is shared, so the CLI cannot act as {named} from a name alone"
            else:
                reason = "this store is shared and you have not logged in"
            raise NameNotTrusted(
                f"{reason}: run 'lipp login USERNAME' with a token an admin issued you ('lipp token issue'), "
                "or set LIPP_TOKEN"
            )
        return lipp.tokens.actor_for_secret(credential.token)

    def credential(self) -> Credential | None:
        """The token this invocation presents on a shared store: LIPP_TOKEN, else the one `lipp login` saved."""
        if self.settings.token is not None:
            secret = self.settings.token.get_secret_value()
            return Credential(username=self.lipp.tokens.actor_for_secret(secret).username, token=secret)
        return saved_credential(self.store_address)

    @property
    def store_address(self) -> str:
        return address_of(self.settings)

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
