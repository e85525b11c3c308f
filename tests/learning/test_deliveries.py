"""Deliveries: the team acknowledges (once), discusses, reports a change; the board verifies."""

from __future__ import annotations

from datetime import timedelta

import pytest

from lipp.application.deliveries import OnlyTheBoardVerifies, OnlyTheTeamRecordsItsLearning, UnknownDelivery
from lipp.bootstrap import Lipp
from lipp.commands.learning import (
    AcknowledgeDelivery,
    RecordDiscussion,
    ReportPracticeChange,
    VerifyPracticeChange,
)
from lipp.domain.clock import SettableClock
from lipp.domain.learning.delivery import DeliveryIsClosed, StepOutOfOrder
from lipp.domain.learning.text import TextMayIdentifySomeone
from lipp.learning.links import LinkHasExpired, LinkIsNotValid
from tests.conftest import People
from tests.learning.journeys import released


def _code(lipp: Lipp, people: People, key: str, team: str) -> str:
    return next(r.code for r in lipp.deliveries.deliveries(people.admin, briefing=key) if r.team == team)


def test_a_team_closes_the_loop_and_the_board_verifies(lipp: Lipp, people: People, clock: SettableClock) -> None:
    key = released(lipp, people, clock)
    code = _code(lipp, people, key, "NVL-CSC")
    member = lipp.registry.actor_for("nvl-csc.member")
    learning = lipp.learning

    first = learning.acknowledge(member, AcknowledgeDelivery(code=code))
    clock.advance(timedelta(days=7))
    learning.record_discussion(
        member, RecordDiscussion(code=code, reflections="We rarely convene strategy discussions for bruising.")
    )
    learning.report_change(
        member,
        ReportPracticeChange(
            code=code,
            what_changed="Every bruised non-mobile baby now triggers a strategy discussion.",
            audit_reference="Audit 2026-Q2",
        ),
    )
    with pytest.raises(OnlyTheBoardVerifies):
        learning.verify(people.admin, VerifyPracticeChange(code=code))
    verified = learning.verify(people.coordinator, VerifyPracticeChange(code=code, note="Seen in the audit"))

    assert first.changed and first.state == "acknowledged"
    assert verified.state == "verified"
    history = [entry.what.split(" ")[0] for entry in learning.delivery(member, code).history]
    assert history == ["Addressed", "Acknowledged", "Discussed", "PracticeChangeReported", "Verified"]
    with pytest.raises(DeliveryIsClosed):
        learning.acknowledge(member, AcknowledgeDelivery(code=code))


def test_a_second_acknowledgement_changes_nothing_and_says_so(lipp: Lipp, people: People, clock: SettableClock) -> None:
    key = released(lipp, people, clock)
    code = _code(lipp, people, key, "NVL-CSC")
    member = lipp.registry.actor_for("nvl-csc.member")
    lipp.learning.acknowledge(member, AcknowledgeDelivery(code=code))
    version = len(lipp.learning.delivery(member, code).history)

    again = lipp.learning.acknowledge(member, AcknowledgeDelivery(code=code.replace("-", "").lower()))

    assert not again.changed
    assert again.message.startswith("Already acknowledged on 2026-03-16")
    assert len(lipp.learning.delivery(member, code).history) == version


def test_steps_run_in_order_and_free_text_must_not_identify_anyone(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    key = released(lipp, people, clock)
    code = _code(lipp, people, key, "NVL-CSC")
    member = lipp.registry.actor_for("nvl-csc.member")
    with pytest.raises(StepOutOfOrder, match="acknowledge it first"):
        lipp.learning.record_discussion(member, RecordDiscussion(code=code, reflections="Useful"))
    lipp.learning.acknowledge(member, AcknowledgeDelivery(code=code))
    with pytest.raises(TextMayIdentifySomeone, match="reflections"):
        lipp.learning.record_discussion(
            member, RecordDiscussion(code=code, reflections="We discussed Jayden Smith at 14 Mill Lane.")
        )
    assert lipp.learning.delivery(member, code).state == "acknowledged"


def test_a_team_member_sees_and_acknowledges_only_their_teams_deliveries(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    key = released(lipp, people, clock)
    police = lipp.registry.actor_for("nvl-police.member")
    csc_code = _code(lipp, people, key, "NVL-CSC")

    assert [r.team for r in lipp.deliveries.deliveries(police)] == ["NVL-POLICE"]
    with pytest.raises(UnknownDelivery):
        lipp.learning.acknowledge(police, AcknowledgeDelivery(code=csc_code))
    with pytest.raises(UnknownDelivery):
        lipp.learning.delivery(people.other_coordinator, csc_code)
    with pytest.raises(OnlyTheTeamRecordsItsLearning):
        lipp.learning.acknowledge(people.coordinator, AcknowledgeDelivery(code=csc_code))
    assert lipp.deliveries.deliveries(lipp.registry.actor_for("emr-csc.member")) == []


def test_a_signed_link_acknowledges_until_it_expires_and_never_when_altered(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    key = released(lipp, people, clock)
    row = next(r for r in lipp.deliveries.deliveries(people.admin, briefing=key) if r.team == "NVL-CSC")
    signer = lipp.learning.signer
    token = signer.sign(row.delivery_id, clock.now().date() + timedelta(days=30))
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    with pytest.raises(LinkIsNotValid):
        lipp.learning.acknowledge_by_link(tampered)
    stale = signer.sign(row.delivery_id, clock.now().date() - timedelta(days=1))
    with pytest.raises(LinkHasExpired, match="expired"):
        lipp.learning.acknowledge_by_link(stale)

    assert lipp.learning.acknowledge_by_link(token).changed
    assert not lipp.learning.acknowledge_by_link(token).changed
