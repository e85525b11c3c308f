"""An issued digest computes again byte for byte after more events arrive, on each back end."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from lipp.application.digests import OnlyNationalBodiesAndAdminsRunDigests, UnknownDigest
from lipp.bootstrap import Lipp
from lipp.commands import findings as f
from lipp.commands.alliance import CommitAction
from lipp.digest import files
from lipp.digest.periods import Period
from lipp.domain.clock import SettableClock
from tests.alliance.members import Members
from tests.conftest import People
from tests.scenario.journeys import a_finding, assess, in_conduct, notified

Q1 = Period(date(2026, 1, 1), date(2026, 3, 31))


def test_a_digest_rebuilds_byte_for_byte_after_new_findings_revisions_withdrawals_and_reviews(
    lipp: Lipp, people: People, clock: SettableClock
) -> None:
    members = Members(lipp, people)
    reviews, reviewer, coordinator = lipp.reviews, people.reviewer, people.coordinator
    reference = in_conduct(lipp, people)
    reviews.log_finding(reviewer, a_finding(reference, "Strategy discussions not convened"))
    reviews.log_finding(reviewer, a_finding(reference, "Referrals logged as contacts", themes=["NT13"], pattern="1"))
    reviews.share_finding(coordinator, f.ShareFinding(reference=reference, finding="F2"))
    early = f.ApproveSharing(reference=reference, finding="F2", early_reason="National alert on contacts")
    reviews.approve_sharing(coordinator, early)
    assess(lipp, coordinator, reference, [1, 2], rating="not_met")
    lipp.alliance.commit(
        members.ncb, CommitAction(theme="NT13", owner="Policy lead", description="Data guide", due_on=date(2026, 3, 20))
    )

    clock.set(datetime(2026, 4, 7, 9, tzinfo=UTC))
    digests = lipp.digests
    position = digests.catch_up(people.admin)
    computed = digests.compute(people.national_body, Q1, position)
    document = computed.document
    assert (document.findings_in_period, document.reviews.totals.notified) == (2, "fewer than 5")
    assert document.built_from.requested_by == "national.body"
    assert [(t.id, t.count) for t in document.themes[:3]] == [("NT13", 2), ("NT04", 1), ("NT01", 0)]
    assert [e.title for e in document.exemplars] == ["Referrals logged as contacts"]
    assert document.markers.most_often_not_met == [1, 2]
    assert document.actions[0].actions[0].overdue  # due 20 March, open on 7 April
    issued = digests.issue(people.admin, computed)
    folder = files.folder_of(lipp.settings.data_dir, issued.id)
    files.write(folder, computed.rendered)
    assert reference not in computed.rendered.html and "Child K" not in computed.rendered.json
    assert digests.issue(people.admin, computed) == issued  # issuing it again changes nothing

    clock.set(datetime(2026, 3, 20, 9, tzinfo=UTC))  # later records about the same period
    reviews.log_finding(reviewer, a_finding(reference, "Missed health appointments", themes=["NT17"]))
    reviews.revise_finding(
        reviewer, f.ReviseFinding(reference=reference, finding="F1", themes=["NT05"], reason="Panel")
    )
    reviews.withdraw_finding(reviewer, f.WithdrawFinding(reference=reference, finding="F2", reason="Duplicate"))
    notified(lipp, people, case="Child M")
    assess(lipp, coordinator, reference, [1, 2], rating="met")
    lipp.alliance.commit(
        members.ncb, CommitAction(theme="NT17", owner="Policy lead", description="Toolkit", due_on=date(2026, 5, 1))
    )

    view, again = digests.rebuild(people.national_body, str(issued.id)[:8])
    assert view == issued
    assert files.differences(folder, again.rendered) == []
    assert again.rendered.content_hash == issued.content_hash
    now = digests.compute(people.admin, Q1, digests.catch_up(people.admin), date(2026, 4, 7))
    assert (now.document.findings_in_period, now.document.reviews.totals.notified) == (2, "fewer than 5")
    assert [e.title for e in now.document.exemplars] == []  # F2 withdrawn since: out of future digests
    assert now.rendered.content_hash != issued.content_hash

    lipp.runner.rebuild(digests.projection)  # facts dropped and rebuilt from the log give the same digest
    assert digests.rebuild(people.admin, str(issued.id))[1].rendered == computed.rendered


def test_only_national_bodies_and_admins_run_and_read_digests(lipp: Lipp, people: People) -> None:
    for outsider in (people.coordinator, people.reviewer):
        with pytest.raises(OnlyNationalBodiesAndAdminsRunDigests):
            lipp.digests.catch_up(outsider)
        with pytest.raises(OnlyNationalBodiesAndAdminsRunDigests):
            lipp.digests.digests(outsider)
    with pytest.raises(UnknownDigest):
        lipp.digests.digest(people.admin, "00000000")
    assert lipp.digests.digests(people.national_body) == []
