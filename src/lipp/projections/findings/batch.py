"""One batch of the findings library: the rows of the reviews it touches, loaded once, changed in memory as
each event says, written once (bulk inserts, executemany updates)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.domain import DomainEvent
from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection

from lipp.domain.review.aggregate import Review
from lipp.domain.review.vocabulary import Agency, ParallelProcess, Stage
from lipp.projections import bulk
from lipp.projections.findings import text_index
from lipp.projections.findings.tables import LibraryTables
from lipp.projections.projection import Row
from lipp.projections.rows import IN_CHUNK

Key = tuple[UUID, int]


class FindingsBatch:
    """The rows of the reviews a batch touches, loaded once, changed in memory, written once."""

    def __init__(self, connection: Connection, events: Sequence[DomainEvent], tables: LibraryTables) -> None:
        self.connection = connection
        self.tables = tables
        library_reviews, library_findings = tables.reviews, tables.findings
        ids = list(dict.fromkeys(e.originator_id for e in events if not isinstance(e, Review.Notified)))
        self.reviews: dict[UUID, Row] = {}
        self.findings: dict[Key, Row] = {}
        for chunk in _chunks(ids):
            for row in connection.execute(select(library_reviews).where(library_reviews.c.review_id.in_(chunk))):
                self.reviews[row.review_id] = row._asdict()
            found = select(library_findings).where(library_findings.c.review_id.in_(chunk))
            for row in connection.execute(found):
                self.findings[(row.review_id, row.number)] = row._asdict()
        self.loaded_reviews, self.loaded_findings = set(self.reviews), set(self.findings)
        self.numbers: dict[UUID, list[int]] = {}
        for review_id, number in self.findings:
            self.numbers.setdefault(review_id, []).append(number)
        self.next_id = (connection.execute(select(func.max(library_findings.c.finding_id))).scalar() or 0) + 1
        self.rewritten: set[Key] = set()

    def notified(self, event: Review.Notified) -> None:
        code, year, _ = event.reference.rsplit("-", 2)
        self.reviews[event.originator_id] = {
            "review_id": event.originator_id,
            "reference": event.reference,
            "board_id": event.board_id,
            "board_code": code,
            "year": int(year),
            "case_reference": event.case_reference,
            "stage": Stage.NOTIFIED.value,
            "lead_reviewer_id": None,
            "finding_order": "",
            "withheld": False,
        }

    def staged(self, event: DomainEvent, stage: Stage) -> None:
        self._change_review(event.originator_id, stage=stage.value)

    def appointed(self, event: Review.LeadReviewerAppointed) -> None:
        review = self.reviews[event.originator_id]
        stage = Stage.REVIEWER_APPOINTED.value if review["stage"] == Stage.COMMISSIONED.value else review["stage"]
        self._change_review(event.originator_id, stage=stage, lead_reviewer_id=event.reviewer_id)

    def logged(self, event: Review.FindingLogged) -> None:
        review = self.reviews[event.originator_id]
        self.findings[(event.originator_id, event.finding_number)] = {
            "finding_id": self.next_id,
            "review_id": event.originator_id,
            "number": event.finding_number,
            "reference": review["reference"],
            "board_id": review["board_id"],
            "board_code": review["board_code"],
            "year": review["year"],
            "lead_reviewer_id": review["lead_reviewer_id"],
            "stage": review["stage"],
            **_content(event),
            "priority": None,
            "withdrawn": False,
            "checked": False,
            "hits_outstanding": 0,
            "approved": False,
            "withheld": review["withheld"],
            "shareable": False,
            "logged_on": event.on,
            "revisions": 0,
        }
        self.next_id += 1
        self.numbers.setdefault(event.originator_id, []).append(event.finding_number)
        self.rewritten.add((event.originator_id, event.finding_number))
        self._set_order(event.originator_id, [*_order(review), event.finding_number])

    def revised(self, event: Review.FindingRevised) -> None:
        key = (event.originator_id, event.finding_number)
        row = self.findings[key]
        row.update(_content(event), revisions=row["revisions"] + 1, approved=False)
        _set_sharing(row, checked=False, outstanding=0)
        self.rewritten.add(key)

    def reranked(self, event: Review.FindingsReRanked) -> None:
        self._set_order(event.originator_id, list(event.order))

    def withdrawn(self, event: Review.FindingWithdrawn) -> None:
        row = self.findings[(event.originator_id, event.finding_number)]
        row.update(withdrawn=True, approved=False)
        _set_sharing(row, checked=False, outstanding=0)
        order = _order(self.reviews[event.originator_id])
        self._set_order(event.originator_id, [n for n in order if n != event.finding_number])

    def checked(self, event: Review.FindingCheckedForSharing) -> None:
        row = self.findings[(event.originator_id, event.finding_number)]
        _set_sharing(row, checked=True, outstanding=len(event.hits))

    def confirmed(self, event: Review.RedactionFalsePositiveConfirmed) -> None:
        # The review confirms each hit once, so every confirmation clears one outstanding hit.
        row = self.findings[(event.originator_id, event.finding_number)]
        _set_sharing(row, checked=row["checked"], outstanding=row["hits_outstanding"] - 1)

    def approved(self, event: Review.FindingSharingApproved) -> None:
        row = self.findings[(event.originator_id, event.finding_number)]
        row["approved"] = True
        _set_sharing(row, checked=row["checked"], outstanding=row["hits_outstanding"])

    def approval_withdrawn(self, event: Review.FindingSharingApprovalWithdrawn) -> None:
        row = self.findings[(event.originator_id, event.finding_number)]
        row["approved"] = False
        _set_sharing(row, checked=row["checked"], outstanding=row["hits_outstanding"])

    def paused(self, event: Review.Paused) -> None:
        if event.process == ParallelProcess.CRIMINAL_TRIAL.value:
            self._withhold(event.originator_id, True)

    def released(self, event: Review.FindingsReleased) -> None:
        self._withhold(event.originator_id, False)

    def _withhold(self, review_id: UUID, withheld: bool) -> None:
        self.reviews[review_id]["withheld"] = withheld
        for number in self.numbers.get(review_id, ()):
            row = self.findings[(review_id, number)]
            row["withheld"] = withheld
            _set_sharing(row, checked=row["checked"], outstanding=row["hits_outstanding"])

    def write(self) -> None:
        connection = self.connection
        library_reviews, library_findings, library_finding_themes = (
            self.tables.reviews,
            self.tables.findings,
            self.tables.themes,
        )
        new_reviews = [row for key, row in self.reviews.items() if key not in self.loaded_reviews]
        _insert(connection, library_reviews, new_reviews)
        _update(connection, library_reviews, "review_id", [self.reviews[key] for key in self.loaded_reviews])
        new = sorted((r for k, r in self.findings.items() if k not in self.loaded_findings), key=_by_id)
        _insert(connection, library_findings, new)
        _update(connection, library_findings, "finding_id", [self.findings[key] for key in self.loaded_findings])
        rewritten = sorted((self.findings[key] for key in self.rewritten), key=_by_id)
        ids = [row["finding_id"] for row in rewritten if (row["review_id"], row["number"]) in self.loaded_findings]
        for chunk in _chunks(ids):
            connection.execute(library_finding_themes.delete().where(library_finding_themes.c.finding_id.in_(chunk)))
        themes = [{"theme_id": t, "finding_id": row["finding_id"]} for row in rewritten for t in row["themes"].split()]
        _insert(connection, library_finding_themes, themes)
        text_index.replace(connection, self.tables.text, rewritten)

    def _change_review(self, review_id: UUID, **changes: Any) -> None:
        self.reviews[review_id].update(changes)
        finding_changes = {k: v for k, v in changes.items() if k in ("stage", "lead_reviewer_id")}
        for number in self.numbers.get(review_id, ()):
            self.findings[(review_id, number)].update(finding_changes)

    def _set_order(self, review_id: UUID, order: list[int]) -> None:
        self.reviews[review_id]["finding_order"] = ",".join(str(n) for n in order)
        ranks = {number: rank for rank, number in enumerate(order, start=1)}
        for number in self.numbers.get(review_id, ()):
            self.findings[(review_id, number)]["priority"] = ranks.get(number)


def _content(event: Review.FindingWritten) -> Row:
    agencies = [Agency.from_dict(a) for a in event.agencies]
    return {
        "title": event.title,
        "issue": event.issue,
        "causes": event.causes,
        "pattern": event.pattern,
        "themes": " ".join(event.themes),
        "agencies": json.dumps([str(a) for a in agencies]),
        "agency_sectors": "|" + "|".join(sorted({a.sector.value for a in agencies})) + "|",
        "evidence": json.dumps(list(event.evidence)),
    }


def _set_sharing(row: Row, *, checked: bool, outstanding: int) -> None:
    row.update(checked=checked, hits_outstanding=outstanding)
    cleared = checked and outstanding == 0 and not row["withdrawn"]
    row["shareable"] = cleared and row["approved"] and not row["withheld"]


def _order(review: Row) -> list[int]:
    return [int(n) for n in review["finding_order"].split(",") if n]


def _by_id(row: Row) -> int:
    return int(row["finding_id"])


def _insert(connection: Connection, table: Table, rows: list[Row]) -> None:
    bulk.insert(connection, table, rows)


def _update(connection: Connection, table: Table, key: str, rows: list[Row]) -> None:
    bulk.update(connection, table, key, rows)


def _chunks(items: Sequence[Any]) -> list[Sequence[Any]]:
    return [items[start : start + IN_CHUNK] for start in range(0, len(items), IN_CHUNK)]
