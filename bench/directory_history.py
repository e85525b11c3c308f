"""A national-scale directory, written straight through the recorder beside `history`'s reviews.

About 150 boards' worth of people and things lists show: 5,000 teams with their 5,000 members, 150
coordinators, the 400 lead reviewers `history` appoints (each on the register, with masterclasses and
conflicts), 40 national bodies with a user each, 600 API tokens, 600 briefings, 80 issued digests and
1,200 Alliance actions. Everything goes through the real aggregates, so every rule holds.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from history import FIRST_DAY, TODAY
from lipp.domain.actors import Role
from lipp.domain.alliance.action import AllianceAction
from lipp.domain.digest.digest import Digest
from lipp.domain.identifiers import board_id_for, national_body_id_for, team_id_for, user_id_for
from lipp.domain.learning.briefing import Briefing, Source
from lipp.domain.learning.content import BriefingContent
from lipp.domain.reference.themes import theme_list
from lipp.domain.register.profile import ReviewerProfile
from lipp.domain.registry.national_body import NationalBody
from lipp.domain.registry.team import Subscriptions, Team, TeamAgency
from lipp.domain.registry.token import ApiToken
from lipp.domain.registry.user import User
from lipp.domain.review.vocabulary import Agency, AgencySector

TEAMS_PER_BOARD = 33
REVIEWERS = 400
BODIES = 40
TOKENS = 600
BRIEFINGS_PER_BOARD = 4
DIGESTS = 80
ACTIONS_PER_BODY = 30
ADMIN = user_id_for("admin")
EXPERTISE = ("neglect", "babies", "domestic abuse", "exploitation", "mental health", "education", "police")


def _at(day: date) -> datetime:
    return datetime.combine(day, time(9), tzinfo=UTC)


def directory(codes: list[str], seed: int = 7) -> list[object]:
    """Every event of the directory's population, over the twenty years of `history`."""
    chance = random.Random(seed)
    span = (TODAY - FIRST_DAY).days

    def some_day() -> date:
        return FIRST_DAY + timedelta(days=chance.randrange(span))

    made: list[object] = []
    themes = [t.id for t in theme_list().themes]
    version = theme_list().version
    for code in codes:
        board_id = board_id_for(code)
        coordinator = User.register(
            actor_id=ADMIN,
            now=_at(FIRST_DAY),
            username=f"{code.lower()}.coordinator",
            role=Role.COORDINATOR,
            board_id=board_id,
        )
        made.extend(coordinator.collect_events())
        for number in range(TEAMS_PER_BOARD):
            team_code = f"{code}-T{number:03d}"
            on = _at(some_day())
            team = Team.register(
                actor_id=ADMIN,
                now=on,
                code=team_code,
                name=f"{code} team {number}",
                agency=chance.choice(list(TeamAgency)),
                board_id=board_id,
                manager_email=f"{team_code.lower()}.manager@teams.example",
                team_email=f"{team_code.lower()}@teams.example",
                subscriptions=Subscriptions(themes=tuple(chance.sample(themes, chance.randint(0, 3)))),
            )
            member = User.register(
                actor_id=ADMIN,
                now=on,
                username=f"{team_code.lower()}.member",
                role=Role.TEAM_MEMBER,
                board_id=None,
                team_id=team_id_for(team_code),
            )
            made.extend([*team.collect_events(), *member.collect_events()])
        for number in range(BRIEFINGS_PER_BOARD):
            on = some_day()
            briefing = Briefing.draft(
                actor_id=coordinator.id,
                now=_at(on),
                key=f"{code.lower()}-briefing-{number}",
                source=Source.REVIEW,
                source_reference=f"{code}-{on.year}-001",
                board_id=board_id,
                theme_ids=(chance.choice(themes),),
                agencies=("police",),
                content=_content(f"Learning {number} of {code}"),
            )
            if chance.random() < 0.8 and on + timedelta(days=10) < TODAY:
                briefing.release(
                    actor_id=coordinator.id,
                    now=_at(on + timedelta(days=10)),
                    on=on + timedelta(days=10),
                    teams_addressed=TEAMS_PER_BOARD,
                )
            made.extend(briefing.collect_events())
    for number in range(REVIEWERS):
        username = f"reviewer.{number}"
        on = some_day()
        reviewer = User.register(actor_id=ADMIN, now=_at(on), username=username, role=Role.LEAD_REVIEWER, board_id=None)
        profile = ReviewerProfile.enrol(
            actor_id=ADMIN,
            now=_at(on),
            reviewer_id=reviewer.id,
            username=username,
            expertise=chance.sample(EXPERTISE, 2),
            capacity=chance.randint(1, 4),
        )
        for _ in range(chance.randint(0, 3)):
            profile.record_masterclass(
                actor_id=ADMIN, now=_at(on), today=on, attended_on=on, topic="Voice of the child"
            )
        if chance.random() < 0.3:
            agency = Agency(chance.choice(list(AgencySector)), "Northvale services")
            profile.declare_conflict(actor_id=ADMIN, now=_at(on), today=on, agency=agency, reason="Worked there")
        made.extend([*reviewer.collect_events(), *profile.collect_events()])
    for number in range(BODIES):
        body_code = "NB" + "".join(chr(65 + (number // 26**k) % 26) for k in (1, 0))
        on = some_day()
        body = NationalBody.register(
            actor_id=ADMIN,
            now=_at(on),
            code=body_code,
            name=f"National body {number}",
            digest_email=f"digest@{body_code.lower()}.example",
            subscribed=True,
        )
        user = User.register(
            actor_id=ADMIN, now=_at(on), username=f"{body_code.lower()}.lead", role=Role.NATIONAL_BODY, board_id=None
        )
        user.join_national_body(actor_id=ADMIN, now=_at(on), national_body_id=national_body_id_for(body_code))
        made.extend([*body.collect_events(), *user.collect_events()])
        for sequence in range(1, ACTIONS_PER_BODY + 1):
            committed = some_day()
            action = AllianceAction.commit(
                actor_id=user.id,
                now=_at(committed),
                today=committed,
                national_body_id=body.id,
                body_code=body_code,
                reference=f"{body_code}-A{sequence}",
                theme_id=chance.choice(themes),
                themes_version=version,
                owner=chance.choice(("Policy lead", "Data lead", "Chair")),
                description="Practice guide",
                due_on=committed + timedelta(days=chance.randint(30, 400)),
            )
            if chance.random() < 0.5:
                action.post_progress(actor_id=user.id, now=_at(committed), today=committed, on=committed, note="Begun")
            if chance.random() < 0.3:
                action.complete(actor_id=user.id, now=_at(committed), today=committed, on=committed, evidence="Done")
            made.extend(action.collect_events())
    for number in range(TOKENS):
        token = ApiToken.issue(
            actor_id=ADMIN,
            now=_at(some_day()),
            secret=f"lipp_bench_{number}",
            user_id=user_id_for(f"{chance.choice(codes).lower()}.coordinator"),
            label=f"token {number}",
        )
        made.extend(token.collect_events())
    for number in range(DIGESTS):
        start = FIRST_DAY + timedelta(days=91 * number)
        digest = Digest.issue(
            actor_id=ADMIN,
            now=_at(start + timedelta(days=100)),
            method=1,
            period_from=start,
            period_to=start + timedelta(days=90),
            position=1_000 * number,
            themes_version=version,
            patterns_version=1,
            markers_version=1,
            issued_on=start + timedelta(days=100),
            content_hash=f"{number:064x}",
        )
        made.extend(digest.collect_events())
    return made


def _content(title: str) -> BriefingContent:
    return BriefingContent(
        title=title,
        background="What the review found.",
        why_it_matters="Children were not seen.",
        key_information=("Contacts and referrals differ.",),
        remember=("Ask.",),
        what_to_do=("Check the form.",),
        questions=("What would you do?",),
    )
