"""A briefing's text in the seven-minute shape, and the redaction rule its edits must pass."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lipp.domain.errors import InvalidInput, RuleBroken
from lipp.domain.redaction.checker import check_text

SECTIONS = ("background", "why_it_matters", "key_information", "remember", "what_to_do", "questions")
LIST_SECTIONS = ("key_information", "remember", "what_to_do", "questions")


class BriefingTextIsNotCleared(RuleBroken):
    """Briefings travel to teams: edited text must pass the redaction check like a shared finding."""


@dataclass(frozen=True)
class BriefingContent:
    """Background; why it matters; key information (usually three parts); things to remember; what to do;
    reflective questions. Every section is cleared text."""

    title: str
    background: str
    why_it_matters: str
    key_information: tuple[str, ...]
    remember: tuple[str, ...]
    what_to_do: tuple[str, ...]
    questions: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.title.strip() or not self.background.strip() or not self.why_it_matters.strip():
            raise InvalidInput("a briefing needs a title, a background and why it matters")
        if not self.key_information or not self.what_to_do:
            raise InvalidInput("a briefing needs key information and at least one thing to do")

    def free_text(self) -> dict[str, str]:
        """Every piece of text by a field name a reader can find (e.g. 'key information 2')."""
        texts = {"title": self.title, "background": self.background, "why it matters": self.why_it_matters}
        for section in LIST_SECTIONS:
            for number, text in enumerate(getattr(self, section), start=1):
                texts[f"{section.replace('_', ' ')} {number}"] = text
        return texts

    def as_event_fields(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "background": self.background,
            "why_it_matters": self.why_it_matters,
            **{section: list(getattr(self, section)) for section in LIST_SECTIONS},
        }

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> BriefingContent:
        return cls(
            title=fields["title"],
            background=fields["background"],
            why_it_matters=fields["why_it_matters"],
            **{section: tuple(fields[section]) for section in LIST_SECTIONS},
        )


def require_cleared_edit(before: BriefingContent, after: BriefingContent) -> None:
    """An edit may keep what was already cleared (a pseudonym a coordinator confirmed in a finding, say), but
    any new possible identifying detail is refused, naming where it is."""
    accepted = {hit.text.casefold() for text in before.free_text().values() for hit in check_text(text)}
    found = [
        f"{field}: '{hit.text}' ({hit.kind.label})"
        for field, text in after.free_text().items()
        for hit in check_text(text)
        if hit.text.casefold() not in accepted
    ]
    if found:
        raise BriefingTextIsNotCleared(
            "the edit adds text that may identify someone, so the briefing cannot travel: " + "; ".join(found)
        )
