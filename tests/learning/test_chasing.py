"""Chasing a missed deadline over real e-mail: the team is reminded, then its manager, then the board; then the
delivery lapses. Every step is an event on the delivery, and each e-mail goes once however often the chase runs."""

from __future__ import annotations

from datetime import date

from lipp.adapters.transports import SmtpTransport
from lipp.application.learning_post import LearningPost
from lipp.bootstrap import Lipp
from lipp.commands.learning import AcknowledgeDelivery
from lipp.domain.clock import SettableClock
from tests.conftest import People
from tests.learning.journeys import released
from tests.smtp import LoopbackSmtp

# Released Monday 16 March 2026; acknowledgement due 23 March (5 working days). The ladder's steps fall due a
# grace period (5 working days) apart: 30 March, 8 April (Good Friday and Easter Monday skipped), 15 April.
LADDER_DAYS = {
    date(2026, 3, 23): None,
    date(2026, 3, 24): "remind",
    date(2026, 3, 30): None,
    date(2026, 3, 31): "manager",
    date(2026, 4, 8): None,
    date(2026, 4, 9): "board",
    date(2026, 4, 15): None,
    date(2026, 4, 16): "lapse",
}


def _post(lipp: Lipp, smtp_server: LoopbackSmtp) -> LearningPost:
    return lipp.learning_post(SmtpTransport(smtp_server.host, smtp_server.port, sender="lipp@lipp.invalid"))


def test_a_missed_acknowledgement_climbs_the_ladder_in_order(
    lipp: Lipp, people: People, clock: SettableClock, smtp_server: LoopbackSmtp
) -> None:
    key = released(lipp, people, clock)
    lipp.registry.set_board_contact(people.coordinator, "NVL", "learning@nvl.example")
    post = _post(lipp, smtp_server)
    post.queue_briefing(key)
    post.send()
    codes = {r.team: r.code for r in lipp.deliveries.deliveries(people.admin, briefing=key)}
    for team in ("NVL-CSC", "NVL-POLICE"):  # these two acknowledge in time; NVL-HEALTH and NVL-DA do not
        lipp.learning.acknowledge(
            lipp.registry.actor_for(f"{team.lower()}.member"), AcknowledgeDelivery(code=codes[team])
        )
    dispatched = len(smtp_server.messages)

    seen: list[tuple[date, int, int, int]] = []
    for day in LADDER_DAYS:
        chased = post.chase(day)
        again = post.chase(day)  # a second run the same day does nothing more
        post.send()
        assert (again.reminders, again.escalations, again.lapsed) == (0, 0, 0)
        seen.append((day, chased.reminders, chased.escalations, chased.lapsed))

    assert seen == [
        (date(2026, 3, 23), 0, 0, 0),
        (date(2026, 3, 24), 2, 0, 0),
        (date(2026, 3, 30), 0, 0, 0),
        (date(2026, 3, 31), 0, 2, 0),
        (date(2026, 4, 8), 0, 0, 0),
        (date(2026, 4, 9), 0, 2, 0),
        (date(2026, 4, 15), 0, 0, 0),
        (date(2026, 4, 16), 2, 0, 2),  # the two that acknowledged now owe their discussion (due 15 April)
    ]
    chasers = [(str(m["To"]), str(m["Subject"])) for m in smtp_server.messages[dispatched:]]
    to_da = [
        (to, subject.split(":")[0].strip()) for to, subject in chasers if "NVL-DA" in subject or to.startswith("nvl-da")
    ]
    assert to_da == [
        ("nvl-da@teams.example", "Reminder"),
        ("nvl-da.manager@teams.example", "Escalation to the manager of NVL-DA"),
        ("learning@nvl.example", "Escalation to NVL"),
    ]
    assert len(chasers) == 8
    assert [subject.split(":")[0].strip() for to, subject in chasers if to == "nvl-csc@teams.example"] == ["Reminder"]
    history = [e.what for e in lipp.learning.delivery(people.admin, codes["NVL-DA"]).history]
    assert [h.split(" ")[0] for h in history] == [
        "Addressed",
        "Dispatched",
        "Delivered",
        "ReminderSent",
        "Escalated",
        "Escalated",
        "Lapsed",
    ]
    assert "to the manager" in history[4] and "to the board" in history[5]
    states = {r.team: r.state for r in lipp.deliveries.deliveries(people.admin, briefing=key)}
    assert states == {
        "NVL-CSC": "acknowledged",
        "NVL-POLICE": "acknowledged",
        "NVL-HEALTH": "lapsed",
        "NVL-DA": "lapsed",
    }


def test_an_acknowledged_delivery_is_chased_on_its_next_stage_from_the_day_it_was_acknowledged(
    lipp: Lipp, people: People, clock: SettableClock, smtp_server: LoopbackSmtp
) -> None:
    key = released(lipp, people, clock)
    post = _post(lipp, smtp_server)
    code = next(r.code for r in lipp.deliveries.deliveries(people.admin, briefing=key) if r.team == "NVL-CSC")
    lipp.learning.acknowledge(lipp.registry.actor_for("nvl-csc.member"), AcknowledgeDelivery(code=code))

    # Acknowledged 16 March: the discussion is due 20 working days later, 15 April (Easter skipped).
    assert lipp.learning.delivery(people.admin, code).due_on == date(2026, 4, 15)
    post.chase(date(2026, 4, 15))
    assert lipp.learning.delivery(people.admin, code).history[-1].what.startswith("Acknowledged")
    post.chase(date(2026, 4, 16))
    assert lipp.learning.delivery(people.admin, code).history[-1].what.startswith("ReminderSent (discuss")
