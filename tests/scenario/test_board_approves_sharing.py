"""The board owns what travels: the lead reviewer proposes, a coordinator approves (after sign-off, or sooner with
a reason), a pause for a criminal trial withholds the review's findings until a coordinator releases them, and a
withdrawn approval takes the finding out of national views. The evidence never leaves the board."""

from __future__ import annotations

import itertools
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lipp.application.finding_views import FindingView
from lipp.bootstrap import Lipp, build
from lipp.commands import findings as f
from lipp.commands import reviews as c
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from lipp.domain.errors import LippError
from lipp.domain.review.access import ActorMayNotAdvanceReview
from lipp.domain.review.sharing_steps import (
    FindingAlreadyApprovedForSharing,
    FindingHasHitsOutstanding,
    FindingNotApprovedForSharing,
    FindingNotProposedForSharing,
    FindingsAreNotWithheld,
    SharingBeforeSignOffNeedsAReason,
)
from lipp.projections.digest_facts import queries as facts
from tests.conftest import People
from tests.scenario.journeys import a_finding, assess, in_conduct

IDENTIFYING = "When Sarah's baby presented with bruising at Oakfield Primary School, no strategy discussion was held."


def _view(lipp: Lipp, people: People, reference: str, key: str) -> FindingView:
    return next(x for x in lipp.reviews.findings(people.coordinator, reference) if x.key == key)


def _national(lipp: Lipp, people: People) -> list[str]:
    return [x.finding for x in lipp.library.search_findings(people.national_body)]


def _sign_off(lipp: Lipp, people: People, reference: str) -> None:
    lipp.reviews.execute(people.coordinator, c.RecordReportDrafted(reference=reference))
    assess(lipp, people.coordinator, reference, range(1, 14))
    lipp.reviews.execute(people.coordinator, c.SignOffReport(reference=reference, board_response="Accepted"))


def test_a_proposed_finding_travels_only_once_a_coordinator_approves_it_after_sign_off(
    lipp: Lipp, people: People
) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.log_finding(people.reviewer, a_finding(reference))
    approve = f.ApproveSharing(reference=reference, finding="F1")
    with pytest.raises(FindingNotProposedForSharing):
        lipp.reviews.approve_sharing(people.coordinator, approve)
    proposed = lipp.reviews.share_finding(people.reviewer, f.ShareFinding(reference=reference, finding="F1"))
    assert proposed.sharing == "awaiting_approval"
    assert _national(lipp, people) == []
    with pytest.raises(SharingBeforeSignOffNeedsAReason):
        lipp.reviews.approve_sharing(people.coordinator, approve)
    with pytest.raises(ActorMayNotAdvanceReview):
        lipp.reviews.approve_sharing(people.reviewer, approve)

    _sign_off(lipp, people, reference)
    assert lipp.reviews.approve_sharing(people.coordinator, approve).sharing == "shareable"
    with pytest.raises(FindingAlreadyApprovedForSharing):
        lipp.reviews.approve_sharing(people.coordinator, approve)
    with pytest.raises(FindingAlreadyApprovedForSharing):
        lipp.reviews.share_finding(people.coordinator, f.ShareFinding(reference=reference, finding="F1"))
    [found] = lipp.library.search_findings(people.national_body)
    assert (found.finding, found.evidence, found.case_reference) == ("F1", (), None)
    [other_board] = lipp.library.search_findings(people.other_coordinator)
    assert other_board.evidence == ()
    [own] = lipp.library.search_findings(people.coordinator)
    assert own.evidence == ("The health visitor's referral was logged as a contact, not a referral.",)

    withdraw = f.WithdrawSharingApproval(reference=reference, finding="F1", reason="A partner asked to wait")
    assert lipp.reviews.withdraw_sharing_approval(people.coordinator, withdraw).sharing == "awaiting_approval"
    assert _national(lipp, people) == []
    with pytest.raises(FindingNotApprovedForSharing):
        lipp.reviews.withdraw_sharing_approval(people.coordinator, withdraw)


