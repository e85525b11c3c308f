"""A finding: a practice issue the case revealed that is likely to recur elsewhere, with why it occurs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from lipp.domain.errors import InvalidInput
from lipp.domain.review.redaction_state import SharingState, SharingStatus
from lipp.domain.review.vocabulary import Agency

FINDING_KEY = re.compile(r"^\s*[Ff]?(\d{1,3})\s*$")


def finding_number(key: str | int) -> int:
    """Read 'F2', 'f2' or '2' as finding number 2."""
    match = FINDING_KEY.match(str(key))
    if not match or int(match[1]) < 1:
        raise InvalidInput(f"a finding is named F1, F2 ... (got '{key}')")
    return int(match[1])


def free_text_of(title: str, issue: str, causes: str, evidence: tuple[str, ...] | list[str]) -> dict[str, str]:
    """A finding's free text by the field names the redaction check's hits give (a draft's too, before saving)."""
    texts = {"title": title, "issue": issue, "causes": causes}
    texts.update({f"evidence {i}": episode for i, episode in enumerate(evidence, start=1)})
    return texts


@dataclass(frozen=True)
class FindingContent:
    """What the lead reviewer writes: everything a revision may change."""

    title: str
    issue: str
    causes: str
    pattern: str
    themes: tuple[str, ...]
    agencies: tuple[Agency, ...]
    evidence: tuple[str, ...]

    def free_text(self) -> dict[str, str]:
        """The free text that may travel beyond the board, by field name, for the redaction check."""
        return free_text_of(self.title, self.issue, self.causes, self.evidence)

    def as_event_fields(self) -> dict[str, object]:
        return {
            "title": self.title,
            "issue": self.issue,
            "causes": self.causes,
            "pattern": self.pattern,
            "themes": list(self.themes),
            "agencies": [a.as_dict() for a in self.agencies],
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True)
class Finding:
    """A finding as it stands: its content, the reference-data versions it was written against, its state."""

    number: int
    content: FindingContent
    themes_version: int
    patterns_version: int
    logged_on: date
    revisions: int = 0
    withdrawn: bool = False
    sharing: SharingState = field(default_factory=SharingState)

    @property
    def key(self) -> str:
        return f"F{self.number}"

    @property
    def shareable(self) -> bool:
        """In force, checked since its last revision, and every hit of the check confirmed false."""
        return not self.withdrawn and self.sharing.status is SharingStatus.SHAREABLE
