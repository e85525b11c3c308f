"""The demo's learning: fictional findings, quality-marker ratings and the lead-reviewer register."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from lipp.bootstrap import Lipp
from lipp.commands.register import DeclareConflict, EnrolReviewer, RecordMasterclass
from lipp.domain.actors import Actor

FINDINGS: tuple[dict[str, Any], ...] = (
    {
        "title": "Strategy discussions not convened after bruising to a non-mobile baby",
        "issue": "When a baby who is not yet mobile has a bruise, agencies do not always convene a strategy "
        "discussion, so the injury is not examined by the people who could explain it.",
        "causes": "Thresholds are read differently by each agency; no one owns the decision to convene; "
        "a plausible account from a parent is accepted without challenge.",
        "pattern": "multi-agency-crisis",
        "themes": ["NT04", "NT13"],
        "agencies": ["health", "childrens_social_care"],
        "evidence": ["A health visitor's referral was recorded as a contact and closed the same day."],
    },
    {
        "title": "Contacts and referrals confused at the front door",
        "issue": "Practitioners outside children's social care do not know whether what they sent was a "
        "contact or a referral, so they assume action that was never taken.",
        "causes": "The two words are used differently by each agency's forms, and outcomes are not fed back.",
        "pattern": "human-tool",
        "themes": ["NT13", "NT14"],
        "agencies": ["police", "childrens_social_care"],
        "evidence": ["A police notification was closed as information only; the officer believed it was a referral."],
    },
)


def assessment(marker: int) -> dict[str, Any]:
    """Most markers met; family involvement partly met, as it often is."""
    rating = "partly_met" if marker == 12 else "met"
    return {"marker": marker, "rating": rating, "evidence": "Seen in the review's records and the panel minutes"}


REGISTER = (
    ("reviewer.a", ["learning-together", "childrens-social-care", "babies"], "Systems analysis with Learning Together"),
    ("reviewer.b", ["silp", "police", "education"], "Involving families in reviews"),
    ("reviewer.c", ["learning-together", "health", "looked-after-children"], "Writing findings that travel"),
)


def enrol_reviewers(lipp: Lipp, admin: Actor, start: date) -> None:
    """Put the demo reviewers on the register, with a masterclass each; one declares a conflict."""
    for username, expertise, topic in REGISTER:
        lipp.reviewers.enrol(admin, EnrolReviewer(username=username, expertise=expertise, capacity=3))
        lipp.reviewers.record_masterclass(
            admin, RecordMasterclass(username=username, attended_on=start - timedelta(days=60), topic=topic)
        )
    lipp.reviewers.declare_conflict(
        admin,
        DeclareConflict(username="reviewer.c", agency="housing:Eastmere Homes", reason="Non-executive director"),
    )
