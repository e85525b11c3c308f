"""A national demo history: more fictional boards, reviews over six quarters with findings on national themes,
marker ratings and publication, and Alliance members with actions, so the national digest has trends to show.

Steps run through the applications in date order with a settable clock, like the rest of the demo."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands import reviews as c
from lipp.commands.alliance import RegisterNationalBody
from lipp.commands.fields import Command
from lipp.commands.markers import AssessQualityMarker
from lipp.commands.registry import RegisterBoard, RegisterUser
from lipp.demo.alliance import Scheduled, alliance_actions
from lipp.demo.phrases import BASE_WEIGHTS, PHRASES, RISING
from lipp.digest.periods import last_complete_quarter
from lipp.domain.actors import Actor
from lipp.domain.calendar import add_working_days
from lipp.domain.clock import ENGLAND, SettableClock

BOARDS = (
    ("HLM", "Hollowmere Safeguarding Children Partnership", "Hollowmere"),
    ("KSF", "Kestrelford Children's Partnership", "Kestrelford"),
    ("RDN", "Redmarsh Safeguarding Partnership", "Redmarsh"),
)
ALL_BOARDS = ("NVL", "EMR", "WBV", *(code for code, _, _ in BOARDS))
BODIES = (
    ("NCB", "National Child Safeguarding Collaborative", "digest@ncb.example", "ncb.lead"),
    ("PLN", "Practice Leaders Network", "alliance@pln.example", "pln.lead"),
)
QUARTERS = 6
REVIEWERS = ("reviewer.a", "reviewer.b")
OFTEN_NOT_MET = (5, 8, 12)


def seed_national(lipp: Lipp, clock: SettableClock, admin: Actor, today: date, on_step: Callable[[], None]) -> None:
    """Register the other boards and the Alliance, then replay the national history in date order."""
    start = last_complete_quarter(today).start - timedelta(days=92 * (QUARTERS - 1) + 90)
    clock.set(_at(start))
    for code, name, area in BOARDS:
        lipp.registry.register_board(admin, RegisterBoard(code=code, name=name, area=area))
        lipp.registry.register_user(
            admin, RegisterUser(username=f"{code.lower()}.coordinator", role="coordinator", board=code)
        )
    for code, name, email, user in BODIES:
        lipp.registry.register_national_body(admin, RegisterNationalBody(code=code, name=name, digest_email=email))
        lipp.registry.register_user(admin, RegisterUser(username=user, role="national_body", national_body=code))
    for item in sorted(plan(today), key=lambda s: (s.day, s.order)):
        clock.set(_at(item.day))
        item.run(lipp, lipp.registry.actor_for(item.actor))
        on_step()


def step_count(today: date) -> int:
    return len(list(plan(today)))


def plan(today: date) -> Iterator[Scheduled]:
    chance = random.Random(2026)
    last = last_complete_quarter(today)
    quarter_starts = [_months_back(last.start, 3 * back) for back in range(QUARTERS - 1, -1, -1)]
    quarter_starts.append(_months_back(last.start, -3))  # the current quarter, up to today
    order = iter(range(1_000_000))
    refs: dict[str, str] = {}  # what each scheduled step names (a review's reference, an action's) once it exists
    for index, quarter_start in enumerate(quarter_starts):
        rising = index == QUARTERS - 1
        for board in ALL_BOARDS:
            for _ in range(2 if board in ("NVL", "EMR", "WBV") else 3):
                logged_on = quarter_start + timedelta(days=chance.randrange(5, 85))
                if logged_on > today:
                    continue
                yield from _review(chance, board, logged_on, today, rising, order, refs)
    yield from alliance_actions(last.start, order, refs)


def _review(
    chance: random.Random,
    board: str,
    logged_on: date,
    today: date,
    rising: bool,
    order: Iterator[int],
    refs: dict[str, str],
) -> Iterator[Scheduled]:
    aware_on = logged_on - timedelta(days=40)
    coordinator = f"{board.lower()}.coordinator"
    reviewer = chance.choice(REVIEWERS)
    key = f"{board}:{aware_on}:{next(order)}"
    kind = chance.choice(("death", "serious_harm"))

    def notify(lipp: Lipp, actor: Actor) -> object:
        receipt = lipp.reviews.notify_incident(
            actor,
            c.NotifyIncident(
                board=board,
                case_reference=f"Case {key.split(':')[-1]}",
                incident_kind=kind,
                looked_after=chance.random() < 0.2,
                agencies=["police", "health", "childrens_social_care"],
                aware_on=aware_on,
            ),
        )
        refs[key] = receipt.reference
        return receipt

    def step(command: type[Command], **fields: Any) -> Callable[[Lipp, Actor], object]:
        def run(lipp: Lipp, actor: Actor) -> object:
            return lipp.reviews.execute(actor, command.model_validate({"reference": refs[key], **fields}))

        return run

    steps: list[tuple[date, str, Callable[[Lipp, Actor], object]]] = [
        (add_working_days(aware_on, 2), coordinator, notify),
        (
            aware_on + timedelta(days=10),
            coordinator,
            step(
                c.RecordRapidReviewDecision,
                decision="local_review",
                rationale="Learning about how agencies work together",
            ),
        ),
        (
            aware_on + timedelta(days=15),
            coordinator,
            step(c.CommissionReview, kind="lcspr", methodology="learning_together"),
        ),
        (aware_on + timedelta(days=20), coordinator, step(c.AppointLeadReviewer, reviewer=reviewer)),
        (
            aware_on + timedelta(days=25),
            coordinator,
            step(
                c.AgreeTermsOfReference,
                scope_from=aware_on - timedelta(days=365),
                scope_to=aware_on,
                key_lines_of_enquiry=["How did agencies share what they knew?"],
                agencies=["police", "health"],
            ),
        ),
    ]
    weights = dict(BASE_WEIGHTS)
    if rising:
        weights[RISING] = 14
    themes = chance.choices(list(weights), weights=list(weights.values()), k=chance.randint(2, 3))
    proposed = []
    for number, theme in enumerate(dict.fromkeys(themes), start=1):
        title, issue, causes, pattern = chance.choice(PHRASES[theme])
        steps.append(
            (
                logged_on,
                reviewer,
                step(
                    f.LogFinding,
                    on=logged_on,
                    title=title,
                    issue=issue,
                    causes=causes,
                    pattern=pattern,
                    themes=[theme],
                    agencies=["police", "health"],
                    evidence=["Seen in the chronology of agency contacts."],
                ),
            )
        )
        if chance.random() < 0.7:
            steps.append((logged_on + timedelta(days=3), reviewer, step(f.ShareFinding, finding=f"F{number}")))
            proposed.append(f"F{number}")
    assessed = logged_on + timedelta(days=8)
    for marker in range(1, 14):
        rating = "not_met" if marker in OFTEN_NOT_MET and chance.random() < 0.45 else "met"
        steps.append(
            (
                assessed,
                coordinator,
                step(
                    AssessQualityMarker,
                    on=assessed,
                    marker=marker,
                    rating=rating,
                    evidence="Seen in the review's records",
                    mitigation="Addressed in the partnership's action plan" if rating == "not_met" else "",
                ),
            )
        )
    steps += [
        (assessed + timedelta(days=4), coordinator, step(c.RecordReportDrafted)),
        (assessed + timedelta(days=10), coordinator, step(c.SignOffReport, board_response="Accepted in full")),
    ]
    steps += [(assessed + timedelta(days=11), coordinator, step(f.ApproveSharing, finding=key)) for key in proposed]
    steps.append((assessed + timedelta(days=12), coordinator, step(c.SendReportToPanel)))
    for marker in (14, 16, 17):
        steps.append(
            (
                assessed + timedelta(days=13),
                coordinator,
                step(
                    AssessQualityMarker,
                    on=assessed + timedelta(days=13),
                    marker=marker,
                    rating="met",
                    evidence="Seen in the published report",
                ),
            )
        )
    steps.append((assessed + timedelta(days=40), coordinator, step(c.PublishReport, location="partnership website")))
    for day, actor, run in steps:
        if day <= today:
            yield Scheduled(day, next(order), actor, run)


def _at(day: date) -> datetime:
    return datetime.combine(day, time(11, 0), tzinfo=ENGLAND)


def _months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)
