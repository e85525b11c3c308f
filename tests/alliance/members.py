"""Two member bodies of the Alliance, each with a user, on top of the shared cast."""

from __future__ import annotations

from lipp.bootstrap import Lipp
from lipp.commands.alliance import RegisterNationalBody
from lipp.commands.registry import RegisterUser
from lipp.domain.actors import Actor
from tests.conftest import People


class Members:
    """NCB (the national body user of the cast joins it) and FCR, with their users."""

    def __init__(self, lipp: Lipp, people: People) -> None:
        registry = lipp.registry
        for code, name in (("NCB", "National Children's Bureau of Practice"), ("FCR", "Family Court Review Forum")):
            registry.register_national_body(
                people.admin,
                RegisterNationalBody(code=code, name=name, digest_email=f"digest@{code.lower()}.example"),
            )
        registry.register_user(
            people.admin, RegisterUser(username="ncb.lead", role="national_body", national_body="NCB")
        )
        registry.register_user(
            people.admin, RegisterUser(username="fcr.lead", role="national_body", national_body="FCR")
        )
        self.ncb: Actor = registry.actor_for("ncb.lead")
        self.fcr: Actor = registry.actor_for("fcr.lead")
