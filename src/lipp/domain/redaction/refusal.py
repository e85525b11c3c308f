"""The one rule for text that travels beyond the board: it passes the redaction check, or the step is refused
with the context's own named error, saying which kinds of detail were found (never the text itself)."""

from __future__ import annotations

from lipp.domain.errors import RuleBroken
from lipp.domain.redaction.checker import check_text


def require_nothing_identifying(field: str, text: str, refusal: type[RuleBroken], advice: str) -> str:
    """`text`, if the redaction check finds nothing in it that may identify a person; else `refusal`, naming
    the field and the kinds found, then `advice`."""
    hits = check_text(text)
    if hits:
        kinds = ", ".join(sorted({hit.kind.label for hit in hits}))
        raise refusal(f"the {field} may identify someone ({kinds}): {advice}")
    return text