def test_sooner_than_sign_off_a_coordinator_records_why_and_uncleared_text_is_never_approved(
    lipp: Lipp, people: People
) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.log_finding(people.reviewer, a_finding(reference))
    lipp.reviews.log_finding(people.reviewer, a_finding(reference, "Second", issue=IDENTIFYING))
    for key in ("F1", "F2"):
        lipp.reviews.share_finding(people.reviewer, f.ShareFinding(reference=reference, finding=key))
    with pytest.raises(FindingHasHitsOutstanding):
        lipp.reviews.approve_sharing(
            people.coordinator, f.ApproveSharing(reference=reference, finding="F2", early_reason="Urgent")
        )
    early = f.ApproveSharing(reference=reference, finding="F1", early_reason="A national alert on this risk")
    assert lipp.reviews.approve_sharing(people.coordinator, early).sharing == "shareable"
    view = _view(lipp, people, reference, "F1")
    assert view.early_reason == "A national alert on this risk"
    assert lipp.reviews.timeline(people.coordinator, reference)[-1].why == "A national alert on this risk"
    assert _national(lipp, people) == ["F1"]

    lipp.reviews.revise_finding(
        people.reviewer, f.ReviseFinding(reference=reference, finding="F1", title="Sharper", reason="Clearer")
    )
    assert _national(lipp, people) == []  # a revision needs a new proposal and a new approval


def test_a_pause_for_a_criminal_trial_withholds_the_findings_until_a_coordinator_releases_them(
    lipp: Lipp, people: People
) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.log_finding(people.reviewer, a_finding(reference))
    lipp.reviews.share_finding(people.reviewer, f.ShareFinding(reference=reference, finding="F1"))
    release = f.ReleaseFindings(reference=reference, reason="The trial has concluded")
    with pytest.raises(FindingsAreNotWithheld):
        lipp.reviews.release_findings(people.coordinator, release)
    run = lipp.reviews.execute
    run(people.coordinator, c.PauseReview(reference=reference, process="inquest", reason="Inquest opened"))
    run(people.coordinator, c.ResumeReview(reference=reference))
    with pytest.raises(FindingsAreNotWithheld):  # an inquest does not withhold findings
        lipp.reviews.release_findings(people.coordinator, release)
    run(people.coordinator, c.PauseReview(reference=reference, process="criminal_trial", reason="Trial listed"))
    run(people.coordinator, c.ResumeReview(reference=reference))
    _sign_off(lipp, people, reference)
    lipp.reviews.approve_sharing(people.coordinator, f.ApproveSharing(reference=reference, finding="F1"))
    assert _view(lipp, people, reference, "F1").sharing == "withheld"
    assert lipp.reviews.shareable_findings(people.coordinator, reference) == []
    assert _national(lipp, people) == []
    with pytest.raises(ActorMayNotAdvanceReview):
        lipp.reviews.release_findings(people.reviewer, release)

    lipp.reviews.release_findings(people.coordinator, release)
    assert _view(lipp, people, reference, "F1").sharing == "shareable"
    assert _national(lipp, people) == ["F1"]


# Steps of a generated history: (command name, finding number).
STEPS = st.lists(
    st.tuples(
        st.sampled_from(["log", "propose", "confirm", "approve", "approve_early", "unapprove", "revise", "withdraw"]),
        st.integers(1, 3),
    ),
    max_size=14,
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS, criminal=st.booleans(), release=st.booleans(), sign_off=st.booleans())
def test_what_travels_is_the_same_in_the_review_the_library_and_the_digest_facts_and_matches_the_rule(
    steps: list[tuple[str, int]], criminal: bool, release: bool, sign_off: bool
) -> None:
    """For any history of proposals, confirmations, approvals, revisions and withdrawals, a finding travels
    exactly when a reference model of the rule says so, in the aggregate, the library and the digest facts."""
    clock = SettableClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder, build(Settings(data_dir=Path(folder)), clock) as lipp:
        _check_generated_history(lipp, People(lipp), steps, criminal, release, sign_off)


