"""Arguments many commands share, spelled once."""

from __future__ import annotations

from lipp.interfaces.catalogue.entry import Arg, Entry, Http, Show

REFERENCE = Arg("reference", "The review's reference, e.g. NVL-2026-004.", argument=True)
FINDING = Arg("finding", "The finding: F1, F2 ...", argument=True)
ON = Arg("on", "Business date of the step (YYYY-MM-DD); today if omitted.", flags=("--on",), required=False)
REASON = Arg("reason", "Why: recorded with the step.")

RECEIPT = "lipp.application.views:ReviewReceipt"


def review_step(
    group: str,
    name: str,
    model: str,
    handler: str,
    path: str,
    help: str,
    *args: Arg,
    show: Show,
    who: str,
    response: str = RECEIPT,
    status: int = 200,
) -> Entry:
    """A command on an existing review: its reference first, `--on` last; posted to /reviews/{reference}/`path`,
    run by the review application's `handler`."""
    return Entry(
        group=group,
        name=name,
        model=model,
        handler=f"reviews.{handler}",
        who=who,
        help=help,
        args=(REFERENCE, *args, ON),
        http=Http("POST", f"/reviews/{{reference}}/{path}", status=status, response=response),
        show=show,
    )
