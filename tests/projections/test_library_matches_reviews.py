"""For random finding histories, every library row says what the replayed Review aggregate says of its finding."""

from __future__ import annotations

import json
from contextlib import suppress
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands import reviews as c
from lipp.config import Settings
from lipp.domain.clock import SettableClock
from lipp.domain.errors import LippError
from lipp.domain.identifiers import review_id_for
from lipp.domain.review.aggregate import Review
from lipp.projections.findings.tables import library_findings
from tests.conftest import People
from tests.projections.library_journeys import coordinator_of, in_conduct
from tests.projections.stories import fresh_lipp

IDENTIFYING = "When Sarah's baby presented with bruising at Oakfield Primary School, no strategy discussion was held."
TITLES = ("Strategy discussions not convened", "Early help assessment disputed", "Contacts mistaken for referrals")
steps = st.lists(st.tuples(st.integers(0, 11), st.integers(0, 1 << 12)), min_size=5, max_size=30)


def play(lipp: Lipp, people: People, references: list[str], kind: int, pick: int) -> None:
    """One step by the appointed reviewer or the board's coordinator; refused steps are part of real histories."""
    if kind == 0 or not references:
        board = ("NVL", "EMR")[pick % 2]
        references.append(in_conduct(lipp, people, board, f"Child {len(references) + 1}", "reviewer.a"))
        return
    reference = references[pick % len(references)]
    coordinator = coordinator_of(people, reference.split("-")[0])
    review: Review = lipp.reviews.replay(review_id_for(reference))
    numbers = sorted(review.findings) or [1]
    number = numbers[(pick // 8) % len(numbers)]
    command: object
    with suppress(LippError, ValueError):  # pydantic refuses an empty order, say
        if kind in (1, 2):
            issue = IDENTIFYING if pick % 3 == 0 else "Thresholds were read differently by each agency."
            fields = {"reference": reference, "title": TITLES[pick % 3], "issue": issue, "causes": "Workload"}
            themes = [["NT04"], ["NT13", "NT14"], ["Information sharing"]][pick % 3]
            extra = {"pattern": str(1 + pick % 6), "themes": themes, "agencies": [("police", "health")[pick % 2]]}
            lipp.reviews.log_finding(people.reviewer, f.LogFinding(**fields, **extra, evidence=["An episode"]))
        elif kind == 3:
            command = f.ReviseFinding(reference=reference, finding=number, title=f"Revised {pick}", reason="Clarity")
            lipp.reviews.execute(people.reviewer, command)
        elif kind == 4:
            order = list(reversed(review.finding_order))
            lipp.reviews.execute(people.reviewer, f.ReRankFindings(reference=reference, order=order, reason="Weight"))
        elif kind == 5:
            lipp.reviews.execute(people.reviewer, f.WithdrawFinding(reference=reference, finding=number, reason="Dup"))
        elif kind == 6:
            lipp.reviews.share_finding(coordinator, f.ShareFinding(reference=reference, finding=number))
        elif kind == 8:
            early = "Needed nationally" if pick % 2 else ""
            command = f.ApproveSharing(reference=reference, finding=number, early_reason=early)
            lipp.reviews.approve_sharing(coordinator, command)
        elif kind == 9:
            command = f.WithdrawSharingApproval(reference=reference, finding=number, reason="Wait")
            lipp.reviews.withdraw_sharing_approval(coordinator, command)
        elif kind == 10:
            process = ("criminal_trial", "inquest")[pick % 2]
            lipp.reviews.execute(coordinator, c.PauseReview(reference=reference, process=process, reason="Parallel"))
            lipp.reviews.execute(coordinator, c.ResumeReview(reference=reference))
        elif kind == 11:
            lipp.reviews.release_findings(coordinator, f.ReleaseFindings(reference=reference, reason="Trial over"))
        elif pick % 2:
            hit = f.ConfirmFalsePositive(reference=reference, finding=number, hit=1 + pick % 2, reason="Fictional")
            lipp.reviews.confirm_false_positive(coordinator, hit)
        else:
            lipp.reviews.execute(coordinator, c.RecordReportDrafted(reference=reference))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=steps, every=st.integers(1, 10), batch_size=st.sampled_from([1, 4, 10_000]))
def test_every_finding_row_says_what_the_review_says(
    settings: Settings, history: list[tuple[int, int]], every: int, batch_size: int
) -> None:
    with fresh_lipp(settings, SettableClock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))) as lipp:
        people = People(lipp)
        lipp.runner.batch_size = batch_size
        references: list[str] = []
        for count, (kind, pick) in enumerate(history, start=1):
            play(lipp, people, references, kind, pick)
            if count % every == 0:
                lipp.runner.catch_up(lipp.library.projection)
        lipp.runner.catch_up(lipp.library.projection)

        with lipp.read_models.connect() as connection:
            rows = {(r.reference, r.number): r for r in connection.execute(library_findings.select())}
        expected = {}
        for reference in references:
            review: Review = lipp.reviews.replay(review_id_for(reference))
            for number, finding in review.findings.items():
                content = finding.content
                expected[(reference, number)] = (
                    content.title,
                    content.issue,
                    content.pattern,
                    list(content.themes),
                    [str(a) for a in content.agencies],
                    list(content.evidence),
                    review.rank_of(number),
                    finding.withdrawn,
                    review.travels(number),
                    finding.logged_on,
                    review.stage.value,
                    review.lead_reviewer_id,
                )
        assert {
            key: (
                r.title,
                r.issue,
                r.pattern,
                r.themes.split(),
                json.loads(r.agencies),
                json.loads(r.evidence),
                r.priority,
                r.withdrawn,
                r.shareable,
                r.logged_on,
                r.stage,
                r.lead_reviewer_id,
            )
            for key, r in rows.items()
        } == expected
        visible = {(x.review, int(x.finding[1:])) for x in lipp.library.search_findings(people.admin, limit=1000)}
        assert visible == {key for key, value in expected.items() if not value[7]}
