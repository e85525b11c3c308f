"""Coordinators assess the 18 quality markers; sign-off and publication open only when the markers allow."""

from __future__ import annotations

import pytest

from lipp.bootstrap import Lipp
from lipp.commands import reviews as c
from lipp.commands.markers import AssessQualityMarker
from lipp.domain.review.access import OnlyCoordinatorsAssessMarkers
from lipp.domain.review.assessment import PublicationNeedsMarkersAssessed, SignOffNeedsMarkersAssessed
from lipp.domain.review.marker_steps import MarkerNotYetAssessable
from tests.conftest import People
from tests.scenario.journeys import assess, commissioned, drafted, notified, signed_off


def test_a_refused_sign_off_names_every_marker_still_missing(lipp: Lipp, people: People) -> None:
    reference = drafted(lipp, people)
    assess(lipp, people.coordinator, reference, [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12])
    with pytest.raises(SignOffNeedsMarkersAssessed) as refused:
        lipp.reviews.execute(people.coordinator, c.SignOffReport(reference=reference, board_response="Accepted"))
    assert [(gap.marker, gap.problem) for gap in refused.value.gaps] == [
        (5, "is not assessed"),
        (13, "is not assessed"),
    ]
    assert "2 quality marker(s) stand in the way: marker 5 (Clarity of purpose) is not assessed; " in str(refused.value)
    assert lipp.reviews.review(people.coordinator, reference).stage == "report_drafted"


def test_a_marker_not_met_holds_sign_off_until_a_rationale_or_mitigation_is_recorded(
    lipp: Lipp, people: People
) -> None:
    reference = drafted(lipp, people)
    assess(lipp, people.coordinator, reference, range(1, 14))
    assess(lipp, people.coordinator, reference, [12], rating="not_met")
    with pytest.raises(SignOffNeedsMarkersAssessed, match=r"marker 12 \(Family involvement\) is rated not met"):
        lipp.reviews.execute(people.coordinator, c.SignOffReport(reference=reference, board_response="Accepted"))

    assess(lipp, people.coordinator, reference, [12], rating="not_met", mitigation="Family declined; reasons recorded")
    lipp.reviews.execute(people.coordinator, c.SignOffReport(reference=reference, board_response="Accepted"))
    markers = lipp.reviews.quality_markers(people.coordinator, reference)
    family = markers.markers[11]
    assert (family.rating, family.times_assessed, family.assessor) == ("not_met", 3, "nvl.coordinator")
    assert markers.gates[0].open
    revisited = [e for e in lipp.reviews.timeline(people.coordinator, reference) if "marker 12" in e.what]
    assert [(e.what, e.why) for e in revisited][-1] == (
        "Assessed quality marker 12 (Family involvement): not met",
        "Family declined; reasons recorded",
    )


def test_publication_needs_markers_14_16_and_17(lipp: Lipp, people: People) -> None:
    reference = signed_off(lipp, people)
    lipp.reviews.execute(people.coordinator, c.SendReportToPanel(reference=reference))
    assess(lipp, people.coordinator, reference, [16])
    publish = c.PublishReport(reference=reference, on="2026-03-02")
    with pytest.raises(PublicationNeedsMarkersAssessed) as refused:
        lipp.reviews.execute(people.coordinator, publish)
    assert [gap.marker for gap in refused.value.gaps] == [14, 17]


def test_the_gates_show_what_is_missing_before_anyone_tries(lipp: Lipp, people: People) -> None:
    reference = drafted(lipp, people)
    assess(lipp, people.coordinator, reference, range(1, 13))
    sign_off, publication = lipp.reviews.quality_markers(people.coordinator, reference).gates
    assert (sign_off.open, sign_off.missing) == (False, ["marker 13 (Analysis) is not assessed"])
    assert len(publication.missing) == 3


def test_markers_are_assessed_once_the_review_reaches_their_stage(lipp: Lipp, people: People) -> None:
    reference = notified(lipp, people)
    with pytest.raises(MarkerNotYetAssessable, match=r"group A .* once the review is decided"):
        assess(lipp, people.coordinator, reference, [2])
    reference = commissioned(lipp, people, case="Child L")
    assess(lipp, people.coordinator, reference, [2])
    with pytest.raises(MarkerNotYetAssessable, match=r"group B .* once the review is in conduct"):
        assess(lipp, people.coordinator, reference, [6])


def test_only_a_coordinator_of_the_board_assesses_markers(lipp: Lipp, people: People) -> None:
    reference = drafted(lipp, people)
    command = AssessQualityMarker(reference=reference, marker=13, rating="met", evidence="Analysis is explanatory")
    with pytest.raises(OnlyCoordinatorsAssessMarkers):
        lipp.reviews.execute(people.reviewer, command)


def test_the_marker_guide_gives_each_statement_with_its_questions(lipp: Lipp) -> None:
    guide = lipp.reviews.marker_guide()
    governance = guide[6]
    assert (governance.number, governance.group, governance.title) == (7, "B", "Governance")
    assert "independent" in governance.statement
    assert len(governance.questions) >= 4
