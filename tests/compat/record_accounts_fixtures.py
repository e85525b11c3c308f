"""Record the stored form of the account events (a password set, failures, a lock, failures cleared, a second
factor set up) as a fixture.

Run once per new class version (`python -m tests.compat.record_accounts_fixtures vN`); past files are never
overwritten."""

from __future__ import annotations

import sys
import tempfile
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lipp.accounts import totp
from lipp.bootstrap import accounts_for, build
from lipp.config import Settings, WebSettings
from lipp.domain.clock import SettableClock
from lipp.domain.errors import Unauthenticated
from tests.compat.record_fixtures import write_stored_log
from tests.conftest import People

FIXTURES = Path(__file__).parent / "accounts_fixtures"
PASSWORD = "granite meadow pillow 7"


def record(version: str, folder: Path = FIXTURES) -> Path:
    path = folder / f"stored_accounts_events_{version}.jsonl"
    if path.exists():
        raise FileExistsError(f"{path} is a recorded history and is never overwritten")
    clock = SettableClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(
            data_dir=Path(data), database_url=None, web=WebSettings(throttle_after_failures=5, lock_after_failures=3)
        )
        with build(settings, clock) as lipp:
            people = People(lipp)
            accounts = accounts_for(lipp)
            accounts.set_password(people.admin, "nvl.coordinator", PASSWORD)
            accounts.set_password(people.admin, "reviewer.a", PASSWORD)
            for attempt in ("wrong once", PASSWORD):  # a failure, then the right one: cleared
                with suppress(Unauthenticated):
                    accounts.sign_in("nvl.coordinator", attempt)
            for _ in range(3):  # three in a row: locked
                clock.advance(timedelta(minutes=1))
                with suppress(Unauthenticated):
                    accounts.sign_in("reviewer.a", "wrong again")
            key = totp.new_secret()  # an authenticator app set up: SecondFactorSet
            accounts.set_up_second_factor(people.coordinator.user_id, key, totp.code_at(key, clock.now()))
            write_stored_log(lipp, path)
    return path


if __name__ == "__main__":
    print(record(sys.argv[1] if len(sys.argv) > 1 else "v1"))
