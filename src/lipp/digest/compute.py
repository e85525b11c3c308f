"""Computing the national theme digest from the facts as of one log position. Pure: same inputs, same digest."""

from __future__ import annotations

from lipp.digest import counting, sections, stats
from lipp.digest.document import BuiltFrom, DigestDocument, PeriodInfo
from lipp.digest.inputs import DigestInputs
from lipp.digest.periods import Period
from lipp.digest.reach import LearningReach
from lipp.domain.reference.themes import read_theme

METHOD = 3
"""The version of the digest's computation and rendering. Change it with any change to what a digest says or how
it is rendered, and keep computing the older methods listed in REBUILDABLE the way they were, so every issued
digest can still be rebuilt byte for byte. Method 2 adds learning reach (method 1 said it was not measured).
Method 3 (ADR 0024): only findings the board approved and did not withhold travel; small numbers suppressed;
change against earlier periods with findings; emerging themes judged on reviews; sign-offs, findings cleared and
findings per board; who asked for it; full pattern labels; exemplars spread, dated by sign-off."""
REBUILDABLE = frozenset({1, 2, 3})


def compute(inputs: DigestInputs, reach: LearningReach | None = None, method: int = METHOD) -> DigestDocument:
    """The digest of `inputs.period`, compared with `inputs.compared_with`, naming themes by the recorded list."""
    reference = inputs.reference
    periods = [*inputs.compared_with, inputs.period]
    per_period = counting.split_by_period(inputs.findings, periods)
    in_period = per_period[-1]
    theme_names = {t.id: t.name for t in reference.themes.themes}
    found = {theme_id for finding in inputs.findings for theme_id in finding.themes}
    for theme_id in sorted(found - set(theme_names)):  # a theme since dropped from the list reads by its last name
        theme_names[theme_id] = read_theme(theme_id, reference.themes.version).name
    themes = counting.count_lines(per_period, lambda f: f.themes, theme_names, method)
    pattern_names = {c.id: c.title for c in reference.typology.categories}
    patterns = counting.count_lines(per_period, lambda f: (f.pattern,), pattern_names, method)
    ranked = [(t.id, t.name, t.count) for t in themes if t.count][: sections.LEADING]
    figures = None
    if reach is not None and method >= 2:
        answer = reach.reach([r[0] for r in ranked], inputs.period.start, inputs.period.end, inputs.position)
        figures = dict(answer)
    threshold = inputs.disclosure_threshold
    built = {
        "method": method,
        "position": inputs.position,
        "themes_version": reference.themes.version,
        "patterns_version": reference.typology.version,
        "markers_version": reference.markers.version,
        "issued_on": inputs.issued_on,
    }
    leading_ids = [r[0] for r in ranked]
    later: dict[str, object] = {}
    if method >= 3:
        built.update(requested_by=inputs.requested_by, disclosure_threshold=threshold)
        later = {
            "summary": sections.summary(in_period, inputs.reviews, threshold),
            "methods": [counting.CHANGE_METHOD, f"Emerging themes: {stats.TEST_NAME_BY_REVIEW}."],
            "disclosure_control": sections.disclosure_statement(threshold),
        }
    exemplars = (
        sections.spread_exemplars(in_period, leading_ids, threshold)
        if method >= 3
        else sections.exemplars(in_period, leading_ids)
    )
    return DigestDocument(
        title=f"National theme digest: {inputs.period.label}",
        period=_info(inputs.period),
        compared_with=[_info(p) for p in inputs.compared_with],
        built_from=BuiltFrom.model_validate(built),
        findings_in_period=len(in_period),
        reviews=sections.reviews(inputs.reviews, method, threshold),
        themes=themes,
        patterns=patterns,
        emerging=counting.emerging(per_period, themes, method),
        leading_themes=sections.leading(in_period, ranked, reference.typology, method),
        markers=sections.markers(inputs.markers, reference.markers),
        exemplars=exemplars,
        actions=sections.actions(inputs.actions, theme_names, inputs.issued_on),
        learning_reach=sections.reach(figures, ranked),
        **later,
    )


def _info(period: Period) -> PeriodInfo:
    return PeriodInfo(start=period.start, end=period.end, label=period.label)
