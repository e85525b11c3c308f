"""A lead reviewer logs, revises, re-ranks and withdraws findings while the review is conducted."""

from __future__ import annotations

import pytest

from lipp.application.finding_views import ThemeView
from lipp.application.reviews import ReviewsApplication, UnknownReview
from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands import reviews as c
from lipp.domain.clock import SettableClock
from lipp.domain.reference.catalogue import ReferenceData
from lipp.domain.reference.themes import UnknownTheme
from lipp.domain.reference.typology import UnknownPatternCategory
from lipp.domain.review.access import OnlyTheAppointedReviewerWritesFindings
from lipp.domain.review.finding_rules import (
    FindingIsWithdrawn,
    FindingsAreFrozen,
    RankingMustNameEveryFinding,
    RevisionChangesNothing,
)
from lipp.domain.review.rules import ReviewIsPaused, StepOutOfOrder
from tests.conftest import People
from tests.scenario.journeys import a_finding, assess, commissioned, in_conduct, signed_off


def test_the_appointed_reviewer_logs_findings_that_the_coordinator_reads_in_priority_order(
    lipp: Lipp, people: People
) -> None:
    reference = in_conduct(lipp, people)
    first = lipp.reviews.log_finding(people.reviewer, a_finding(reference))
    second = lipp.reviews.log_finding(people.reviewer, a_finding(reference, "Contacts mistaken for referrals"))
    assert (first.finding, second.finding) == ("F1", "F2")

    findings = lipp.reviews.findings(people.coordinator, reference)
    assert [(x.key, x.rank, x.title) for x in findings] == [
        ("F1", 1, "Strategy discussions not convened"),
        ("F2", 2, "Contacts mistaken for referrals"),
    ]
    assert findings[0].pattern == "multi-agency-crisis"
    assert [t.id for t in findings[0].themes] == ["NT04", "NT13"]
    assert findings[0].themes_version == 2 and findings[0].patterns_version == 1


