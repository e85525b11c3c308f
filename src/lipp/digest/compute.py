"""Computing the national theme digest from the facts as of one log position. Pure: same inputs, same digest."""

from __future__ import annotations

from lipp.digest import counting, sections
from lipp.digest.document import BuiltFrom, DigestDocument, PeriodInfo
from lipp.digest.inputs import DigestInputs
from lipp.digest.periods import Period
from lipp.digest.reach import LearningReach
from lipp.domain.reference.themes import read_theme

METHOD = 1
"""The version of the digest's computation and rendering. Change it with any change to what a digest says or how
it is rendered: a digest issued under another method cannot be rebuilt byte for byte by this code."""


def compute(inputs: DigestInputs, reach: LearningReach | None = None) -> DigestDocument:
    """The digest of `inputs.period`, compared with `inputs.compared_with`, naming themes by the recorded list."""
    reference = inputs.reference
    periods = [*inputs.compared_with, inputs.period]
    per_period = counting.split_by_period(inputs.findings, periods)
    in_period = per_period[-1]
    theme_names = {t.id: t.name for t in reference.themes.themes}
    found = {theme_id for finding in inputs.findings for theme_id in finding.themes}
    for theme_id in sorted(found - set(theme_names)):  # a theme since dropped from the list reads by its last name
        theme_names[theme_id] = read_theme(theme_id, reference.themes.version).name
    themes = counting.count_lines(per_period, lambda f: f.themes, theme_names)
    pattern_names = {c.id: c.title for c in reference.typology.categories}
    patterns = counting.count_lines(per_period, lambda f: (f.pattern,), pattern_names)
    ranked = [(t.id, t.name, t.count) for t in themes if t.count][: sections.LEADING]
    figures = None
    if reach is not None:
        answer = reach.reach([r[0] for r in ranked], inputs.period.start, inputs.period.end, inputs.position)
        figures = dict(answer)
    return DigestDocument(
        title=f"National theme digest: {inputs.period.label}",
        period=_info(inputs.period),
        compared_with=[_info(p) for p in inputs.compared_with],
        built_from=BuiltFrom(
            method=METHOD,
            position=inputs.position,
            themes_version=reference.themes.version,
            patterns_version=reference.typology.version,
            markers_version=reference.markers.version,
            issued_on=inputs.issued_on,
        ),
        findings_in_period=len(in_period),
        reviews=sections.reviews(inputs.reviews),
        themes=themes,
        patterns=patterns,
        emerging=counting.emerging(per_period, themes),
        leading_themes=sections.leading(in_period, ranked, reference.typology),
        markers=sections.markers(inputs.markers, reference.markers),
        exemplars=sections.exemplars(in_period, [r[0] for r in ranked]),
        actions=sections.actions(inputs.actions, theme_names, inputs.issued_on),
        learning_reach=sections.reach(figures, ranked),
    )


def _info(period: Period) -> PeriodInfo:
    return PeriodInfo(start=period.start, end=period.end, label=period.label)
