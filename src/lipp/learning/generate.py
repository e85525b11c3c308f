"""Drafting a briefing in the seven-minute shape from cleared findings: a review's, a theme's, or a digest's.

The generator sees only plain data built from findings already cleared as shareable, so nothing uncleared can
reach a briefing through it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from lipp.domain.learning.content import BriefingContent

KEY_PARTS = 3
"""The seven-minute shape gives key information in three parts."""
STANDING_QUESTIONS = (
    "What are our key reflections on this learning?",
    "How will we embed it, and how will we know it has been embedded?",
    "How will we build it into our team improvement plan?",
)


@dataclass(frozen=True)
class ClearedFinding:
    """A finding cleared to travel: its text and tags, without its case or review reference."""

    title: str
    issue: str
    causes: str
    theme_ids: tuple[str, ...] = ()
    theme_names: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    board: str = ""


@dataclass(frozen=True)
class DigestTheme:
    """A leading theme of a national digest, as the digest reports it."""

    theme_id: str
    name: str
    findings: int
    share: float
    emerging: bool = False


@dataclass(frozen=True)
class DigestSummary:
    """What a national digest offers a briefing, as plain data: its period, leading themes and exemplars."""

    digest_id: str
    period: str
    themes: tuple[DigestTheme, ...]
    exemplars: tuple[ClearedFinding, ...] = field(default_factory=tuple)


def _key_information(findings: Sequence[ClearedFinding]) -> tuple[str, ...]:
    return tuple(f"{finding.title}. {finding.issue}" for finding in findings[:KEY_PARTS])


def _remember(findings: Sequence[ClearedFinding]) -> tuple[str, ...]:
    return tuple(f"Why it happens ({finding.title.lower()}): {finding.causes}" for finding in findings[:KEY_PARTS])


def _what_to_do(findings: Sequence[ClearedFinding]) -> tuple[str, ...]:
    actions = [f"Talk through in your next team meeting how '{f.title}' could happen here." for f in findings[:2]]
    return (
        *actions,
        "Agree one change to practice, who owns it and how you will check it worked (for example a case-file audit).",
        "Record the discussion and the change in lipp, so the board can see the learning landed.",
    )


def _questions(theme_names: Sequence[str]) -> tuple[str, ...]:
    themed = tuple(f"Where does '{name}' show up in our own work?" for name in theme_names[:2])
    return (*STANDING_QUESTIONS, *themed)


def _themes_of(findings: Sequence[ClearedFinding]) -> list[str]:
    names: list[str] = []
    for finding in findings:
        names += [name for name in finding.theme_names if name not in names]
    return names


def from_review(reference: str, board_name: str, findings: Sequence[ClearedFinding]) -> BriefingContent:
    """Local learning from one published review."""
    themes = _themes_of(findings)
    count = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"
    return BriefingContent(
        title=f"Learning from review {reference}",
        background=(
            f"{board_name} published its review {reference}. This briefing draws on the {count} cleared for "
            "sharing beyond the board, in the order the review ranked them."
        ),
        why_it_matters=(
            "The review found practice problems likely to happen again, in this area and elsewhere"
            + (f", touching on {', '.join(themes[:3]).lower()}." if themes else ".")
        ),
        key_information=_key_information(findings),
        remember=_remember(findings),
        what_to_do=_what_to_do(findings),
        questions=_questions(themes),
    )


def from_theme(theme_name: str, findings: Sequence[ClearedFinding]) -> BriefingContent:
    """National learning on one theme, from shareable findings across boards."""
    boards = sorted({finding.board for finding in findings if finding.board})
    return BriefingContent(
        title=f"National learning: {theme_name}",
        background=(
            f"Reviews across {len(boards)} board{'s' if len(boards) != 1 else ''} recorded {len(findings)} "
            f"cleared finding{'s' if len(findings) != 1 else ''} on {theme_name.lower()}. "
            "This briefing brings the most recent together."
        ),
        why_it_matters=(
            f"When the same problem appears in more than one area, it is about how the system works, not about "
            f"one team: {theme_name.lower()} keeps recurring in reviews."
        ),
        key_information=_key_information(findings),
        remember=_remember(findings),
        what_to_do=_what_to_do(findings),
        questions=_questions([theme_name]),
    )


def from_digest(digest: DigestSummary) -> BriefingContent:
    """National learning from a theme digest: its leading themes (as counted) and its exemplar findings."""
    leading = sorted(digest.themes, key=lambda t: (-t.findings, t.theme_id))[:KEY_PARTS]
    emerging = [t.name for t in digest.themes if t.emerging]
    exemplars = digest.exemplars
    key_information = tuple(
        f"{t.name}: {t.findings} finding{'s' if t.findings != 1 else ''} ({t.share:.0%} of all findings)"
        + (", a rise the digest judged significant." if t.emerging else ".")
        for t in leading
    )
    return BriefingContent(
        title=f"National theme digest, {digest.period}: what it means for your team",
        background=(
            f"The national theme digest for {digest.period} counts the practice problems reviews found across "
            "England. This briefing gives its leading themes and examples cleared for sharing."
        ),
        why_it_matters=(
            "Themes that lead the count, or are rising, are where children are most often let down by how "
            "agencies work together" + (f"; rising now: {', '.join(emerging).lower()}." if emerging else ".")
        ),
        key_information=key_information or ("The digest found no leading themes in this period.",),
        remember=_remember(exemplars),
        what_to_do=_what_to_do(exemplars) if exemplars else _what_to_do([]),
        questions=_questions([t.name for t in leading]),
    )
