"""Invented findings for the bench's history: text from a small phrase bank, themes, patterns, agencies, sharing,
and the quality-marker ratings that sign-off and publication need."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime
from uuid import UUID

from lipp.domain.reference.catalogue import ReferenceData
from lipp.domain.review.aggregate import Review
from lipp.domain.review.assessment import Rating
from lipp.domain.review.finding import FindingContent
from lipp.domain.review.vocabulary import Agency, AgencySector

Step = tuple[int, int, Callable[[datetime, date], None]]
REFERENCE = ReferenceData.at()
TITLES = (
    "Strategy discussions not convened",
    "Early help assessments disputed between agencies",
    "Contacts mistaken for referrals in children's social care",
    "No referral after bruising to a non-mobile baby",
    "Safeguarding supervision did not challenge drift",
    "Information shared incompletely by schools",
    "Medical information on cause of injury misread",
    "Police decisions not to prosecute misread as no risk",
    "Unequal weight given to agencies at conferences",
    "Reluctance to share concerns with families present",
    "Fathers and partners left out of assessments",
    "Missed appointments not seen as neglect",
)
ISSUES = (
    "Practitioners assessed risk in isolation and did not share what they knew.",
    "Thresholds for a referral were read differently by each agency.",
    "The child's lived experience was not captured in the assessment.",
    "Escalation routes for professional disagreement were not used.",
    "Concerns about domestic abuse were recorded but not acted upon.",
    "Safeguarding training did not cover babies who are not yet mobile.",
)
CAUSES = (
    "High caseloads left little time for reflective supervision.",
    "Recording systems did not prompt staff to check previous contacts.",
    "Multi-agency meetings were held without health or education present.",
    "Staff were reluctant to challenge a more senior colleague's judgement.",
    "Guidance on information sharing was misunderstood as forbidding it.",
)
EPISODES = (
    "A health visitor's concern was logged as a contact, not a referral.",
    "A strategy discussion was planned but never held.",
    "School attendance fell for a term without a home visit.",
    "A GP letter about injuries was filed without review.",
    "Sarah's teacher raised a concern that was not followed up.",  # an invented name: the check flags it
)


def finding_steps(chance: random.Random, review: Review, coordinator: UUID) -> list[Step]:
    """One to four findings the lead reviewer logs during conduct, sometimes re-ranked or withdrawn; most are
    checked for sharing, and the coordinator confirms any hit as a false positive."""
    themes = [t.id for t in REFERENCE.themes.themes]
    patterns = [c.id for c in REFERENCE.typology.categories]
    steps: list[Step] = []
    count = chance.choice((1, 2, 2, 3, 3, 4))
    for _ in range(count):
        content = FindingContent(
            title=chance.choice(TITLES),
            issue=chance.choice(ISSUES),
            causes=" ".join(chance.sample(CAUSES, 2)),
            pattern=chance.choice(patterns),
            themes=tuple(chance.sample(themes, chance.randint(1, 3))),
            agencies=tuple(Agency(s) for s in chance.sample(list(AgencySector), chance.randint(1, 3))),
            evidence=tuple(chance.sample(EPISODES, chance.randint(1, 2))),
        )
        steps.append(
            (
                2,
                30,
                lambda now, on, content=content: review.log_finding(
                    actor_id=_reviewer(review), now=now, on=on, content=content, reference_data=REFERENCE
                ),
            )
        )
    if count > 1 and chance.random() < 0.3:
        order = list(range(count, 0, -1))
        steps.append(
            (
                1,
                10,
                lambda now, on: review.rerank_findings(
                    actor_id=_reviewer(review), now=now, on=on, order=order, reason="Weight"
                ),
            )
        )
    if count > 1 and chance.random() < 0.1:
        steps.append(
            (
                1,
                10,
                lambda now, on: review.withdraw_finding(
                    actor_id=_reviewer(review), now=now, on=on, number=count, reason="Merged"
                ),
            )
        )
    for number in range(1, count + 1):
        if chance.random() < 0.7:
            steps.append((1, 10, lambda now, on, n=number: _share(review, coordinator, now, on, n)))
    return steps


def _reviewer(review: Review) -> UUID:
    assert review.lead_reviewer_id is not None
    return review.lead_reviewer_id


def _share(review: Review, actor: UUID, now: datetime, on: date, number: int) -> None:
    if review.findings[number].withdrawn:
        return
    review.check_finding_for_sharing(actor_id=actor, now=now, on=on, number=number)
    for hit in review.findings[number].sharing.outstanding:
        review.confirm_false_positive(
            actor_id=actor, now=now, on=on, number=number, hit_number=hit.number, reason="A fictional name"
        )


def assess_markers(chance: random.Random, review: Review, actor: UUID, now: datetime, on: date) -> None:
    """Every marker rated once the report is drafted: mostly met, some partly, a few not met (with mitigation)."""
    for marker in REFERENCE.markers.markers:
        rating = chance.choices(list(Rating), weights=(60, 25, 10, 5))[0]
        mitigation = "The board has an action plan" if rating is Rating.NOT_MET else ""
        review.assess_marker(
            actor_id=actor,
            now=now,
            on=on,
            number=marker.number,
            rating=rating,
            evidence="Seen in the review records",
            mitigation=mitigation,
            markers=REFERENCE.markers,
        )
