"""The digest's other sections: reviews, leading themes' causes, markers, exemplars, actions, learning reach."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from lipp.digest.document import (
    ActionLine,
    CauseLine,
    Exemplar,
    LeadingTheme,
    MarkerLine,
    MarkerSection,
    ReachLine,
    ReachSection,
    ReviewRow,
    ReviewSection,
    ThemeActions,
)
from lipp.digest.reach import ThemeReach
from lipp.domain.reference.markers import MarkerSet
from lipp.domain.reference.typology import Typology
from lipp.projections.digest_facts.entries import ActionFact, FindingFact, MarkerFact, ReviewCount

LEADING = 5
CAUSE_STATEMENTS = 3
EXEMPLARS_PER_THEME = 2
MOST_OFTEN_NOT_MET = 5


def reviews(counts: Sequence[ReviewCount]) -> ReviewSection:
    rows: dict[tuple[str, str], Counter[str]] = {}
    for c in counts:
        row = rows.setdefault((c.board_code, c.incident_kind), Counter())
        row[c.fact] += c.count
        if c.fact == "decided" and c.detail == "local_review":
            row["local_review"] += c.count
    lines = [_review_row(board, kind, row) for (board, kind), row in sorted(rows.items())]
    total: Counter[str] = sum(rows.values(), Counter())
    return ReviewSection(totals=_review_row("all boards", "all", total), rows=lines)


def _review_row(board: str, kind: str, row: Counter[str]) -> ReviewRow:
    return ReviewRow(
        board=board,
        incident_kind=kind,
        notified=row["notified"],
        decided=row["decided"],
        local_review_decisions=row["local_review"],
        published=row["published"],
    )


def leading(
    findings: Sequence[FindingFact], ranked: Sequence[tuple[str, str, int]], typology: Typology
) -> list[LeadingTheme]:
    """Each leading theme's findings by pattern category, and causes stated in its cleared findings."""
    titles = {c.id: c.title for c in typology.categories}
    themes = []
    for theme_id, name, count in ranked:
        tagged = [f for f in findings if theme_id in f.themes]
        patterns = Counter(f.pattern for f in tagged)
        statements = list(dict.fromkeys(f.causes for f in tagged if f.shareable))[:CAUSE_STATEMENTS]
        themes.append(
            LeadingTheme(
                theme_id=theme_id,
                name=name,
                count=count,
                patterns=[
                    CauseLine(pattern=p, title=titles.get(p, p), count=n)
                    for p, n in sorted(patterns.items(), key=lambda item: (-item[1], item[0]))
                ],
                cause_statements=statements,
            )
        )
    return themes


def exemplars(findings: Sequence[FindingFact], theme_ids: Sequence[str]) -> list[Exemplar]:
    """Up to two cleared findings per leading theme with different titles, each shown once, with board and year
    only."""
    chosen: list[Exemplar] = []
    used: set[str] = set()
    for theme_id in theme_ids:
        picked = [f for f in findings if f.shareable and theme_id in f.themes and f.order_key not in used]
        for f in _first_of_each_title(picked)[:EXEMPLARS_PER_THEME]:
            used.add(f.order_key)
            chosen.append(
                Exemplar(
                    theme_id=theme_id, board=f.board_code, year=f.year, title=f.title, issue=f.issue, causes=f.causes
                )
            )
    return chosen


def _first_of_each_title(findings: Sequence[FindingFact]) -> list[FindingFact]:
    titles: set[str] = set()
    distinct = []
    for finding in findings:
        if finding.title.casefold() not in titles:
            titles.add(finding.title.casefold())
            distinct.append(finding)
    return distinct


def markers(ratings: Sequence[MarkerFact], marker_set: MarkerSet) -> MarkerSection:
    counts = Counter((r.marker, r.rating) for r in ratings)
    lines = []
    for m in marker_set.markers:
        met, partly, not_met, na = (counts[(m.number, k)] for k in ("met", "partly_met", "not_met", "not_applicable"))
        rated = met + partly + not_met
        share = round(not_met / rated, 4) if rated else 0.0
        lines.append(
            MarkerLine(
                number=m.number,
                title=m.title,
                met=met,
                partly_met=partly,
                not_met=not_met,
                not_applicable=na,
                not_met_share=share,
            )
        )
    lines.sort(key=lambda line: (-line.not_met, -line.not_met_share, line.number))
    return MarkerSection(
        boards=len({r.board_code for r in ratings}),
        ratings=len(ratings),
        lines=lines,
        most_often_not_met=[line.number for line in lines if line.not_met][:MOST_OFTEN_NOT_MET],
    )


def actions(facts: Sequence[ActionFact], names: dict[str, str], issued_on: date) -> list[ThemeActions]:
    by_theme: dict[str, list[ActionLine]] = {}
    for a in facts:
        by_theme.setdefault(a.theme_id, []).append(
            ActionLine(
                reference=a.reference,
                body=a.body_code,
                owner=a.owner,
                description=a.description,
                due_on=a.due_on,
                status=a.status,
                overdue=a.status == "open" and issued_on > a.due_on,
                progress_notes=a.progress_notes,
                last_note=a.last_note,
                outcome=a.outcome,
            )
        )
    return [
        ThemeActions(theme_id=t, name=names.get(t, t), actions=sorted(lines, key=lambda x: (x.due_on, x.reference)))
        for t, lines in sorted(by_theme.items())
    ]


def reach(figures: dict[str, ThemeReach] | None, ranked: Sequence[tuple[str, str, int]]) -> ReachSection:
    if figures is None:
        return ReachSection(
            measured=False,
            note="Not measured yet: lipp does not yet record briefings to teams and their acknowledgements.",
            lines=[],
        )
    lines = [
        ReachLine(
            theme_id=theme_id,
            name=name,
            teams_targeted=figures[theme_id].teams_targeted if theme_id in figures else 0,
            acknowledged=figures[theme_id].acknowledged if theme_id in figures else 0,
            practice_change_verified=figures[theme_id].practice_change_verified if theme_id in figures else 0,
        )
        for theme_id, name, _ in ranked
    ]
    return ReachSection(measured=True, note="Teams reached by briefings on each leading theme.", lines=lines)
