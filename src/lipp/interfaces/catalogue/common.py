"""Arguments many commands share, spelled once."""

from __future__ import annotations

from lipp.interfaces.catalogue.entry import Arg

REFERENCE = Arg("reference", "The review's reference, e.g. NVL-2026-004.", argument=True)
FINDING = Arg("finding", "The finding: F1, F2 ...", argument=True)
ON = Arg("on", "Business date of the step (YYYY-MM-DD); today if omitted.", flags=("--on",), required=False)
REASON = Arg("reason", "Why: recorded with the step.")
