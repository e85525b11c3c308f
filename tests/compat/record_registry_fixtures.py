"""Record the stored form of the registry's role events (role changes, an operator's recovery, the admin roster).

Run once per new class version (`python -m tests.compat.record_registry_fixtures vN`); never overwrite a past
file: those files are the history that later code must still read.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from lipp.bootstrap import build
from lipp.commands.registry import DeactivateUser, RegisterUser
from lipp.commands.roles import ChangeRole, RecoverAdmin
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from tests.compat.record_fixtures import write_stored_log
from tests.conftest import People

FIXTURES = Path(__file__).parent / "registry_fixtures"


def record(version: str) -> Path:
    path = FIXTURES / f"stored_registry_events_{version}.jsonl"
    if path.exists():
        raise FileExistsError(f"{path} is a recorded history and is never overwritten: record a new version")
    clock = SettableClock(datetime(2026, 3, 2, 10, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder, build(Settings(data_dir=Path(folder)), clock) as lipp:
        people = People(lipp)
        registry = lipp.registry
        registry.register_user(people.admin, RegisterUser(username="deputy", role="admin"))
        registry.change_role(people.admin, ChangeRole(username="reviewer.b", role="coordinator", board="EMR"))
        registry.change_role(people.admin, ChangeRole(username="deputy", role="lead_reviewer"))
        registry.deactivate_user(people.admin, DeactivateUser(username="national.body", reason="Left the body"))
        registry.recover_admin(RecoverAdmin(username="national.body", reason="Locked out"), "operator@host")
        write_stored_log(lipp, path)
    return path


if __name__ == "__main__":
    print(record(sys.argv[1] if len(sys.argv) > 1 else "v1"))
