"""The CLI over the cross-review read models: searching findings and counting quality-marker ratings."""

from __future__ import annotations

import json

from lipp.bootstrap import Lipp
from lipp.commands.markers import AssessQualityMarker
from lipp.domain.clock import SettableClock
from tests.conftest import People
from tests.interfaces.test_register_cli import run
from tests.projections.library_journeys import in_conduct, log, share


def test_a_national_body_searches_shared_findings_by_stemmed_words(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    reference = in_conduct(lipp, people)
    log(lipp, people.reviewer, reference, "Early help assessment not shared")
    log(lipp, people.reviewer, reference, "Risk assessment left to one agency")
    share(lipp, people.coordinator, reference, "F1")

    code, out, _ = run(lipp, "--as", "national.body", "finding", "search", "assessments", "--theme", "NT04", "--json")
    found = json.loads(out)
    assert code == 0
    assert [(x["review"], x["title"], x["case_reference"]) for x in found] == [
        ("NVL-2026", "Early help assessment not shared", None)
    ]
    code, table, _ = run(lipp, "--as", "nvl.coordinator", "finding", "search", "assessments", "--board", "NVL")
    assert code == 0 and "Risk" in table and "Child K" in table
    _, nothing, _ = run(lipp, "--as", "national.body", "finding", "search", "[inquest]")
    assert "No findings you may see match text '[inquest]'" in nothing


def test_marker_results_through_the_cli(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.execute(
        people.coordinator, AssessQualityMarker(reference=reference, marker=1, rating="met", evidence="Minutes")
    )

    code, out, _ = run(lipp, "--as", "national.body", "marker", "results", "--board", "NVL", "--json")
    assert code == 0
    assert [(r["marker"], r["met"], r["not_met"]) for r in json.loads(out)][:2] == [(1, "fewer than 5", 0), (2, 0, 0)]
    code, table, _ = run(lipp, "--as", "nvl.coordinator", "marker", "results")
    assert code == 0 and "Quality-marker results" in table
    code, _, error = run(lipp, "--as", "reviewer.a", "marker", "results")
    assert code != 0 and "may not see marker results" in str(error) + table
