"""A finding is shared beyond the board only once its text is cleared of identifying details (and the board
approves it: tests/scenario/test_board_approves_sharing.py)."""

from __future__ import annotations

import pytest

from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.domain.identifiers import review_id_for
from lipp.domain.review.access import ActorMayNotAdvanceReview
from lipp.domain.review.aggregate import Review
from lipp.domain.review.finding_rules import FindingIsWithdrawn
from lipp.domain.review.sharing_steps import FindingNotCheckedForSharing, HitAlreadyConfirmedFalse
from tests.conftest import People
from tests.scenario.journeys import a_finding, in_conduct

IDENTIFYING = "When Sarah's baby presented with bruising at Oakfield Primary School, no strategy discussion was held."


def test_a_finding_with_no_identifying_detail_is_cleared_at_once_for_the_board(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.log_finding(people.reviewer, a_finding(reference))
    receipt = lipp.reviews.share_finding(people.coordinator, f.ShareFinding(reference=reference, finding="F1"))
    assert (receipt.sharing, receipt.outstanding) == ("awaiting_approval", [])


def test_hits_are_listed_with_their_positions_and_the_reviewer_edits_them_out(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.log_finding(people.reviewer, a_finding(reference, issue=IDENTIFYING))
    receipt = lipp.reviews.share_finding(people.reviewer, f.ShareFinding(reference=reference, finding="F1"))
    assert receipt.sharing == "hits_outstanding"
    assert [(h.number, h.field, h.kind, h.start, h.end, h.text) for h in receipt.outstanding] == [
        (1, "issue", "person_name", 5, 10, "Sarah"),
        (2, "issue", "school_name", 45, 68, "Oakfield Primary School"),
    ]

    lipp.reviews.revise_finding(
        people.reviewer,
        f.ReviseFinding(
            reference=reference,
            finding="F1",
            issue="When a baby presented with bruising at school, no strategy discussion was held.",
            reason="Removed identifying details",
        ),
    )
    assert lipp.reviews.findings(people.coordinator, reference)[0].sharing == "not_checked"
    again = lipp.reviews.share_finding(people.reviewer, f.ShareFinding(reference=reference, finding="F1"))
    assert again.sharing == "awaiting_approval"


def test_a_coordinator_confirms_false_positives_one_by_one_with_a_reason(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.log_finding(people.reviewer, a_finding(reference, issue=IDENTIFYING))
    lipp.reviews.share_finding(people.reviewer, f.ShareFinding(reference=reference, finding="F1"))

    first = f.ConfirmFalsePositive(reference=reference, finding="F1", hit=1, reason="Pseudonym agreed with the family")
    with pytest.raises(ActorMayNotAdvanceReview):
        lipp.reviews.confirm_false_positive(people.reviewer, first)
    half = lipp.reviews.confirm_false_positive(people.coordinator, first)
    assert (half.sharing, [h.number for h in half.outstanding]) == ("hits_outstanding", [2])
    with pytest.raises(HitAlreadyConfirmedFalse):
        lipp.reviews.confirm_false_positive(people.coordinator, first)

    done = lipp.reviews.confirm_false_positive(
        people.coordinator,
        f.ConfirmFalsePositive(reference=reference, finding="F1", hit=2, reason="Fictional school in a training case"),
    )
    assert done.sharing == "awaiting_approval"
    assert lipp.reviews.shareable_findings(people.coordinator, reference) == []
    last = lipp.reviews.timeline(people.coordinator, reference)[-1]
    assert last.why == "Fictional school in a training case"


def test_revised_text_is_never_shareable_until_it_is_checked_again(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.log_finding(people.reviewer, a_finding(reference))
    lipp.reviews.share_finding(people.coordinator, f.ShareFinding(reference=reference, finding="F1"))
    lipp.reviews.revise_finding(
        people.reviewer,
        f.ReviseFinding(reference=reference, finding="F1", causes="Mr Okafor did not escalate.", reason="Detail"),
    )
    assert lipp.reviews.findings(people.coordinator, reference)[0].sharing == "not_checked"
    assert lipp.reviews.shareable_findings(people.coordinator, reference) == []
    with pytest.raises(FindingNotCheckedForSharing):
        lipp.reviews.confirm_false_positive(
            people.coordinator, f.ConfirmFalsePositive(reference=reference, finding="F1", hit=1, reason="Guess")
        )
    receipt = lipp.reviews.share_finding(people.coordinator, f.ShareFinding(reference=reference, finding="F1"))
    assert [(h.kind, h.text) for h in receipt.outstanding] == [("person_name", "Mr Okafor")]


def test_the_events_record_where_a_hit_is_but_never_the_text_it_matched(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.log_finding(people.reviewer, a_finding(reference, issue=IDENTIFYING))
    lipp.reviews.share_finding(people.reviewer, f.ShareFinding(reference=reference, finding="F1"))
    checked = [
        e for e in lipp.reviews.history(review_id_for(reference)) if isinstance(e, Review.FindingCheckedForSharing)
    ]
    assert checked[0].hits == [
        {"number": 1, "field": "issue", "kind": "person_name", "start": 5, "end": 10},
        {"number": 2, "field": "issue", "kind": "school_name", "start": 45, "end": 68},
    ]
    assert "Sarah" not in str(checked[0].hits)


def test_a_withdrawn_finding_is_no_longer_shareable(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.log_finding(people.reviewer, a_finding(reference))
    assert lipp.reviews.share_finding(
        people.coordinator, f.ShareFinding(reference=reference, finding="F1")
    ).sharing == ("awaiting_approval")
    lipp.reviews.withdraw_finding(
        people.reviewer, f.WithdrawFinding(reference=reference, finding="F1", reason="Merged")
    )
    withdrawn = lipp.reviews.findings(people.coordinator, reference, include_withdrawn=True)[0]
    assert (withdrawn.withdrawn, withdrawn.sharing) == (True, "not_checked")
    with pytest.raises(FindingIsWithdrawn):
        lipp.reviews.share_finding(people.coordinator, f.ShareFinding(reference=reference, finding="F1"))
