"""The demo ends by saying how to open lipp in a browser, and its demo users sign in with the demo-only password."""

from __future__ import annotations

from lipp.bootstrap import accounts_for, build
from lipp.config import Settings
from lipp.demo.web import DEMO_PASSWORD, WEB_USERS
from tests.e2e.conftest import DemoRun


def test_the_demo_says_how_to_sign_in_to_the_web_pages_and_its_users_can(demo_run: DemoRun) -> None:
    assert "serve" in demo_run.output and "http://127.0.0.1:8000/app/" in demo_run.output
    assert DEMO_PASSWORD in demo_run.output and "demo data only" in demo_run.output
    with build(Settings(data_dir=demo_run.cli.data_dir, database_url=None)) as lipp:
        accounts = accounts_for(lipp)
        for username, _ in WEB_USERS:
            assert username in demo_run.output
            assert accounts.sign_in(username, DEMO_PASSWORD).username == username
