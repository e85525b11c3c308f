"""Declared conflicts of interest, and when one stands in the way of an independent review (marker 7)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from lipp.domain.errors import RuleBroken
from lipp.domain.review.vocabulary import Agency


class ReviewerHasConflictOfInterest(RuleBroken):
    """A lead reviewer must be independent of every agency involved in the case (quality marker 7)."""


@dataclass(frozen=True)
class DeclaredConflict:
    """A reviewer's tie to an agency: a whole sector when no organisation is named, else that organisation."""

    number: int
    agency: Agency
    reason: str
    declared_on: date
    withdrawn: bool = False

    def concerns(self, involved: Agency) -> bool:
        """Whether the agency involved in a case may be the one declared.

        Conservative on purpose: a declaration naming no organisation covers the whole sector, and a case agency
        named only by its sector may be any organisation of it, so either matches the sector."""
        if self.withdrawn or self.agency.sector is not involved.sector:
            return False
        if not self.agency.name or not involved.name:
            return True
        return self.agency.name.casefold() == involved.name.casefold()


def conflicts_with(declared: Iterable[DeclaredConflict], involved: Iterable[Agency]) -> list[str]:
    """Each declared conflict that concerns an agency involved, described for a refusal."""
    agencies = list(involved)
    return [
        f"{conflict.agency} ({conflict.reason}), against the case's '{agency}'"
        for conflict in declared
        for agency in agencies
        if conflict.concerns(agency)
    ]


def refuse_if_conflicted(username: str, reference: str, conflicts: list[str]) -> None:
    if conflicts:
        raise ReviewerHasConflictOfInterest(
            f"{username} cannot lead {reference}: they declared a conflict of interest with "
            + "; ".join(conflicts)
            + ". The lead reviewer must be independent of the agencies involved (quality marker 7)"
        )
