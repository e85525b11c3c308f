"""Demo-only passwords, so a newcomer can sign in to the web pages on the demo data. Never use them elsewhere."""

from __future__ import annotations

from lipp.bootstrap import Lipp, accounts_for
from lipp.demo.reviews import ADMIN

DEMO_PASSWORD = "demo-only-password"
"""The one password of every demo user: the demo's data folder is fictional and local."""
WEB_USERS = (
    (ADMIN, "an admin: boards, users, API tokens, the outbox, read models"),
    ("nvl.coordinator", "Northvale's coordinator: the register, each review's next steps as forms, the plan"),
    ("reviewer.a", "a lead reviewer: my reviews, findings with the redaction check, markers"),
    ("ncb.lead", "a national body: the findings library, digests, marker results, Alliance actions"),
    ("csc.north.member", "a team member: my team's deliveries, acknowledge, discuss, report a change"),
)


def set_demo_passwords(lipp: Lipp) -> None:
    accounts = accounts_for(lipp)
    admin = lipp.registry.actor_for(ADMIN)
    for username, _ in WEB_USERS:
        accounts.set_password(admin, username, DEMO_PASSWORD)
