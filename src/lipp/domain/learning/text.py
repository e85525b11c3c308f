"""Free text teams record (reflections, what changed) passes the redaction check: events hold no personal data."""

from __future__ import annotations

from lipp.domain.errors import RuleBroken
from lipp.domain.redaction.checker import check_text


class TextMayIdentifySomeone(RuleBroken):
    """What a team records about a briefing must not identify a child, family or practitioner."""


def require_clear_text(field: str, text: str) -> None:
    hits = check_text(text)
    if hits:
        found = "; ".join(f"'{hit.text}' ({hit.kind.label})" for hit in hits)
        raise TextMayIdentifySomeone(f"the {field} may identify someone, so it is not recorded: {found}")
