"""The findings part of the Review aggregate: the lead reviewer logs, revises, re-ranks and withdraws findings.

Findings are written while the review is conducted (terms agreed, report not yet signed off) and not paused:
a pause for a criminal trial or an inquest stops the analysis too. They are frozen at sign-off.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any
from uuid import UUID

from lipp.domain.reference.catalogue import ReferenceData
from lipp.domain.review.event import ReviewEvent, ReviewPart
from lipp.domain.review.finding import Finding, FindingContent
from lipp.domain.review.finding_rules import (
    FindingIsWithdrawn,
    FindingNeedsATheme,
    FindingsAreFrozen,
    RankingMustNameEveryFinding,
    RevisionChangesNothing,
    UnknownFinding,
)
from lipp.domain.review.redaction_state import SharingState
from lipp.domain.review.vocabulary import Agency, Stage

WRITABLE = (Stage.IN_CONDUCT, Stage.REPORT_DRAFTED)


class FindingSteps(ReviewPart):
    """Findings, in priority order. Every event records the theme list and typology versions it used."""

    class FindingWritten(ReviewEvent):
        """A finding's full content and the reference-data versions it was written against."""

        finding_number: int
        title: str
        issue: str
        causes: str
        pattern: str
        themes: list[str]
        agencies: list[dict[str, str]]
        evidence: list[str]
        themes_version: int
        patterns_version: int

        def content(self) -> FindingContent:
            return FindingContent(
                title=self.title,
                issue=self.issue,
                causes=self.causes,
                pattern=self.pattern,
                themes=tuple(self.themes),
                agencies=tuple(Agency.from_dict(a) for a in self.agencies),
                evidence=tuple(self.evidence),
            )

    class FindingLogged(FindingWritten):
        """The lead reviewer logged a finding; it takes the lowest priority until re-ranked."""

        def apply(self, aggregate: Any) -> None:
            review: FindingSteps = aggregate
            review.findings[self.finding_number] = Finding(
                number=self.finding_number,
                content=self.content(),
                themes_version=self.themes_version,
                patterns_version=self.patterns_version,
                logged_on=self.on,
            )
            review.finding_order.append(self.finding_number)

        def summary(self) -> str:
            return f"Logged finding F{self.finding_number}: {self.title}"

    class FindingRevised(FindingWritten):
        """The lead reviewer revised a finding; any earlier redaction clearance no longer holds."""

        reason: str

        def apply(self, aggregate: Any) -> None:
            review: FindingSteps = aggregate
            before = review.findings[self.finding_number]
            review.findings[self.finding_number] = replace(
                before,
                content=self.content(),
                themes_version=self.themes_version,
                patterns_version=self.patterns_version,
                revisions=before.revisions + 1,
                sharing=SharingState(),
            )

        def summary(self) -> str:
            return f"Revised finding F{self.finding_number}"

        def why(self) -> str:
            return self.reason

    class FindingsReRanked(ReviewEvent):
        """The lead reviewer put the findings in a new priority order (Quality Marker 13)."""

        order: list[int]
        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.finding_order = list(self.order)

        def summary(self) -> str:
            return "Re-ranked the findings: " + ", ".join(f"F{n}" for n in self.order)

        def why(self) -> str:
            return self.reason

    class FindingWithdrawn(ReviewEvent):
        """The lead reviewer withdrew a finding; it stays in the history, out of the ranking, and is never shared."""

        finding_number: int
        reason: str

        def apply(self, aggregate: Any) -> None:
            review: FindingSteps = aggregate
            withdrawn = replace(review.findings[self.finding_number], withdrawn=True, sharing=SharingState())
            review.findings[self.finding_number] = withdrawn
            review.finding_order.remove(self.finding_number)

        def summary(self) -> str:
            return f"Withdrew finding F{self.finding_number}"

        def why(self) -> str:
            return self.reason

    findings: dict[int, Finding]
    finding_order: list[int]

    def log_finding(
        self, *, actor_id: UUID, now: datetime, on: date, content: FindingContent, reference_data: ReferenceData
    ) -> int:
        """Log a new finding, checking its pattern category and themes against the reference data in force."""
        self._check_writable("log a finding", on, now)
        checked = _checked_against(content, reference_data)
        number = len(self.findings) + 1
        self._record(
            self.FindingLogged,
            actor_id,
            now,
            on,
            finding_number=number,
            themes_version=reference_data.themes.version,
            patterns_version=reference_data.typology.version,
            **checked.as_event_fields(),
        )
        return number

    def revise_finding(
        self,
        *,
        actor_id: UUID,
        now: datetime,
        on: date,
        number: int,
        content: FindingContent,
        reason: str,
        reference_data: ReferenceData,
    ) -> None:
        """Revise a finding's content, with the reason."""
        self._check_writable("revise a finding", on, now)
        before = self.finding_in_force(number)
        checked = _checked_against(content, reference_data)
        if checked == before.content:
            raise RevisionChangesNothing(f"the revision of F{number} changes nothing")
        self._record(
            self.FindingRevised,
            actor_id,
            now,
            on,
            finding_number=number,
            reason=reason,
            themes_version=reference_data.themes.version,
            patterns_version=reference_data.typology.version,
            **checked.as_event_fields(),
        )

    def rerank_findings(self, *, actor_id: UUID, now: datetime, on: date, order: list[int], reason: str) -> None:
        """Put the findings in force in a new priority order, highest first."""
        self._check_writable("re-rank the findings", on, now)
        if sorted(order) != sorted(self.finding_order):
            in_force = ", ".join(f"F{n}" for n in self.finding_order) or "none"
            raise RankingMustNameEveryFinding(
                f"a new order must name every finding in force exactly once ({in_force}); "
                f"got {', '.join(f'F{n}' for n in order)}"
            )
        self._record(self.FindingsReRanked, actor_id, now, on, order=list(order), reason=reason)

    def withdraw_finding(self, *, actor_id: UUID, now: datetime, on: date, number: int, reason: str) -> None:
        """Withdraw a finding, with the reason."""
        self._check_writable("withdraw a finding", on, now)
        self.finding_in_force(number)
        self._record(self.FindingWithdrawn, actor_id, now, on, finding_number=number, reason=reason)

    def finding(self, number: int) -> Finding:
        try:
            return self.findings[number]
        except KeyError:
            raise UnknownFinding(f"{self.reference} has no finding F{number}") from None

    def finding_in_force(self, number: int) -> Finding:
        finding = self.finding(number)
        if finding.withdrawn:
            raise FindingIsWithdrawn(f"F{number} of {self.reference} was withdrawn")
        return finding

    def rank_of(self, number: int) -> int | None:
        return self.finding_order.index(number) + 1 if number in self.finding_order else None

    def _check_writable(self, step: str, on: date, now: datetime) -> None:
        signed_off_on = self.step_dates.get(Stage.SIGNED_OFF)
        if signed_off_on is not None:
            raise FindingsAreFrozen(
                f"cannot {step}: findings were frozen when the report was signed off on {signed_off_on}"
            )
        self._check_step(WRITABLE, step, on, now)


def _checked_against(content: FindingContent, reference_data: ReferenceData) -> FindingContent:
    """The content with its pattern category and themes resolved to their stable ids."""
    if not content.themes:
        raise FindingNeedsATheme("a finding needs at least one national theme")
    themes = tuple(dict.fromkeys(reference_data.themes.theme(t).id for t in content.themes))
    return replace(content, pattern=reference_data.typology.category(content.pattern).id, themes=themes)
