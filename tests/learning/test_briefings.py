"""Briefings: drafted from cleared findings in the seven-minute shape, edited past the redaction check, released
to the teams whose subscriptions match."""

from __future__ import annotations

import pytest

from lipp.application.learning import BriefingNeedsAPublishedReview, NoClearedFindings
from lipp.bootstrap import Lipp
from lipp.commands.learning import DraftReviewBriefing, DraftThemeBriefing, EditBriefing, ReleaseBriefing
from lipp.domain.clock import SettableClock
from lipp.domain.errors import AlreadyExists, NotAuthorised, NotFound
from lipp.domain.learning.briefing import BriefingIsReleased
from lipp.domain.learning.content import BriefingTextIsNotCleared
from tests.conftest import People
from tests.learning.journeys import nvl_teams, published
from tests.scenario.journeys import commissioned


def test_a_briefing_from_a_published_review_holds_only_its_cleared_findings(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    reference = published(lipp, people, clock, shared=(2,))

    document = lipp.learning.draft_from_review(people.coordinator, DraftReviewBriefing(reference=reference))

    assert document.key == f"review-{reference.lower()}"
    assert (document.scope, document.board, document.status) == ("local", "NVL", "draft")
    assert len(document.key_information) == 1
    assert document.key_information[0].startswith("Contacts and referrals confused at the front door")
    assert "Strategy discussions" not in " ".join(document.key_information + document.remember)
    assert [t.id for t in document.themes] == ["NT05", "NT13"]
    assert document.agencies == ["childrens_social_care", "police"]
    assert document.questions[0] == "What are our key reflections on this learning?"
    assert document.what_to_do


def test_only_a_published_review_with_cleared_findings_makes_a_briefing(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    unpublished = commissioned(lipp, people, case="Child Z")
    with pytest.raises(BriefingNeedsAPublishedReview, match="published"):
        lipp.learning.draft_from_review(people.coordinator, DraftReviewBriefing(reference=unpublished))
    nothing_shared = published(lipp, people, clock, shared=())
    with pytest.raises(NoClearedFindings):
        lipp.learning.draft_from_review(people.coordinator, DraftReviewBriefing(reference=nothing_shared))


def test_only_the_boards_coordinator_drafts_a_reviews_briefing(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    reference = published(lipp, people, clock)
    with pytest.raises(NotFound):
        lipp.learning.draft_from_review(people.other_coordinator, DraftReviewBriefing(reference=reference))
    with pytest.raises(NotAuthorised):
        lipp.learning.draft_from_review(people.admin, DraftReviewBriefing(reference=reference))
    lipp.learning.draft_from_review(people.coordinator, DraftReviewBriefing(reference=reference))
    with pytest.raises(AlreadyExists):
        lipp.learning.draft_from_review(people.coordinator, DraftReviewBriefing(reference=reference))


def test_an_edit_that_adds_identifying_text_is_refused_and_changes_nothing(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    reference = published(lipp, people, clock)
    key = lipp.learning.draft_from_review(people.coordinator, DraftReviewBriefing(reference=reference)).key

    with pytest.raises(BriefingTextIsNotCleared, match="background"):
        lipp.learning.edit(
            people.coordinator, EditBriefing(key=key, background="Jayden Smith, born 03/04/2019, lived at NV1 4AB.")
        )
    edited = lipp.learning.edit(
        people.coordinator, EditBriefing(key=key, what_to_do=["Convene a strategy discussion for every bruised baby."])
    )

    assert edited.what_to_do == ["Convene a strategy discussion for every bruised baby."]
    assert "Jayden" not in edited.background


def test_releasing_addresses_every_matching_team_once(lipp: Lipp, people: People, clock: SettableClock) -> None:
    reference = published(lipp, people, clock)
    nvl_teams(lipp, people)
    key = lipp.learning.draft_from_review(people.coordinator, DraftReviewBriefing(reference=reference)).key

    receipt = lipp.learning.release(people.coordinator, ReleaseBriefing(key=key))

    # Themes NT04, NT05, NT13: NVL-CSC takes all, NVL-POLICE NT13, NVL-HEALTH NT04, NVL-DA NT05; NVL-SCHOOLS takes
    # national learning only and EMR-CSC is another board's.
    teams = sorted(row.team for row in lipp.deliveries.deliveries(people.coordinator, briefing=key))
    assert teams == ["NVL-CSC", "NVL-DA", "NVL-HEALTH", "NVL-POLICE"]
    assert receipt.teams_addressed == 4
    with pytest.raises(BriefingIsReleased):
        lipp.learning.release(people.coordinator, ReleaseBriefing(key=key))
    with pytest.raises(BriefingIsReleased):
        lipp.learning.edit(people.coordinator, EditBriefing(key=key, title="Changed after release"))


def test_a_theme_briefing_is_national_and_reaches_national_subscribers_of_every_board(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    published(lipp, people, clock)
    nvl_teams(lipp, people)
    with pytest.raises(NotAuthorised):
        lipp.learning.draft_from_theme(people.coordinator, DraftThemeBriefing(theme="Information sharing"))

    document = lipp.learning.draft_from_theme(people.national_body, DraftThemeBriefing(theme="Information sharing"))
    lipp.learning.release(people.national_body, ReleaseBriefing(key=document.key))

    assert (document.scope, document.board) == ("national", None)
    assert document.title == "National learning: Information sharing"
    assert len(document.key_information) == 2
    teams = sorted(row.team for row in lipp.deliveries.deliveries(people.admin, briefing=document.key))
    assert teams == ["EMR-CSC", "NVL-CSC", "NVL-POLICE", "NVL-SCHOOLS"]


def test_a_release_cut_short_and_repeated_addresses_each_team_once(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    from lipp.domain.identifiers import briefing_id_for
    from lipp.domain.learning.delivery import Delivery

    reference = published(lipp, people, clock)
    nvl_teams(lipp, people)
    key = lipp.learning.draft_from_review(people.coordinator, DraftReviewBriefing(reference=reference)).key
    briefing = lipp.learning.briefing_by_id(briefing_id_for(key))
    csc = next(t for t in lipp.registry.all_teams() if t.code == "NVL-CSC")
    # A release that stopped after addressing one team, before the briefing was marked released.
    lipp.learning.save(
        Delivery.address(
            now=clock.now(),
            on=clock.now().date(),
            briefing_id=briefing.id,
            briefing_key=key,
            team_id=csc.id,
            team_code=csc.code,
            board_id=csc.board_id,
            board_code="NVL",
            agency=csc.agency.value,
            scope="local",
            theme_ids=briefing.theme_ids,
        )
    )

    receipt = lipp.learning.release(people.coordinator, ReleaseBriefing(key=key))

    teams = sorted(row.team for row in lipp.deliveries.deliveries(people.coordinator, briefing=key))
    assert teams == ["NVL-CSC", "NVL-DA", "NVL-HEALTH", "NVL-POLICE"]
    assert receipt.teams_addressed == 4
