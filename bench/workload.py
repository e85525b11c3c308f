"""The benchmark's workload: ten commands per review, run through lipp or through bare `eventsourcing`.

Both sides are handed the same plain dicts, the shape the CLI builds from its options. lipp validates each
with the command's pydantic model, resolves the acting user from the registry (as every CLI invocation does)
and runs `reviews.execute`. The bare side records the same dicts as the payload of one event per command on
a minimal aggregate: `repository.get` + one event + `save` (a create + `save` for the first).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate

from lipp.bootstrap import Lipp
from lipp.commands import reviews as c
from lipp.commands.fields import Command
from lipp.commands.registry import RegisterBoard, RegisterUser
from lipp.domain.clock import ENGLAND, SettableClock
from lipp.domain.identifiers import review_id_for, user_id_for

# Twenty invented partnerships, so references are allocated per board as in real use.
BOARDS = (
    ("NVL", "Northvale"),
    ("EMR", "Eastmere"),
    ("WBV", "Westbrook Vale"),
    ("ASH", "Ashcombe"),
    ("BRK", "Brackenridge"),
    ("CDR", "Cedarford"),
    ("DNM", "Dunmere"),
    ("ELM", "Elmhurst"),
    ("FRW", "Farrow"),
    ("GLN", "Glenholt"),
    ("HTH", "Heathcote"),
    ("IVY", "Ivybridge Vale"),
    ("KNL", "Kenley"),
    ("LRK", "Larkwood"),
    ("MDW", "Meadowcroft"),
    ("OAK", "Oakhollow"),
    ("PNE", "Pinewick"),
    ("RVN", "Ravensmoor"),
    ("SLT", "Saltmarsh"),
    ("THN", "Thornbury Dale"),
)
REVIEWERS = tuple(f"reviewer.{letter}" for letter in "abcde")
ADMIN = "bench.admin"
COMMANDS_PER_REVIEW = 10

# The business "today" of the run. Every step is dated in the past of it, in process order.
TODAY = date(2026, 11, 20)
STEP_DAYS = {  # days after the board became aware
    "notify": 2,
    "decide": 12,
    "commission": 30,
    "appoint": 45,
    "terms": 60,
    "draft": 170,
    "sign_off": 190,
    "send_to_panel": 195,
    "publish": 215,  # at least 14 working days after the copy to the Panel: 7 are needed
    "close": 240,
}
OLDEST_AWARE_DAYS_AGO = 300
AWARE_SPREAD_DAYS = 600  # awareness dates spread over about two years, so references span years too


def coordinator_of(board: str) -> str:
    return f"{board.lower()}.coordinator"


@dataclass(frozen=True)
class Step:
    """One command: who runs it, which command model, and its fields as the CLI would pass them."""

    name: str
    username: str
    command: type[Command]
    fields: dict[str, Any]


@dataclass(frozen=True)
class Plan:
    """A fictional review's ten commands; `reference` is filled in once notify returns it."""

    board: str
    notify: dict[str, Any]
    steps: tuple[Step, ...]


def plan_for(run: str, index: int) -> Plan:
    """The index-th review of a run, deterministic and valid: dates in order, publication late enough."""
    board = BOARDS[index % len(BOARDS)][0]
    coordinator = coordinator_of(board)
    reviewer = REVIEWERS[index % len(REVIEWERS)]
    aware_on = TODAY - timedelta(days=OLDEST_AWARE_DAYS_AGO + (index * 7) % AWARE_SPREAD_DAYS)

    def on(step: str) -> str:
        return (aware_on + timedelta(days=STEP_DAYS[step])).isoformat()

    notify = {
        "board": board,
        "case_reference": f"Case {run}-{index:05d}",
        "incident_kind": "serious-harm" if index % 3 else "death",
        "looked_after": index % 4 == 0,
        "agencies": ["police", "health:Integrated Care Board", "childrens_social_care"],
        "aware_on": aware_on.isoformat(),
        "notified_on": on("notify"),
    }
    steps = (
        Step(
            "decide",
            coordinator,
            c.RecordRapidReviewDecision,
            {
                "on": on("decide"),
                "decision": "local_review",
                "rationale": "Potential learning about information sharing between agencies",
            },
        ),
        Step(
            "commission",
            coordinator,
            c.CommissionReview,
            {"on": on("commission"), "kind": "lcspr", "methodology": "learning-together"},
        ),
        Step("appoint", coordinator, c.AppointLeadReviewer, {"on": on("appoint"), "reviewer": reviewer}),
        Step(
            "terms",
            coordinator,
            c.AgreeTermsOfReference,
            {
                "on": on("terms"),
                "scope_from": (aware_on - timedelta(days=720)).isoformat(),
                "scope_to": aware_on.isoformat(),
                "key_lines_of_enquiry": [
                    "How did agencies share information about risk?",
                    "How was the child's daily lived experience understood?",
                ],
                "agencies": ["police", "health", "childrens_social_care"],
            },
        ),
        Step("draft", reviewer, c.RecordReportDrafted, {"on": on("draft")}),
        Step(
            "sign_off",
            coordinator,
            c.SignOffReport,
            {"on": on("sign_off"), "board_response": "The partnership accepts the findings and will act on each."},
        ),
        Step("send_to_panel", coordinator, c.SendReportToPanel, {"on": on("send_to_panel")}),
        Step("publish", coordinator, c.PublishReport, {"on": on("publish"), "location": "partnership website"}),
        Step("close", coordinator, c.CloseReview, {"on": on("close")}),
    )
    assert len(steps) + 1 == COMMANDS_PER_REVIEW
    return Plan(board=board, notify=notify, steps=steps)


