"""Reading a digest's inputs from the digest-facts read model, as of one log position."""

from __future__ import annotations

from datetime import date

from sqlalchemy.engine import Connection

from lipp.digest.inputs import DigestInputs
from lipp.digest.periods import Period
from lipp.domain.reference.catalogue import ReferenceData
from lipp.projections.digest_facts import queries


def read_inputs(
    connection: Connection, period: Period, position: int, issued_on: date, reference: ReferenceData
) -> DigestInputs:
    """The facts a digest of `period` counts, as recorded up to `position`."""
    compared_with = period.previous()
    window_start = compared_with[0].start if compared_with else period.start
    return DigestInputs(
        period=period,
        compared_with=compared_with,
        position=position,
        issued_on=issued_on,
        reference=reference,
        reviews=queries.review_counts(connection, position, period.start, period.end),
        findings=queries.findings(connection, position, window_start, period.end),
        markers=queries.marker_ratings(connection, position, period.start, period.end),
        actions=queries.actions(connection, position),
    )
