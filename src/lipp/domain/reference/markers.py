"""The 18 quality markers for reviews: each with its statement and its "how might you know" questions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from lipp.domain.errors import InvalidInput
from lipp.domain.reference.loading import latest_version, read_data

KIND = "markers"


class UnknownQualityMarker(InvalidInput):
    """Quality markers are numbered 1 to 18."""


class MarkerGroup(StrEnum):
    """The stage of a review a marker belongs to."""

    SETTING_UP = "A"
    RUNNING = "B"
    OUTPUTS = "C"


@dataclass(frozen=True)
class QualityMarker:
    """One marker: a prompt for dialogue, not a box to tick."""

    number: int
    group: MarkerGroup
    title: str
    statement: str
    questions: tuple[str, ...]
    paraphrased_from_title: bool = False


@dataclass(frozen=True)
class MarkerSet:
    """The markers as worded in one version of the data file."""

    version: int
    group_titles: dict[MarkerGroup, str]
    markers: tuple[QualityMarker, ...]

    def marker(self, number: int) -> QualityMarker:
        for marker in self.markers:
            if marker.number == number:
                return marker
        raise UnknownQualityMarker(f"there is no quality marker {number}: they are numbered 1 to {len(self.markers)}")

    def numbers_in(self, *groups: MarkerGroup) -> list[int]:
        return [m.number for m in self.markers if m.group in groups]


@cache
def marker_set(version: int | None = None) -> MarkerSet:
    """The markers of `version` (the latest when None)."""
    data = read_data(KIND, version or latest_version(KIND))
    return MarkerSet(
        version=data["version"],
        group_titles={MarkerGroup(k): v for k, v in data["groups"].items()},
        markers=tuple(
            QualityMarker(
                number=m["number"],
                group=MarkerGroup(m["group"]),
                title=m["title"],
                statement=m["statement"],
                questions=tuple(m["questions"]),
                paraphrased_from_title=m.get("paraphrased_from_title", False),
            )
            for m in data["markers"]
        ),
    )
