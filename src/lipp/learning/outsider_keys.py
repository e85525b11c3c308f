"""What a reader outside a review's board sees of a review briefing's key: `review-nvl-2026-001` carries the
review's reference, which national readers never see (they see board code and year), so they are shown
`review-nvl-2026-` followed by a keyed digest of the key instead. The digest is an HMAC under lipp's own secret
(the link key), so the sequence number cannot be worked back from it by trying each one; lipp finds the
briefing again by comparing the digests of that board's and year's few briefings."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

CODE_LENGTH = 10
_OUTSIDER_KEY = re.compile(rf"^review-([a-z]{{2,6}})-(\d{{4}})-([a-z2-7]{{{CODE_LENGTH}}})$")


def outsider_key(key: str, secret: bytes) -> str:
    """The key as shown outside the board: source, board and year kept, the sequence replaced by a digest."""
    board, year = key.lower().split("-")[1:3]
    digest = hmac.new(secret, key.lower().encode(), hashlib.sha256).digest()
    code = base64.b32encode(digest).decode().lower()[:CODE_LENGTH]
    return f"review-{board}-{year}-{code}"


def key_prefix_of(shown: str) -> str | None:
    """For a key in the outsider's form, the prefix every candidate's real key has (`review-nvl-2026-`)."""
    match = _OUTSIDER_KEY.match(shown.strip().lower())
    return f"review-{match[1]}-{match[2]}-" if match else None


def is_review_key(key: str) -> bool:
    return key.lower().startswith("review-")
