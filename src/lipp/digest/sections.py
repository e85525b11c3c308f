"""The digest's other sections: reviews, leading themes' causes, markers, exemplars, actions, learning reach."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from lipp.digest.document import (
    ActionLine,
    BoardFindings,
    CauseLine,
    Count,
    Exemplar,
    LeadingTheme,
    MarkerLine,
    MarkerSection,
    PeriodSummary,
    ReachLine,
    ReachSection,
    ReviewRow,
    ReviewSection,
    ThemeActions,
)
from lipp.digest.reach import ThemeReach
from lipp.domain.disclosure import DEFAULT_THRESHOLD, suppress
from lipp.domain.reference.markers import MarkerSet
from lipp.domain.reference.typology import Typology
from lipp.projections.digest_facts.entries import ActionFact, FindingFact, MarkerFact, ReviewCount

LEADING = 5
CAUSE_STATEMENTS = 3
EXEMPLARS_PER_THEME = 2
MOST_OFTEN_NOT_MET = 5


STEPS_COUNTED = ("notified", "decided", "published")
"""The review steps methods 1 and 2 count; method 3 adds "signed_off"."""
COLUMNS = ("notified", "decided", "local_review", "signed_off", "published")


def reviews(counts: Sequence[ReviewCount], method: int = 2, threshold: int = DEFAULT_THRESHOLD) -> ReviewSection:
    """By board and incident kind. Method 3 adds sign-offs and suppresses small numbers (with the totals)."""
    rows: dict[tuple[str, str], Counter[str]] = {}
    steps = (*STEPS_COUNTED, "signed_off") if method >= 3 else STEPS_COUNTED
    for c in counts:
        if c.fact not in steps:
            continue
        row = rows.setdefault((c.board_code, c.incident_kind), Counter())
        row[c.fact] += c.count
        if c.fact == "decided" and c.detail == "local_review":
            row["local_review"] += c.count
    if method >= 3:
        return _suppressed_reviews(rows, threshold)
    lines = [_review_row(board, kind, row) for (board, kind), row in sorted(rows.items())]
    total: Counter[str] = sum(rows.values(), Counter())
    return ReviewSection(totals=_review_row("all boards", "all", total), rows=lines)


def _suppressed_reviews(rows: dict[tuple[str, str], Counter[str]], threshold: int) -> ReviewSection:
    keys = sorted(rows)
    table = [[rows[key][column] for column in COLUMNS] for key in keys]
    shown = suppress(table, row_totals=False, column_totals=True, threshold=threshold)
    totals = shown.column_totals or [sum(column) for column in zip(*table, strict=True)] or [0] * len(COLUMNS)

    def row(board: str, kind: str, cells: Sequence[Count]) -> ReviewRow:
        notified, decided, local, signed_off, published = cells
        return ReviewRow(
            board=board,
            incident_kind=kind,
            notified=notified,
            decided=decided,
            local_review_decisions=local,
            published=published,
            signed_off=signed_off,
        )

    return ReviewSection(
        totals=row("all boards", "all", totals if keys else [0] * len(COLUMNS)),
        rows=[row(board, kind, cells) for (board, kind), cells in zip(keys, shown.cells, strict=True)],
    )


def summary(
    findings: Sequence[FindingFact], counts: Sequence[ReviewCount], threshold: int = DEFAULT_THRESHOLD
) -> PeriodSummary:
    """Reviews signed off, findings cleared to share, and findings per board, small numbers suppressed."""
    signed_off = sum(c.count for c in counts if c.fact == "signed_off")
    per_board = Counter(f.board_code for f in findings)
    boards = sorted(per_board)
    # The period's total of findings is stated anyway, so it is public: only boards' counts are hidden, and when
    # they cannot be hidden well enough (one board alone with a small count) no board is listed.
    shown = suppress(
        [[per_board[b]] for b in boards], row_totals=False, column_totals=True, threshold=threshold, public_totals=True
    )
    [signed] = suppress([[signed_off]], row_totals=False, column_totals=False, threshold=threshold).cells[0]
    rows = [] if shown.exposed else list(zip(boards, shown.cells, strict=True))
    return PeriodSummary(
        reviews_signed_off=signed,
        findings_cleared=sum(1 for f in findings if f.travels),
        findings_by_board=[BoardFindings(board=b, findings=cells[0]) for b, cells in rows],
        findings_by_board_total=len(findings),
    )


def disclosure_statement(threshold: int) -> str:
    return (
        f"Disclosure control: counts by board, incident kind or any cut that narrows to a few cases are shown as "
        f"'fewer than {threshold}' when they are 1 to {threshold - 1}; where such a count could be worked out from "
        "the totals, other counts are shown as 'suppressed' too, so it cannot. An exemplar names its board only "
        f"when the board had at least {threshold} reviews with findings in the period, and gives the year its "
        "review was signed off. Exemplars and cause statements come only from findings the board approved for "
        "sharing and did not withhold; no case reference, review reference or evidence leaves the board."
    )


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
    findings: Sequence[FindingFact], ranked: Sequence[tuple[str, str, int]], typology: Typology, method: int = 2
) -> list[LeadingTheme]:
    """Each leading theme's findings by pattern category, and causes stated in its cleared findings (method 3:
    those its board approved to share and did not withhold)."""
    titles = {c.id: c.title for c in typology.categories}
    themes = []
    for theme_id, name, count in ranked:
        tagged = [f for f in findings if theme_id in f.themes]
        patterns = Counter(f.pattern for f in tagged)
        statements = list(dict.fromkeys(f.causes for f in tagged if _may_travel(f, method)))[:CAUSE_STATEMENTS]
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


def _may_travel(finding: FindingFact, method: int) -> bool:
    return finding.travels if method >= 3 else finding.shareable


def spread_exemplars(
    findings: Sequence[FindingFact], theme_ids: Sequence[str], threshold: int = DEFAULT_THRESHOLD
) -> list[Exemplar]:
    """Method 3: up to two findings per leading theme that travel, with different titles, each shown once, taken
    from the boards and reviews drawn on least so far (so they spread rather than cluster in one review). The
    board is named only when it had at least `threshold` reviews with findings in the period; the year is the
    year the review was signed off."""
    reviews_of_board: dict[str, set[str]] = {}
    for f in findings:
        reviews_of_board.setdefault(f.board_code, set()).add(f.review_key)
    chosen: list[Exemplar] = []
    used: set[str] = set()
    by_review: Counter[str] = Counter()
    by_board: Counter[str] = Counter()
    for theme_id in theme_ids:
        titles: set[str] = set()
        for _ in range(EXEMPLARS_PER_THEME):
            candidates = [
                f
                for f in findings
                if f.travels and theme_id in f.themes and f.order_key not in used and f.title.casefold() not in titles
            ]
            if not candidates:
                break
            f = min(candidates, key=lambda c: (by_review[c.review_key], by_board[c.board_code], c.order_key))
            used.add(f.order_key)
            titles.add(f.title.casefold())
            by_review[f.review_key] += 1
            by_board[f.board_code] += 1
            named = len(reviews_of_board[f.board_code]) >= threshold
            chosen.append(
                Exemplar(
                    theme_id=theme_id,
                    board=f.board_code if named else "",
                    year=f.signed_off_on.year if f.signed_off_on else None,
                    title=f.title,
                    issue=f.issue,
                    causes=f.causes,
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
    counts: Counter[tuple[int, str]] = Counter()
    for r in ratings:
        counts[(r.marker, r.rating)] += r.count
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
        ratings=sum(r.count for r in ratings),
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