def test_nobody_but_the_appointed_reviewer_writes_findings(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    with pytest.raises(OnlyTheAppointedReviewerWritesFindings, match="only its appointed lead reviewer may"):
        lipp.reviews.log_finding(people.coordinator, a_finding(reference))
    with pytest.raises(UnknownReview):  # another reviewer does not even learn the review exists
        lipp.reviews.log_finding(people.other_reviewer, a_finding(reference))
    assert lipp.reviews.findings(people.coordinator, reference) == []


def test_a_replaced_reviewer_can_no_longer_write_findings(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.execute(people.coordinator, c.AppointLeadReviewer(reference=reference, reviewer="reviewer.b"))
    lipp.reviews.log_finding(people.other_reviewer, a_finding(reference))
    with pytest.raises(UnknownReview, match=r"no review .* is visible to reviewer.a"):
        lipp.reviews.log_finding(people.reviewer, a_finding(reference))


def test_findings_wait_for_the_terms_of_reference(lipp: Lipp, people: People) -> None:
    reference = commissioned(lipp, people)
    lipp.reviews.execute(people.coordinator, c.AppointLeadReviewer(reference=reference, reviewer="reviewer.a"))
    with pytest.raises(StepOutOfOrder, match="cannot log a finding: first agree the terms of reference"):
        lipp.reviews.log_finding(people.reviewer, a_finding(reference))


def test_no_findings_are_written_while_the_review_is_paused(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.execute(
        people.coordinator, c.PauseReview(reference=reference, process="criminal_trial", reason="Trial listed")
    )
    with pytest.raises(ReviewIsPaused, match="resume it first"):
        lipp.reviews.log_finding(people.reviewer, a_finding(reference))
    lipp.reviews.execute(people.coordinator, c.ResumeReview(reference=reference))
    assert lipp.reviews.log_finding(people.reviewer, a_finding(reference)).finding == "F1"


def test_a_revision_changes_only_what_it_names_and_keeps_its_reason_in_the_timeline(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.log_finding(people.reviewer, a_finding(reference))
    lipp.reviews.revise_finding(
        people.reviewer,
        f.ReviseFinding(reference=reference, finding="F1", pattern="6", reason="Practitioners' account at the event"),
    )
    finding = lipp.reviews.findings(people.coordinator, reference)[0]
    assert finding.pattern == "judgement-reasoning" and finding.revisions == 1
    assert finding.title == "Strategy discussions not convened"
    last = lipp.reviews.timeline(people.coordinator, reference)[-1]
    assert (last.what, last.why) == ("Revised finding F1", "Practitioners' account at the event")

    with pytest.raises(RevisionChangesNothing):
        lipp.reviews.revise_finding(
            people.reviewer, f.ReviseFinding(reference=reference, finding="F1", pattern="6", reason="Again")
        )


def test_re_ranking_names_every_finding_in_force_once(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    for title in ("First", "Second", "Third"):
        lipp.reviews.log_finding(people.reviewer, a_finding(reference, title))
    with pytest.raises(RankingMustNameEveryFinding, match=r"\(F1, F2, F3\); got F3, F1"):
        lipp.reviews.rerank_findings(
            people.reviewer, f.ReRankFindings(reference=reference, order=["F3", "F1"], reason="Panel feedback")
        )
    lipp.reviews.rerank_findings(
        people.reviewer, f.ReRankFindings(reference=reference, order=["F3", "F1", "F2"], reason="Panel feedback")
    )
    assert [x.title for x in lipp.reviews.findings(people.coordinator, reference)] == ["Third", "First", "Second"]


def test_a_withdrawn_finding_leaves_the_ranking_but_not_the_record(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    for title in ("First", "Second"):
        lipp.reviews.log_finding(people.reviewer, a_finding(reference, title))
    lipp.reviews.withdraw_finding(
        people.reviewer, f.WithdrawFinding(reference=reference, finding="F1", reason="Merged into F2")
    )
    assert [(x.key, x.rank) for x in lipp.reviews.findings(people.coordinator, reference)] == [("F2", 1)]
    everything = lipp.reviews.findings(people.coordinator, reference, include_withdrawn=True)
    assert [(x.key, x.withdrawn) for x in everything] == [("F2", False), ("F1", True)]
    with pytest.raises(FindingIsWithdrawn):
        lipp.reviews.revise_finding(
            people.reviewer, f.ReviseFinding(reference=reference, finding="F1", title="Back", reason="Second thoughts")
        )
    assert lipp.reviews.log_finding(people.reviewer, a_finding(reference, "Third")).finding == "F3"


def test_findings_are_frozen_at_sign_off(lipp: Lipp, people: People) -> None:
    reference = signed_off(lipp, people)
    with pytest.raises(FindingsAreFrozen, match="frozen when the report was signed off on 2026-03-02"):
        lipp.reviews.log_finding(people.reviewer, a_finding(reference))


def test_findings_written_before_sign_off_stay_frozen_as_they_were(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.log_finding(people.reviewer, a_finding(reference))
    lipp.reviews.execute(people.reviewer, c.RecordReportDrafted(reference=reference))
    lipp.reviews.log_finding(people.reviewer, a_finding(reference, "Found while drafting"))
    assess(lipp, people.coordinator, reference, range(1, 14))
    lipp.reviews.execute(people.coordinator, c.SignOffReport(reference=reference, board_response="Accepted"))
    with pytest.raises(FindingsAreFrozen):
        lipp.reviews.withdraw_finding(people.reviewer, f.WithdrawFinding(reference=reference, finding="F2", reason="x"))
    assert len(lipp.reviews.findings(people.coordinator, reference)) == 2


def test_a_finding_names_a_known_pattern_category_and_known_themes(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    with pytest.raises(UnknownPatternCategory):
        lipp.reviews.log_finding(people.reviewer, a_finding(reference, pattern="7"))
    with pytest.raises(UnknownTheme, match="unknown national theme 'Bad luck'"):
        lipp.reviews.log_finding(people.reviewer, a_finding(reference, themes=["Bad luck"]))
    assert lipp.reviews.findings(people.coordinator, reference) == []


def test_a_finding_tagged_before_a_theme_was_renamed_reads_with_the_new_name(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    reference = in_conduct(lipp, people)
    last_year = ReviewsApplication(
        lipp.storage,
        clock,
        lipp.settings.timescales.to_domain(),
        lipp.registry,
        reviewer_register=lipp.reviewers,
        reference_data=ReferenceData.at(themes=1),
    )
    last_year.log_finding(people.reviewer, a_finding(reference, themes=["Vulnerability of babies"]))

    finding = lipp.reviews.findings(people.coordinator, reference)[0]
    assert finding.themes_version == 1
    assert finding.themes == [
        ThemeView(id="NT04", name="Babies under one: vulnerability and risk", recorded_as="Vulnerability of babies")
    ]
    with pytest.raises(UnknownTheme):  # today's list knows the theme only by its new name
        lipp.reviews.log_finding(people.reviewer, a_finding(reference, themes=["Vulnerability of babies"]))
