"""The CLI's proof of who acts on a shared store: a token saved by `lipp login` in the user's own config file.

The file (`$XDG_CONFIG_HOME/lipp/credentials`, else `~/.config/lipp/credentials`) is readable by its owner only
(mode 0600, its folder 0700) and holds one username and token per store address, so one account can work
with several stores. Tokens are the API's (`lipp token issue`): the CLI checks one on every command.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Credential:
    username: str
    token: str


def credentials_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "lipp" / "credentials"


def _read(path: Path) -> dict[str, dict[str, str]]:
    if not path.is_file():
        return {}
    try:
        loaded = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def saved_credential(store: str) -> Credential | None:
    """The username and token saved for the store at `store` (its address), if any."""
    entry = _read(credentials_path()).get(store)
    if not isinstance(entry, dict) or not entry.get("token") or not entry.get("username"):
        return None
    return Credential(username=str(entry["username"]), token=str(entry["token"]))


def save_credential(store: str, credential: Credential) -> Path:
    """Save the credential for `store`, readable by this account only; other stores' entries are kept."""
    path = credentials_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    entries = _read(path)
    entries[store] = {"username": credential.username, "token": credential.token}
    temporary = path.with_name(path.name + ".new")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as out:
        json.dump(entries, out, indent=2)
    os.chmod(temporary, 0o600)  # an existing file keeps its mode through O_CREAT: set it again
    temporary.replace(path)
    return path
