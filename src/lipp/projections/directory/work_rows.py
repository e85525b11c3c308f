"""The directory's rows of work in progress: briefings, issued digests, Alliance actions and the lead-reviewer
register. As in `registry_rows`, each handler does to the row what the event's `apply` does to the aggregate."""

from __future__ import annotations

from lipp.domain.alliance.action import ActionStatus, AllianceAction
from lipp.domain.digest.digest import Digest
from lipp.domain.learning.briefing import Briefing
from lipp.domain.register.profile import ReviewerProfile
from lipp.projections.directory.registry_rows import DirectoryPart
from lipp.projections.directory.tables import (
    directory_actions,
    directory_briefings,
    directory_digests,
    directory_reviewers,
)
from lipp.projections.projection import Row
from lipp.projections.rows import changes_row, starts_row


class BriefingRows(DirectoryPart):
    table = directory_briefings
    key = "briefing_id"

    @starts_row(Briefing.Drafted)
    def drafted(self, event: Briefing.Drafted) -> Row:
        return {
            "briefing_id": event.originator_id,
            "key": event.key,
            "title": event.title,
            "source": event.source,
            "scope": event.scope,
            "board_id": event.board_id,
            "released_on": None,
            "teams_addressed": 0,
            "drafted_at": event.timestamp,
            "position": self.position_of(event),
        }

    @changes_row(Briefing.Edited)
    def edited(self, row: Row, event: Briefing.Edited) -> None:
        row["title"] = event.title

    @changes_row(Briefing.Released)
    def released(self, row: Row, event: Briefing.Released) -> None:
        row.update(released_on=event.on, teams_addressed=event.teams_addressed)


class DigestRows(DirectoryPart):
    table = directory_digests
    key = "digest_id"

    @starts_row(Digest.Issued)
    def issued(self, event: Digest.Issued) -> Row:
        return {
            "digest_id": event.originator_id,
            "id_text": str(event.originator_id),
            "method": event.method,
            "period_from": event.period_from,
            "period_to": event.period_to,
            "position": event.position,
            "themes_version": event.themes_version,
            "patterns_version": event.patterns_version,
            "markers_version": event.markers_version,
            "issued_on": event.issued_on,
            "content_hash": event.content_hash,
            "issued_by": event.actor_id,
        }


class ActionRows(DirectoryPart):
    table = directory_actions
    key = "action_id"

    @starts_row(AllianceAction.Committed)
    def committed(self, event: AllianceAction.Committed) -> Row:
        return {
            "action_id": event.originator_id,
            "reference": event.reference,
            "national_body_id": event.national_body_id,
            "body_code": event.body_code,
            "theme_id": event.theme_id,
            "themes_version": event.themes_version,
            "owner": event.owner,
            "owner_folded": event.owner.casefold(),  # the owner filter matches words case-blind, as it always has
            "description": event.description,
            "committed_on": event.committed_on,
            "due_on": event.due_on,
            "status": ActionStatus.OPEN.value,
            "progress": [],
            "closed_on": None,
            "outcome": "",
        }

    @changes_row(AllianceAction.ProgressPosted)
    def progressed(self, row: Row, event: AllianceAction.ProgressPosted) -> None:
        row["progress"] = [*row["progress"], {"on": event.on.isoformat(), "note": event.note}]

    @changes_row(AllianceAction.Completed)
    def completed(self, row: Row, event: AllianceAction.Completed) -> None:
        row.update(status=ActionStatus.COMPLETED.value, closed_on=event.on, outcome=event.evidence)

    @changes_row(AllianceAction.Withdrawn)
    def withdrawn(self, row: Row, event: AllianceAction.Withdrawn) -> None:
        row.update(status=ActionStatus.WITHDRAWN.value, closed_on=event.on, outcome=event.reason)


class ReviewerRows(DirectoryPart):
    table = directory_reviewers
    key = "profile_id"

    @starts_row(ReviewerProfile.Enrolled)
    def enrolled(self, event: ReviewerProfile.Enrolled) -> Row:
        return {
            "profile_id": event.originator_id,
            "reviewer_id": event.reviewer_id,
            "username": event.username,
            "expertise": list(event.expertise),
            "capacity": event.capacity,
            "available": True,
            "masterclasses": [],
            "conflicts": [],
        }

    @changes_row(ReviewerProfile.ExpertiseSet)
    def expertise_set(self, row: Row, event: ReviewerProfile.ExpertiseSet) -> None:
        row["expertise"] = list(event.expertise)

    @changes_row(ReviewerProfile.MasterclassAttended)
    def attended(self, row: Row, event: ReviewerProfile.MasterclassAttended) -> None:
        row["masterclasses"] = [*row["masterclasses"], [event.attended_on.isoformat(), event.topic]]

    @changes_row(ReviewerProfile.ConflictDeclared)
    def declared(self, row: Row, event: ReviewerProfile.ConflictDeclared) -> None:
        conflict = {
            "number": event.number,
            "agency": dict(event.agency),
            "reason": event.reason,
            "declared_on": event.declared_on.isoformat(),
            "withdrawn": False,
        }
        row["conflicts"] = [*row["conflicts"], conflict]

    @changes_row(ReviewerProfile.ConflictWithdrawn)
    def conflict_withdrawn(self, row: Row, event: ReviewerProfile.ConflictWithdrawn) -> None:
        row["conflicts"] = [{**c, "withdrawn": True} if c["number"] == event.number else c for c in row["conflicts"]]

    @changes_row(ReviewerProfile.AvailabilitySet)
    def availability_set(self, row: Row, event: ReviewerProfile.AvailabilitySet) -> None:
        row.update(available=event.available, capacity=event.capacity)