def _check_generated_history(
    lipp: Lipp, people: People, steps: list[tuple[str, int]], criminal: bool, release: bool, sign_off: bool
) -> None:
    reference = in_conduct(lipp, people)
    titles = itertools.count(1)
    model: dict[int, dict[str, bool]] = {}
    withheld = False

    def attempt(action: object) -> bool:
        try:
            action()  # type: ignore[operator]
        except LippError:
            return False
        return True

    def act(name: str, number: int, signed: bool) -> None:
        key = f"F{number}"
        state = model.get(number)
        if name == "log":
            issue = IDENTIFYING if len(model) % 2 else "A baby's bruising did not lead to a strategy discussion."
            if not signed and attempt(
                lambda: lipp.reviews.log_finding(people.reviewer, a_finding(reference, issue=issue))
            ):
                model[len(model) + 1] = {"hits": bool(len(model) % 2), "proposed": False, "approved": False}
            return
        if state is None or state.get("withdrawn"):
            return
        if name == "propose" and not state["approved"]:
            assert attempt(
                lambda: lipp.reviews.share_finding(people.reviewer, f.ShareFinding(reference=reference, finding=key))
            )
            state["proposed"], state["outstanding"] = True, state["hits"]
        elif name == "confirm" and state["proposed"] and state.get("outstanding"):
            for hit in (1, 2):
                lipp.reviews.confirm_false_positive(
                    people.coordinator,
                    f.ConfirmFalsePositive(reference=reference, finding=key, hit=hit, reason="Fictional"),
                )
            state["outstanding"] = False
        elif name in ("approve", "approve_early"):
            early = "Needed nationally now" if name == "approve_early" else ""
            done = attempt(
                lambda: lipp.reviews.approve_sharing(
                    people.coordinator, f.ApproveSharing(reference=reference, finding=key, early_reason=early)
                )
            )
            allowed = state["proposed"] and not state.get("outstanding") and not state["approved"] and (signed or early)
            assert done == bool(allowed)
            state["approved"] = state["approved"] or done
        elif name == "unapprove":
            done = attempt(
                lambda: lipp.reviews.withdraw_sharing_approval(
                    people.coordinator, f.WithdrawSharingApproval(reference=reference, finding=key, reason="Wait")
                )
            )
            assert done == state["approved"]
            state["approved"] = False
        elif name == "revise" and not signed:
            lipp.reviews.revise_finding(
                people.reviewer,
                f.ReviseFinding(reference=reference, finding=key, title=f"Revised {next(titles)}", reason="Clearer"),
            )
            state.update(proposed=False, approved=False, outstanding=False)
        elif name == "withdraw" and not signed:
            lipp.reviews.withdraw_finding(
                people.reviewer, f.WithdrawFinding(reference=reference, finding=key, reason="Merged")
            )
            state.update(withdrawn=True, approved=False)

    half = len(steps) // 2
    for name, number in steps[:half]:
        act(name, number, signed=False)
    if criminal:
        run = lipp.reviews.execute
        run(people.coordinator, c.PauseReview(reference=reference, process="criminal_trial", reason="Trial"))
        run(people.coordinator, c.ResumeReview(reference=reference))
        withheld = True
    if sign_off:
        _sign_off(lipp, people, reference)
    for name, number in steps[half:]:
        act(name, number, signed=sign_off)
    if criminal and release:
        lipp.reviews.release_findings(people.coordinator, f.ReleaseFindings(reference=reference, reason="Over"))
        withheld = False

    expected = sorted(f"F{n}" for n, s in model.items() if s["approved"] and not s.get("withdrawn") and not withheld)
    assert sorted(x.key for x in lipp.reviews.shareable_findings(people.coordinator, reference)) == expected
    assert sorted(_national(lipp, people)) == expected
    position = lipp.digests.catch_up(people.admin)
    today = lipp.reviews.today()
    with lipp.read_models.connect() as connection:
        found = facts.findings(connection, position, date(2020, 1, 1), today)
    assert sorted(f"F{x.number}" for x in found if x.travels) == expected
