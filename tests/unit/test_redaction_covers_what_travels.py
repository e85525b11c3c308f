"""Every field that travels beyond the board goes through the redaction check: a finding's title, issue and
causes (and its evidence), an Alliance action's text, a briefing's text and what a team records about it."""

from __future__ import annotations

import pytest

from lipp.domain.alliance.rules import ActionTextMayIdentifySomeone, check_shareable_text
from lipp.domain.learning.content import BriefingContent, BriefingTextIsNotCleared, require_cleared_edit
from lipp.domain.learning.text import TextMayIdentifySomeone, require_clear_text
from lipp.domain.review.finding import FindingContent

pytestmark = pytest.mark.usefixtures("redaction_check_loaded")

DETAIL = "her brother kai, born on the third of May 2019"
CLEAN = "Information was not shared before the strategy discussion."


def test_a_finding_offers_its_title_issue_causes_and_evidence_to_the_check() -> None:
    content = FindingContent(
        title="t", issue="i", causes="c", pattern="p", themes=(), agencies=(), evidence=("e1", "e2")
    )
    assert set(content.free_text()) == {"title", "issue", "causes", "evidence 1", "evidence 2"}


@pytest.mark.parametrize("field", ["owner", "description", "note", "evidence of impact", "reason"])
def test_alliance_action_text_with_a_detail_the_old_check_missed_is_refused(field: str) -> None:
    assert check_shareable_text(field, CLEAN) == CLEAN
    with pytest.raises(ActionTextMayIdentifySomeone):
        check_shareable_text(field, f"Ask {DETAIL} about the plan.")


def _briefing(**changes: object) -> BriefingContent:
    fields: dict[str, object] = {
        "title": "Sharing information",
        "background": CLEAN,
        "why_it_matters": CLEAN,
        "key_information": [CLEAN],
        "remember": [CLEAN],
        "what_to_do": [CLEAN],
        "questions": [CLEAN],
    }
    return BriefingContent.from_fields({**fields, **changes})


@pytest.mark.parametrize(
    "changes",
    [
        {"title": f"About {DETAIL}"},
        {"background": f"The family of {DETAIL} moved."},
        {"why_it_matters": f"It matters to {DETAIL}."},
        {"key_information": [CLEAN, f"Seen at Northvale General Hospital with {DETAIL}."]},
        {"remember": [f"Remember {DETAIL}."]},
        {"what_to_do": [f"Visit the Meadowbank estate where {DETAIL} lives."]},
        {"questions": [f"Who spoke to {DETAIL}?"]},
    ],
)
def test_an_edit_to_any_section_of_a_briefing_is_checked(changes: dict[str, object]) -> None:
    with pytest.raises(BriefingTextIsNotCleared):
        require_cleared_edit(_briefing(), _briefing(**changes))


def test_what_a_team_records_about_a_briefing_is_checked() -> None:
    require_clear_text("reflections", CLEAN)
    with pytest.raises(TextMayIdentifySomeone):
        require_clear_text("reflections", f"We talked about {DETAIL}.")
