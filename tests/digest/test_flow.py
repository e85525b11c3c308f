"""The national digest flow, run for real under Prefect: it issues the digest and writes its files."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import nullcontext
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from lipp.bootstrap import Lipp, build
from lipp.commands.alliance import ChangeDigestSubscription
from lipp.config import Settings, SmtpSettings
from lipp.digest import files
from lipp.domain.clock import SettableClock
from lipp.flow_runs import providing
from tests.alliance.members import Members
from tests.conftest import People
from tests.scenario.journeys import a_finding, in_conduct
from tests.smtp import LoopbackSmtp

FLOW_FILE = Path(__file__).resolve().parents[2] / "flows" / "national_digest.py"


def _flow() -> Any:
    spec = importlib.util.spec_from_file_location("national_digest_under_test", FLOW_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.national_digest


@pytest.fixture
def history(tmp_path: Path, smtp_server: LoopbackSmtp) -> Iterator[tuple[Lipp, People]]:
    clock = SettableClock(datetime(2026, 3, 2, 10, tzinfo=UTC))
    smtp = SmtpSettings(host=smtp_server.host, port=smtp_server.port)
    with build(Settings(data_dir=tmp_path, smtp=smtp), clock) as lipp:
        people = People(lipp)
        Members(lipp, people)
        lipp.registry.change_digest_subscription(
            people.admin,
            ChangeDigestSubscription(code="FCR", digest_email="digest@fcr.example", digest_subscribed=False),
        )
        reference = in_conduct(lipp, people)
        lipp.reviews.log_finding(people.reviewer, a_finding(reference))
        clock.set(datetime(2026, 4, 8, 9, tzinfo=UTC))  # the first quarter is now the last complete one
        yield lipp, people


def test_the_flow_issues_the_last_complete_quarters_digest_and_mails_it_to_subscribed_bodies_once(
    prefect_harness: None, history: tuple[Lipp, People], smtp_server: LoopbackSmtp
) -> None:
    lipp, people = history
    national_digest = _flow()

    with providing(lambda: nullcontext(lipp)):
        digest_id = national_digest()
        again = national_digest()  # a re-run before anything new happened: the same digest, no second e-mail

    view = lipp.digests.digest(people.admin, digest_id)
    assert (view.period_from, view.period_to, view.label) == (date(2026, 1, 1), date(2026, 3, 31), "2026 Q1")
    folder = files.folder_of(lipp.settings.data_dir, view.id)
    html = (folder / "digest.html").read_text()
    assert "National theme digest: 2026 Q1" in html and "<svg" in html
    assert "Babies under one: vulnerability and risk" in (folder / "digest.md").read_text()
    _, rebuilt = lipp.digests.rebuild(people.admin, digest_id)
    assert files.differences(folder, rebuilt.rendered) == []
    assert rebuilt.rendered.content_hash == view.content_hash

    assert again == digest_id and len(lipp.digests.digests(people.admin)) == 1
    [mail] = smtp_server.wait_for(1)
    assert (str(mail["To"]), str(mail["Subject"])) == ("digest@ncb.example", "National theme digest: 2026 Q1")
    assert mail["X-Lipp-Digest"] == digest_id
    html = mail.get_body(("html",))
    assert html is not None and html.get_content().replace("\r\n", "\n") == (folder / "digest.html").read_text()
    assert [e.state for e in lipp.outbox.entries(prefix=f"digest/{digest_id}/")] == ["sent"]
