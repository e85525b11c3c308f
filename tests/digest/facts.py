"""Small hand-made digest facts, so a test can count what the digest should say."""

from __future__ import annotations

from datetime import date
from itertools import count

from lipp.digest.inputs import DigestInputs
from lipp.digest.periods import Period
from lipp.domain.reference.catalogue import ReferenceData
from lipp.projections.digest_facts.entries import ActionFact, FindingFact, MarkerFact, ReviewCount

Q1_2026 = Period(date(2026, 1, 1), date(2026, 3, 31))
_numbers = count(1)


def finding(
    on: date,
    *themes: str,
    pattern: str = "multi-agency-crisis",
    shareable: bool = False,
    board: str = "NVL",
    review: str = "",
    travels: bool | None = None,
    signed_off_on: date | None = None,
) -> FindingFact:
    """A finding fact; by default each is its own review, and it travels when it is shareable."""
    number = next(_numbers)
    return FindingFact(
        board_code=board,
        year=on.year,
        logged_on=on,
        number=number,
        pattern=pattern,
        themes=themes,
        shareable=shareable,
        title=f"Finding of {on}",
        issue=f"Issue of {on}.",
        causes=f"Cause of {on}.",
        order_key=f"{on}:{number:06d}",
        review_key=review or f"review-{number}",
        travels=shareable if travels is None else travels,
        signed_off_on=signed_off_on,
    )


def inputs(
    findings: list[FindingFact],
    reviews: list[ReviewCount] | None = None,
    markers: list[MarkerFact] | None = None,
    actions: list[ActionFact] | None = None,
    themes_version: int = 2,
    period: Period = Q1_2026,
) -> DigestInputs:
    return DigestInputs(
        period=period,
        compared_with=period.previous(),
        position=100,
        issued_on=date(2026, 4, 7),
        reference=ReferenceData.at(themes=themes_version),
        reviews=reviews or [],
        findings=findings,
        markers=markers or [],
        actions=actions or [],
    )
