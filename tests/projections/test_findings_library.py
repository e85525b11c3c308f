"""Searching findings across reviews: by stemmed words and filters, showing each role only what it may see."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands.registry import RegisterUser
from lipp.domain.clock import SettableClock
from lipp.domain.reference.catalogue import ReferenceData
from lipp.domain.reference.themes import UnknownTheme
from lipp.projections.findings import text_index
from lipp.projections.findings.entries import FoundFinding
from lipp.projections.findings.tables import library_metadata
from lipp.projections.findings.text_index import FTS_TABLE
from tests.conftest import People, register_team
from tests.projections.library_journeys import in_conduct, log, share
from tests.projections.stories import table_rows


def two_boards(lipp: Lipp, people: People, clock: SettableClock) -> tuple[str, str]:
    """NVL's review (reviewer A) and EMR's (reviewer B), each with one shared and one unshared finding."""
    nvl = in_conduct(lipp, people, "NVL", "Child K", "reviewer.a")
    emr = in_conduct(lipp, people, "EMR", "Child Q", "reviewer.b")
    log(lipp, people.reviewer, nvl, "Early help assessment not shared", pattern="1", agencies=["early_help"])
    log(lipp, people.reviewer, nvl, "Safeguarding supervision was missed", themes=["NT16"], pattern="2")
    clock.advance(timedelta(days=40))
    log(lipp, people.other_reviewer, emr, "Risk assessment left to one agency", themes=["NT14"], pattern="6")
    log(lipp, people.other_reviewer, emr, "Contacts mistaken for referrals", themes=["NT13"])
    share(lipp, people.coordinator, nvl, "F1")
    share(lipp, people.other_coordinator, emr, "F1")
    return nvl, emr


def seen(found: list[FoundFinding]) -> set[tuple[str, str, str | None]]:
    return {(x.review, x.finding, x.case_reference) for x in found}


def test_each_role_sees_exactly_what_it_may(lipp: Lipp, people: People, clock: SettableClock) -> None:
    nvl, emr = two_boards(lipp, people, clock)
    search = lipp.library.search_findings

    assert seen(search(people.admin)) == {
        (nvl, "F1", "Child K"),
        (nvl, "F2", "Child K"),
        (emr, "F1", "Child Q"),
        (emr, "F2", "Child Q"),
    }
    assert seen(search(people.coordinator)) == {(nvl, "F1", "Child K"), (nvl, "F2", "Child K"), (emr, "F1", None)}
    assert seen(search(people.reviewer)) == {(nvl, "F1", "Child K"), (nvl, "F2", "Child K"), (emr, "F1", None)}
    assert seen(search(people.other_reviewer)) == {(emr, "F1", "Child Q"), (emr, "F2", "Child Q"), (nvl, "F1", None)}
    assert seen(search(people.national_body)) == {("NVL-2026", "F1", None), ("EMR-2026", "F1", None)}
    register_team(lipp, people.admin, "NVL-CSC", "NVL")
    lipp.registry.register_user(people.admin, RegisterUser(username="team.member", role="team_member", team="NVL-CSC"))
    team_member = lipp.registry.actor_for("team.member")
    assert seen(search(team_member)) == {("NVL-2026", "F1", None), ("EMR-2026", "F1", None)}


def test_a_national_body_never_sees_a_case_or_review_reference(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    nvl, emr = two_boards(lipp, people, clock)

    for found in lipp.library.search_findings(people.national_body):
        shown = repr(found)
        assert "Child" not in shown and nvl not in shown and emr not in shown
        assert found.shareable and (found.board, found.year) in (("NVL", 2026), ("EMR", 2026))


def test_search_finds_stemmed_words(lipp: Lipp, people: People, clock: SettableClock) -> None:
    two_boards(lipp, people, clock)
    titles = lambda text: {x.title for x in lipp.library.search_findings(people.admin, text)}  # noqa: E731

    assert titles("safeguard") == {"Safeguarding supervision was missed"}
    assert titles("assessments") == {"Early help assessment not shared", "Risk assessment left to one agency"}
    assert titles("assessments, left!") == {"Risk assessment left to one agency"}
    assert titles("visitor's referrals") == set()  # the words are in every finding's evidence, which is not searched
    assert titles("referrals") == {"Contacts mistaken for referrals"}
    assert titles("inquest") == set()


def test_filters_by_theme_pattern_agency_board_and_period(lipp: Lipp, people: People, clock: SettableClock) -> None:
    two_boards(lipp, people, clock)
    titles = lambda **given: {x.title for x in lipp.library.search_findings(people.admin, **given)}  # noqa: E731

    assert titles(theme="Risk assessment") == {"Risk assessment left to one agency"}
    assert titles(theme="nt16") == {"Safeguarding supervision was missed"}
    assert titles(pattern="6") == {"Risk assessment left to one agency"}
    assert titles(agency="early-help") == {"Early help assessment not shared"}
    assert titles(board="emr", text="mistaken referral") == {"Contacts mistaken for referrals"}
    later = {"Risk assessment left to one agency", "Contacts mistaken for referrals"}
    assert titles(from_date=date(2026, 3, 3)) == later
    assert titles(to_date=date(2026, 3, 2), theme="NT04") == {"Early help assessment not shared"}
    assert len(lipp.library.search_findings(people.admin, limit=3)) == 3
    with pytest.raises(UnknownTheme):
        titles(theme="Not a theme")


def test_a_renamed_theme_still_finds_findings_logged_under_its_old_name(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    lipp.reviews.reference_data = ReferenceData.at(themes=1)
    title = "Bruising to a non-mobile baby not referred"
    log(lipp, people.reviewer, reference, title, themes=["Vulnerability of babies"])
    lipp.reviews.reference_data = ReferenceData.at()

    for name in ("Vulnerability of babies", "Babies under one: vulnerability and risk", "NT04"):
        found = lipp.library.search_findings(people.admin, theme=name)
        assert [(x.title, x.themes) for x in found] == [(title, ("Babies under one: vulnerability and risk",))]


def test_withdrawn_findings_vanish_and_revisions_show(lipp: Lipp, people: People, clock: SettableClock) -> None:
    nvl, _ = two_boards(lipp, people, clock)
    assert len(lipp.library.search_findings(people.admin, "supervision")) == 1

    lipp.reviews.withdraw_finding(people.reviewer, f.WithdrawFinding(reference=nvl, finding="F2", reason="Merged"))
    lipp.reviews.revise_finding(
        people.reviewer,
        f.ReviseFinding(reference=nvl, finding="F1", title="Early help plans not shared", reason="Clearer title"),
    )

    assert lipp.library.search_findings(people.admin, "supervision") == []
    revised = lipp.library.search_findings(people.admin, "plans")
    assert [(x.title, x.shareable, x.priority) for x in revised] == [("Early help plans not shared", False, 1)]
    assert seen(lipp.library.search_findings(people.national_body)) == {("EMR-2026", "F1", None)}


def test_rebuild_gives_identical_tables(lipp: Lipp, people: People, clock: SettableClock) -> None:
    nvl, _ = two_boards(lipp, people, clock)
    lipp.reviews.rerank_findings(people.reviewer, f.ReRankFindings(reference=nvl, order=["F2", "F1"], reason="Weight"))
    lipp.library.search_findings(people.admin)
    before = _tables(lipp)

    lipp.runner.rebuild(lipp.library.projection)

    assert _tables(lipp) == before
    assert {(x.finding, x.priority) for x in lipp.library.search_findings(people.reviewer, board="NVL")} == {
        ("F1", 2),
        ("F2", 1),
    }


def _tables(lipp: Lipp) -> dict[str, object]:
    tables: dict[str, object] = {t.name: table_rows(lipp.read_models, t) for t in library_metadata.sorted_tables}
    if lipp.read_models.dialect.name == "sqlite":
        with lipp.read_models.connect() as connection:
            tables[FTS_TABLE] = connection.exec_driver_sql(f"SELECT rowid, body FROM {FTS_TABLE} ORDER BY rowid").all()
    else:
        with lipp.read_models.connect() as connection:
            tables["search"] = connection.exec_driver_sql(
                "SELECT finding_id, search::text FROM library_findings ORDER BY finding_id"
            ).all()
    return tables


def test_text_search_puts_the_best_match_first(lipp: Lipp, people: People) -> None:
    reference = in_conduct(lipp, people)
    log(lipp, people.reviewer, reference, "Missed appointments at the clinic", causes="Neglect was not named.")
    log(
        lipp,
        people.reviewer,
        reference,
        "Neglect not recognised",
        issue="Chronic neglect was seen as poverty.",
        causes="Neglect tools were not used.",
    )

    found = lipp.library.search_findings(people.admin, "neglected")

    assert [x.title for x in found] == ["Neglect not recognised", "Missed appointments at the clinic"]


def test_a_very_common_word_ranks_its_most_recent_matches(
    lipp: Lipp, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past `CANDIDATES` matches only the newest are ranked (so common words stay fast), best first among them."""
    monkeypatch.setattr(text_index, "CANDIDATES", 3)
    reference = in_conduct(lipp, people)
    strong = "Neglect not recognised"
    log(lipp, people.reviewer, reference, strong, issue="Chronic neglect.", causes="Neglect tools unused; neglect.")
    for title in ("Supervision lapsed", "Missed appointments", "Hospital discharge", "Neglect in the home"):
        log(lipp, people.reviewer, reference, title, causes="Neglect was not named.")

    ranked = [x.title for x in lipp.library.search_findings(people.admin, "neglect")]

    assert ranked[0] == "Neglect in the home", "the best of the three newest matches"
    assert set(ranked) == {"Neglect in the home", "Missed appointments", "Hospital discharge"}
    monkeypatch.setattr(text_index, "CANDIDATES", 100)
    assert lipp.library.search_findings(people.admin, "neglect")[0].title == strong, "all ranked when few"


def test_a_search_narrowed_to_a_board_ranks_every_match_of_a_common_word(
    lipp: Lipp, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A board, theme or pattern narrows the matches enough to rank them all: the best one is never cut."""
    monkeypatch.setattr(text_index, "CANDIDATES", 3)
    reference = in_conduct(lipp, people)
    strong = "Neglect not recognised"
    log(lipp, people.reviewer, reference, strong, issue="Chronic neglect.", causes="Neglect tools unused; neglect.")
    for title in ("Supervision lapsed", "Missed appointments", "Hospital discharge", "Neglect in the home"):
        log(lipp, people.reviewer, reference, title, causes="Neglect was not named.")
    board = reference.split("-")[0]

    ranked = [x.title for x in lipp.library.search_findings(people.admin, "neglect", board=board)]

    assert ranked[0] == strong
    assert len(ranked) == 5
    assert lipp.library.search_findings(people.admin, "neglect")[0].title == "Neglect in the home", "unnarrowed: cut"
