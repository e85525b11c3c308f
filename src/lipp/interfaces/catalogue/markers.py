"""Assessing the quality markers: `lipp marker assess ...` and `POST /reviews/{reference}/markers/{marker}`."""

from __future__ import annotations

from typing import Any

from lipp.interfaces.catalogue.common import ON, REFERENCE
from lipp.interfaces.catalogue.entry import Arg, Entry, Http
from lipp.interfaces.catalogue.shows import print_line

PLAN_MARKERS = (15, 18)
"""Quality markers about the action plan: improvement action (15), implementation and evaluation (18)."""


def show_assessment(session: Any, command: Any, receipt: Any, values: dict[str, Any]) -> None:
    """The marker's guide, then `REF: marker N rated <rating> (version N)`."""
    from lipp.interfaces.cli.marker_render import print_guide, rating_text

    number = values["number"]
    print_guide(next(v for v in session.lipp.reviews.marker_guide() if v.number == number))
    if number in PLAN_MARKERS:  # improvement action, implementation and evaluation: the plan's facts beside them
        board = receipt.reference.rsplit("-", 2)[0]
        facts = session.lipp.plans.facts(session.actor(), board, receipt.reference)
        print_line(f"The plan of {receipt.reference}: {facts.summary}")
    rated = rating_text(command.rating.value)
    print_line(f"[bold]{receipt.reference}[/]: marker {number} rated {rated} (version {receipt.version})")


ASSESS = Entry(
    group="marker",
    name="assess",
    model="lipp.commands.markers:AssessQualityMarker",
    handler="reviews.assess_marker",
    who="a coordinator of the review's board (require_may_assess_markers)",
    help="Rate a marker for a review, or revisit its rating (coordinators).",
    args=(
        REFERENCE,
        Arg("marker", "The marker, 1 to 18.", "number", argument=True, name="number"),
        Arg("rating", "met, partly-met, not-met or not-applicable."),
        Arg("evidence", "What shows the rating."),
        Arg("mitigation", "For 'not met': the rationale or mitigation.", required=False),
        ON,
    ),
    http=Http("POST", "/reviews/{reference}/markers/{marker}", path_types=(("marker", int),)),
    show=show_assessment,
)

ENTRIES: tuple[Entry, ...] = (ASSESS,)
