"""Fictional findings for the national demo history, by national theme: titles, issues and causes with no names,
places or numbers, so they pass the redaction check and can be shared nationally."""

from __future__ import annotations

PHRASES: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    # theme: (title, issue, causes, pattern category)
    "NT13": (
        (
            "Health information not shared before the strategy discussion",
            "Health practitioners held information about injuries that was not shared before decisions were made.",
            "Consent was misunderstood as a barrier to sharing, and no one asked health directly.",
            "multi-agency-crisis",
        ),
        (
            "Police intelligence not passed to the front door",
            "Information held by the police about adults in the household did not reach children's social care.",
            "Systems do not talk to each other and officers were unsure what may be shared.",
            "human-tool",
        ),
    ),
    "NT14": (
        (
            "Risk assessed on each incident alone",
            "Each incident was assessed on its own, so the growing pattern of harm was not seen.",
            "Assessment tools look at the latest event and supervision did not step back to the history.",
            "judgement-reasoning",
        ),
    ),
    "NT05": (
        (
            "Domestic abuse risk tools not revisited after separation",
            "Risk was judged to have ended when the parents separated, although contact continued.",
            "Practitioners were not supported to see separation as a time of higher risk.",
            "judgement-reasoning",
        ),
    ),
    "NT04": (
        (
            "Bruising to a non-mobile baby explained away",
            "A bruise on a baby who could not move alone was accepted as accidental without a medical opinion.",
            "The bruising protocol was not known to every practitioner who saw the baby.",
            "human-management-system",
        ),
    ),
    "NT09": (
        (
            "Parental mental health seen apart from the child",
            "Adult mental health services worked with a parent without asking about the children at home.",
            "Adult services' assessments do not prompt questions about dependent children.",
            "multi-agency-longer-term",
        ),
    ),
    "NT17": (
        (
            "Neglect normalised over years of involvement",
            "Long involvement with the family led practitioners to accept poor care as the family's normal.",
            "Start-again syndrome: each new worker began afresh without the chronology.",
            "family-professional",
        ),
    ),
    "NT06": (
        (
            "Exploitation seen as the young person's choice",
            "A young person going missing and carrying cash was treated as making choices, not as exploited.",
            "Language in referrals framed the young person as the problem, and contextual risks were not mapped.",
            "judgement-reasoning",
        ),
        (
            "Missing episodes not linked across areas",
            "Missing episodes reported in neighbouring areas were not connected to the same exploitation network.",
            "Return interviews were not shared between areas and no one held the whole picture.",
            "multi-agency-longer-term",
        ),
    ),
}

BASE_WEIGHTS = {"NT13": 5, "NT14": 4, "NT05": 3, "NT04": 3, "NT09": 2, "NT17": 2, "NT06": 1}
RISING = "NT06"
"""The theme the demo makes rise sharply in the last complete quarter, so the digest shows an emerging theme."""
