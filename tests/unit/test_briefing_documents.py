"""Briefing documents: generated in the seven-minute shape from plain data, rendered three ways."""

from __future__ import annotations

from datetime import date

from lipp.learning import generate, render
from lipp.learning.document import Acknowledgement, BriefingDocument, BriefingTheme

FINDINGS = [
    generate.ClearedFinding(
        title=f"Finding {n}",
        issue=f"Issue {n} <with markup>.",
        causes=f"Cause {n}.",
        theme_ids=("NT13",),
        theme_names=("Information sharing",),
        agencies=("police",),
        board=board,
    )
    for n, board in ((1, "NVL"), (2, "EMR"), (3, "NVL"), (4, "WBV"))
]


def _document(content: generate.BriefingContent | None = None) -> BriefingDocument:
    content = content or generate.from_theme("Information sharing", FINDINGS)
    return BriefingDocument(
        key="theme-nt13-2026-03-02",
        title=content.title,
        source="theme",
        source_reference="NT13",
        scope="national",
        board=None,
        themes=[BriefingTheme(id="NT13", name="Information sharing")],
        agencies=["police"],
        status="draft",
        released_on=None,
        teams_addressed=0,
        background=content.background,
        why_it_matters=content.why_it_matters,
        key_information=list(content.key_information),
        remember=list(content.remember),
        what_to_do=list(content.what_to_do),
        questions=list(content.questions),
    )


def test_a_theme_briefing_gives_three_key_parts_and_counts_boards() -> None:
    content = generate.from_theme("Information sharing", FINDINGS)
    assert len(content.key_information) == 3
    assert content.key_information[0] == "Finding 1. Issue 1 <with markup>."
    assert "across 3 boards recorded 4 cleared findings" in content.background
    assert content.questions[-1] == "Where does 'Information sharing' show up in our own work?"


def test_a_digest_briefing_leads_with_the_most_counted_themes_and_names_the_rising_ones() -> None:
    digest = generate.DigestSummary(
        digest_id="2026-q1",
        period="January to March 2026",
        themes=(
            generate.DigestTheme("NT05", "Domestic abuse", 3, 0.15),
            generate.DigestTheme("NT13", "Information sharing", 9, 0.45, emerging=True),
            generate.DigestTheme("NT17", "Neglect", 5, 0.25),
            generate.DigestTheme("NT04", "Babies under one", 1, 0.05),
        ),
        exemplars=tuple(FINDINGS[:2]),
    )
    content = generate.from_digest(digest)
    assert [part.split(":")[0] for part in content.key_information] == [
        "Information sharing",
        "Neglect",
        "Domestic abuse",
    ]
    assert (
        content.key_information[0]
        == "Information sharing: 9 findings (45% of all findings), a rise the digest judged significant."
    )
    assert "rising now: information sharing" in content.why_it_matters
    assert content.remember[0].startswith("Why it happens (finding 1)")


def test_every_rendering_has_the_seven_sections_in_order_and_html_escapes_text() -> None:
    document = _document()
    acknowledgement = Acknowledgement(
        link="http://x.test/acknowledge?token=a.b", code="AAAAA-BBBBB", expires_on=date(2026, 4, 1)
    )
    headings = [
        "Background",
        "Why it matters",
        "Key information",
        "Things to remember",
        "What to do",
        "Reflective questions",
    ]

    markdown = render.markdown(document)
    text = render.text(document, acknowledgement)
    html = render.html(document, acknowledgement)

    positions = [markdown.index(f"## {h}") for h in headings]
    assert positions == sorted(positions)
    assert [text.index(h.upper()) for h in headings] == sorted(text.index(h.upper()) for h in headings)
    assert "lipp delivery acknowledge AAAAA-BBBBB" in text and "01 April 2026" in text
    assert "&lt;with markup&gt;" in html and "<with markup>" not in html
    assert 'href="http://x.test/acknowledge?token=a.b"' in html
