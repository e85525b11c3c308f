"""Steps that bring a fictional board to the point a learning story starts: a published review with cleared
findings, and teams that subscribe to its themes."""

from __future__ import annotations

from datetime import date, timedelta

from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands import reviews as c
from lipp.commands.learning import DraftReviewBriefing, ReleaseBriefing
from lipp.commands.registry import RegisterUser
from lipp.domain.clock import SettableClock
from tests.conftest import People, register_team
from tests.scenario.journeys import AWARE_ON, a_finding, assess, commissioned


def in_conduct(lipp: Lipp, people: People, case: str) -> str:
    """As tests.scenario.journeys.in_conduct, for any case."""
    reference = commissioned(lipp, people, case=case)
    lipp.reviews.execute(people.coordinator, c.AppointLeadReviewer(reference=reference, reviewer="reviewer.a"))
    lipp.reviews.execute(
        people.coordinator,
        c.AgreeTermsOfReference(
            reference=reference,
            scope_from=date(2025, 1, 1),
            scope_to=AWARE_ON,
            key_lines_of_enquiry=["How was risk shared between agencies?"],
            agencies=["police", "health"],
        ),
    )
    return reference


def published(
    lipp: Lipp, people: People, clock: SettableClock, shared: tuple[int, ...] = (1, 2), case: str = "Child K"
) -> str:
    """A review with two findings, those numbered in `shared` cleared for sharing, published."""
    reference = in_conduct(lipp, people, case=case)
    reviews = lipp.reviews
    reviews.log_finding(people.reviewer, a_finding(reference))
    reviews.log_finding(
        people.reviewer,
        a_finding(
            reference,
            "Contacts and referrals confused at the front door",
            issue="Practitioners outside children's social care do not know whether what they sent was a contact.",
            causes="The two words are used differently on each agency's forms, and outcomes are not fed back.",
            themes=["NT13", "NT05"],
            agencies=["police", "childrens_social_care"],
        ),
    )
    for number in shared:
        reviews.share_finding(people.coordinator, f.ShareFinding(reference=reference, finding=number))
    reviews.execute(people.coordinator, c.RecordReportDrafted(reference=reference))
    assess(lipp, people.coordinator, reference, range(1, 19))
    reviews.execute(people.coordinator, c.SignOffReport(reference=reference, board_response="Accepted"))
    for number in shared:  # the board approves them for sharing beyond it once the report is signed off
        reviews.approve_sharing(people.coordinator, f.ApproveSharing(reference=reference, finding=number))
    reviews.execute(people.coordinator, c.SendReportToPanel(reference=reference))
    clock.advance(timedelta(days=14))
    reviews.execute(people.coordinator, c.PublishReport(reference=reference, location="partnership website"))
    return reference


def nvl_teams(lipp: Lipp, people: People) -> None:
    """Four NVL teams and one EMR team; one NVL team takes national learning only, one only domestic abuse."""
    admin = people.admin
    register_team(lipp, admin, "NVL-CSC", "NVL", "childrens_social_care")
    register_team(lipp, admin, "NVL-POLICE", "NVL", "police", themes=["NT13"])
    register_team(lipp, admin, "NVL-HEALTH", "NVL", "health", themes=["NT04"])
    register_team(lipp, admin, "NVL-SCHOOLS", "NVL", "education", scopes=["national"])
    register_team(lipp, admin, "NVL-DA", "NVL", "other", themes=["NT05"])
    register_team(lipp, admin, "EMR-CSC", "EMR", "childrens_social_care")
    for team in ("NVL-CSC", "NVL-POLICE", "EMR-CSC"):
        username = f"{team.lower()}.member"
        lipp.registry.register_user(admin, RegisterUser(username=username, role="team_member", team=team))


def released(lipp: Lipp, people: People, clock: SettableClock) -> str:
    """The published review's briefing, released to the NVL teams that match it; returns its key."""
    reference = published(lipp, people, clock)
    nvl_teams(lipp, people)
    document = lipp.learning.draft_from_review(people.coordinator, DraftReviewBriefing(reference=reference))
    lipp.learning.release(people.coordinator, ReleaseBriefing(key=document.key))
    return document.key
