"""No sequence of registrations, deactivations and role changes leaves lipp without an active admin; an operator
holding the database can still recover one, and that is recorded with who ran it and why."""

from __future__ import annotations

import contextlib
import getpass
import threading
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from lipp.bootstrap import Lipp, build
from lipp.commands.registry import DeactivateUser, RegisterBoard, RegisterUser
from lipp.commands.roles import ChangeRole
from lipp.config import Settings
from lipp.domain.actors import Role
from lipp.domain.clock import SettableClock
from lipp.domain.errors import ConcurrentChange, LippError
from lipp.domain.identifiers import user_id_for
from lipp.domain.registry.admins import LastActiveAdmin
from lipp.domain.registry.user import User
from lipp.interfaces.api.app import create_app
from lipp.interfaces.cli.main import main

NAMES = ["admin", "ann", "bob", "cat", "dan", "eve"]
ROLES = [
    {"role": "admin"},
    {"role": "admin"},
    {"role": "lead_reviewer"},
    {"role": "national_body"},
    {"role": "coordinator", "board": "NVL"},
]


def active_admins(lipp: Lipp) -> set[str]:
    """Counted from the users themselves, not from the roster the rule keeps."""
    found = set()
    for name in NAMES:
        user: User | None = lipp.registry.load(user_id_for(name))
        if user is not None and user.active and user.role is Role.ADMIN:
            found.add(name)
    return found


class AdministrationMachine(RuleBasedStateMachine):
    """Admins (any of them, the last one included) add users, deactivate them and change their roles."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = TemporaryDirectory()
        clock = SettableClock(datetime(2026, 3, 2, 10, tzinfo=UTC))
        self.lipp = build(Settings(data_dir=Path(self.folder.name), database_url=None), clock)
        self.lipp.registry.set_up_first_admin("admin")
        admin = self.lipp.registry.actor_for("admin")
        self.lipp.registry.register_board(admin, RegisterBoard(code="NVL", name="Northvale", area="Northvale"))

    def _as(self, name: str) -> Any:
        return self.lipp.registry.actor_for(name)

    def _attempt(self, actor_name: str, step: Any) -> None:
        with contextlib.suppress(LippError):  # a refusal (not an admin, the last admin, ...) is a proper answer
            step(self._as(actor_name))

    @rule(actor=st.sampled_from(NAMES), name=st.sampled_from(NAMES), role=st.sampled_from(ROLES))
    def add(self, actor: str, name: str, role: dict[str, str]) -> None:
        command = RegisterUser.model_validate({"username": name, **role})
        self._attempt(actor, lambda who: self.lipp.registry.register_user(who, command))

    @rule(actor=st.sampled_from(NAMES), name=st.sampled_from(NAMES))
    def deactivate(self, actor: str, name: str) -> None:
        command = DeactivateUser(username=name, reason="Left the partnership")
        self._attempt(actor, lambda who: self.lipp.registry.deactivate_user(who, command))

    @rule(actor=st.sampled_from(NAMES), name=st.sampled_from(NAMES), role=st.sampled_from(ROLES))
    def change_role(self, actor: str, name: str, role: dict[str, str]) -> None:
        command = ChangeRole.model_validate({"username": name, **role})
        self._attempt(actor, lambda who: self.lipp.registry.change_role(who, command))

    @invariant()
    def an_active_admin_remains_and_the_roster_agrees(self) -> None:
        admins = active_admins(self.lipp)
        assert admins, "no active admin is left"
        roster = {self.lipp.registry.username_of(i) for i in self.lipp.registry.admin_roster().admins}
        assert roster == admins

    def teardown(self) -> None:
        self.lipp.close()
        self.folder.cleanup()


AdministrationMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
test_there_is_always_an_active_admin = AdministrationMachine.TestCase


def test_two_admins_removing_each_other_at_once_leave_one(lipp: Lipp) -> None:
    lipp.registry.set_up_first_admin("admin")
    lipp.registry.register_user(lipp.registry.actor_for("admin"), RegisterUser(username="ann", role="admin"))
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def remove(actor: str, target: str) -> None:
        who = lipp.registry.actor_for(actor)
        start.wait()
        try:
            lipp.registry.deactivate_user(who, DeactivateUser(username=target, reason="Moving on"))
            outcomes.append("done")
        except (ConcurrentChange, LastActiveAdmin) as refused:
            outcomes.append(type(refused).__name__)

    threads = [threading.Thread(target=remove, args=pair) for pair in (("admin", "ann"), ("ann", "admin"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("done") == 1, outcomes
    assert len(active_admins(lipp)) == 1


def test_an_operator_recovers_a_locked_out_store_and_it_is_recorded(
    lipp: Lipp, capsys: pytest.CaptureFixture[str]
) -> None:
    lipp.registry.set_up_first_admin("admin")
    # A store locked out before the rule existed: the only admin deactivated.
    user: User = lipp.registry.repository.get(user_id_for("admin"))
    user.deactivate(actor_id=user.id, now=lipp.clock.now(), reason="Left")
    lipp.registry.save(user)
    assert not active_admins(lipp)
    options = ["--data-dir", str(lipp.settings.data_dir), "--database-url", lipp.settings.effective_database_url]

    with pytest.raises(SystemExit) as exited:
        main([*options, "admin", "recover", "admin", "--reason", "Only admin left the partnership"])

    assert exited.value.code == 0, capsys.readouterr().err
    recovered: User = lipp.registry.repository.get(user_id_for("admin"))
    assert recovered.active and recovered.role is Role.ADMIN
    [event] = [e for e in lipp.registry.history(user_id_for("admin")) if isinstance(e, User.RecoveredAsAdmin)]
    assert event.operator.startswith(getpass.getuser() + "@")
    assert event.reason == "Only admin left the partnership"
    assert lipp.registry.active_admins() == 1


def test_recovery_is_not_offered_over_http() -> None:
    paths = create_app(lambda: None).openapi()["paths"]  # type: ignore[arg-type, return-value]
    assert not [path for path in paths if "recover" in path]