def plans(run: str, count: int) -> list[Plan]:
    return [plan_for(run, index) for index in range(count)]


# lipp.


def start_clock() -> SettableClock:
    return SettableClock(datetime.combine(TODAY, time(8, 0), tzinfo=ENGLAND))


def register_cast(lipp: Lipp) -> None:
    """The registry, once: an admin, a coordinator for each board, and the lead reviewers."""
    lipp.registry.set_up_first_admin(ADMIN)
    admin = lipp.registry.actor_for(ADMIN)
    for code, place in BOARDS:
        lipp.registry.register_board(
            admin, RegisterBoard(code=code, name=f"{place} Safeguarding Children Partnership", area=place)
        )
        lipp.registry.register_user(admin, RegisterUser(username=coordinator_of(code), role="coordinator", board=code))
    for reviewer in REVIEWERS:
        lipp.registry.register_user(admin, RegisterUser(username=reviewer, role="lead_reviewer"))


TICK = timedelta(milliseconds=10)


def run_lipp(lipp: Lipp, clock: SettableClock, batch: Sequence[Plan]) -> list[UUID]:
    """Each review's ten commands as the CLI runs them (minus the process start); returns the reviews' ids."""
    ids = []
    reviews = lipp.reviews
    registry = lipp.registry
    for plan in batch:
        clock.advance(TICK)
        notify = c.NotifyIncident.model_validate(plan.notify)
        receipt = reviews.execute(registry.actor_for(coordinator_of(plan.board)), notify)
        reference = receipt.reference
        for step in plan.steps:
            clock.advance(TICK)
            command = step.command.model_validate({"reference": reference, **step.fields})
            receipt = reviews.execute(registry.actor_for(step.username), command)
        if receipt.stage != "closed":
            raise AssertionError(f"{reference} ended at {receipt.stage}, not closed")
        ids.append(review_id_for(reference))
    return ids


# Bare eventsourcing.

BARE_NAMESPACE = UUID("0b5e3c1e-7d0a-5f43-9a57-3c8f6e1d2b90")


class Case(Aggregate):
    """A minimal aggregate: one created event, then one event per step, carrying the command's fields."""

    class Opened(Aggregate.Created):
        actor_id: UUID
        board_id: UUID
        reference: str
        fields: dict[str, Any]

        def apply(self, aggregate: Any) -> None:
            aggregate.reference = self.reference
            aggregate.stage = "notified"

    class Stepped(Aggregate.Event):
        actor_id: UUID
        step: str
        fields: dict[str, Any]

        def apply(self, aggregate: Any) -> None:
            aggregate.stage = self.step

    reference: str
    stage: str

    def __init__(self) -> None:
        """State is set by `Opened.apply`."""


class BareApplication(Application[UUID]):
    name = "BareBench"


def run_bare(app: BareApplication, run: str, start: int, batch: Sequence[Plan]) -> list[UUID]:
    """The same commands as plain get + one event + save; returns the aggregates' ids."""
    ids = []
    for offset, plan in enumerate(batch):
        reference = f"{plan.board}-{run}-{start + offset:05d}"
        case: Case = Case._create(
            Case.Opened,
            id=uuid5(BARE_NAMESPACE, reference),
            actor_id=user_id_for(coordinator_of(plan.board)),
            board_id=uuid5(BARE_NAMESPACE, plan.board),
            reference=reference,
            fields=plan.notify,
        )
        app.save(case)
        case_id = case.id
        for step in plan.steps:
            case = app.repository.get(case_id)
            case.trigger_event(
                Case.Stepped,
                actor_id=user_id_for(step.username),
                step=step.name,
                fields={"reference": reference, **step.fields},
            )
            app.save(case)
        ids.append(case_id)
    return ids
