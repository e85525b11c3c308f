"""The tracker's filters as users type them, in the CLI or the API: 'in-progress', 'Health', 'nvl-2026-001'."""

from __future__ import annotations

from datetime import date

from lipp.domain import business_dates
from lipp.domain.errors import InvalidInput
from lipp.domain.plans.values import ActionStatus
from lipp.domain.review.vocabulary import AgencySector
from lipp.projections.plans.queries import TrackerFilter


class UnknownTrackerChoice(InvalidInput):
    """A tracker filter names a status or an agency sector lipp does not know."""


def _choice(value: str | None, choices: type[ActionStatus] | type[AgencySector], name: str) -> str | None:
    if not value:
        return None
    folded = value.strip().lower().replace("-", "_").replace(" ", "_")
    known = [c.value for c in choices]
    if folded not in known:
        raise UnknownTrackerChoice(f"{name} is one of {', '.join(known)} (got '{value}')")
    return folded


def tracker_filter(
    *,
    review: str | None = None,
    agency: str | None = None,
    status: str | None = None,
    overdue: bool = False,
    returned: bool = False,
    due_by: date | None = None,
) -> TrackerFilter:
    """The filter, with each choice checked and folded to its stored spelling."""
    return TrackerFilter(
        review=review.strip().upper() if review else None,
        sector=_choice(agency, AgencySector, "the agency"),
        status=_choice(status, ActionStatus, "the status"),
        overdue=overdue,
        returned=returned,
        due_by=business_dates.bounds().ahead(due_by) if due_by else None,
    )
