"""A national body searches the library, runs and reads a digest and commits an Alliance action; a team member
acknowledges a briefing and reports a change in practice, which the coordinator verifies; an admin requeues a
failed e-mail and issues then revokes an API token; the e-mail's link names the briefing and the team, and
refuses a bad or expired link before offering any button. axe-core checks every page."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from datetime import date, timedelta

from playwright.sync_api import Browser, Page, expect

from tests.web.browser import Visits
from tests.web.conftest import Site
from tests.web.live import lipp_cli
from tests.web.test_coordinator_journey import PASSWORD, sign_in


def signed_in_page(site: Site, browser: Browser, visits: Visits, username: str) -> Page:
    lipp_cli(site.data_dir, "--as", "admin", "user", "password", username, "--stdin", stdin=PASSWORD + "\n")
    page = browser.new_page()
    visits.watch(page)
    page.goto(f"{site.url}/app/sign-in")
    sign_in(page, username, PASSWORD)
    return page


def fill_date(page: Page, name: str, day: date) -> None:
    page.locator(f"#{name}-day").fill(str(day.day))
    page.locator(f"#{name}-month").fill(str(day.month))
    page.locator(f"#{name}-year").fill(str(day.year))


def test_a_national_body_searches_the_library_runs_and_reads_a_digest_and_commits_an_action(
    site: Site, browser: Browser
) -> None:
    visits = Visits("national-body")
    page = signed_in_page(site, browser, visits, "ncb.lead")
    expect(page.get_by_role("heading", level=1)).to_have_text("Findings library")
    visits.check(page, "findings library")

    page.get_by_label("Words to find").fill("strategy")
    page.get_by_role("button", name="Search findings").click()
    expect(page.locator("#results")).to_have_text("1 finding")
    expect(page.locator("main")).to_contain_text("Strategy discussions not convened")
    expect(page.locator("main")).not_to_contain_text("Child P")  # no case reference outside the board
    visits.check(page, "library search")
    page.get_by_role("link", name=re.compile(r"^Police \(agency\)")).click()
    expect(page.locator("main")).to_contain_text("Remove agency: police")
    expect(page).to_have_url(re.compile(r"q=strategy.*agency=police"))
    visits.check(page, "library search with a facet")

    page.get_by_role("link", name="Digests").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("National theme digests")
    visits.check(page, "digests")
    page.get_by_role("link", name="Run a digest for a period").click()
    fill_date(page, "period_from", date(2026, 6, 1))
    page.get_by_role("button", name="Run the digest").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter both the first and the last day")
    expect(page.locator("#period_from-day")).to_have_value("1")  # what was typed is kept
    visits.check(page, "run a digest with one end")
    today = date.today()
    fill_date(page, "period_from", today - timedelta(days=120))
    fill_date(page, "period_to", today - timedelta(days=1))
    page.get_by_role("button", name="Run the digest").click()
    expect(page.locator(".govuk-caption-l")).to_have_text("National theme digest")
    expect(page.locator("main")).to_contain_text("Strategy discussions not convened")
    expect(page.locator("main svg[role='img']").first).to_be_visible()
    visits.check(page, "a digest")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the digest as JSON").click()
    document = json.loads(download.value.path().read_text())
    assert document["findings_in_period"] >= 1

    page.get_by_role("link", name="Quality markers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quality marker results")
    expect(page.locator("main svg[role='img']")).to_be_visible()
    visits.check(page, "quality marker results")

    page.get_by_role("link", name="Alliance actions").click()
    visits.check(page, "alliance actions")
    page.get_by_role("link", name="Commit an action").click()
    page.get_by_role("button", name="Commit the action").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose the national theme")
    expect(summary).to_contain_text("Enter who owns the action")
    visits.check(page, "commit an action with nothing typed")
    page.get_by_label("National theme").select_option("NT05")
    page.get_by_label("Owner").fill("Head of practice development")
    page.get_by_label("What your body will do").fill("Publish guidance on convening strategy discussions.")
    fill_date(page, "due_on", today + timedelta(days=90))
    page.get_by_role("button", name="Commit the action").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The action is committed")
    visits.check(page, "a committed action")
    page.get_by_role("link", name="Report progress").click()
    page.get_by_label("Progress").fill("Drafted the guidance with two boards.")
    page.get_by_role("button", name="Report the progress").click()
    expect(page.locator("main")).to_contain_text("Drafted the guidance with two boards.")
    visits.check(page, "progress reported")
    page.close()


def test_a_team_member_acknowledges_and_reports_a_change_which_the_coordinator_verifies(
    site: Site, browser: Browser
) -> None:
    visits = Visits("team-member")
    code = site.seeded.delivery
    member = signed_in_page(site, browser, visits, "nvl-csc.member")
    expect(member.get_by_role("heading", level=1)).to_have_text("My team's deliveries")
    member.get_by_role("link", name=code).click()
    expect(member.get_by_role("heading", level=2, name="Questions for your team")).to_be_visible()
    visits.check(member, "a delivery with its briefing")
    member.get_by_role("button", name="Acknowledge the briefing").click()
    expect(member.locator(".govuk-notification-banner")).to_contain_text("acknowledgement is recorded")
    visits.check(member, "acknowledged")

    member.get_by_role("link", name="Record your team's discussion").click()
    member.get_by_label("What your team said").fill("We walked through the threshold questions in supervision.")
    member.get_by_role("button", name="Record the discussion").click()
    expect(member.locator(".govuk-notification-banner")).to_contain_text("discussion is recorded")

    member.get_by_role("link", name="Report a change in practice").click()
    visits.check(member, "report a change")
    member.get_by_role("button", name="Report the change").click()
    expect(member.locator(".govuk-error-summary")).to_contain_text("Enter what changed")
    visits.check(member, "report a change with nothing typed")
    member.get_by_label("What changed in your team's practice").fill("Strategy discussions are now convened daily.")
    member.get_by_label("Audit or evidence reference").fill("AUD-2026-17")
    member.get_by_role("button", name="Report the change").click()
    expect(member.locator(".govuk-notification-banner")).to_contain_text("change in practice is reported")
    visits.check(member, "change reported")
    member.close()

    coordinator = signed_in_page(site, browser, visits, "nvl.coordinator")
    coordinator.goto(f"{site.url}/app/deliveries/{code}")
    expect(coordinator.locator("main")).to_contain_text("Strategy discussions are now convened daily.")
    expect(coordinator.locator("main")).to_contain_text("AUD-2026-17")  # what is verified is there to read
    coordinator.get_by_role("link", name="Verify the change in practice").click()
    visits.check(coordinator, "verify a change")
    coordinator.get_by_label("Note").fill("Seen in the audit of ten cases.")
    coordinator.get_by_role("button", name="Verify the change").click()
    expect(coordinator.locator(".govuk-notification-banner")).to_contain_text("change in practice is verified")
    expect(coordinator.locator(".govuk-summary-list")).to_contain_text("Verified")
    visits.check(coordinator, "verified")
    coordinator.close()


def test_an_admin_requeues_a_failed_email_and_issues_then_revokes_a_token(site: Site, browser: Browser) -> None:
    visits = Visits("admin")
    page = signed_in_page(site, browser, visits, "admin")
    page.get_by_role("link", name="Outbox").click()
    expect(page.locator("main")).to_contain_text("A briefing for two mailboxes at once")
    visits.check(page, "outbox with a failed e-mail")
    page.get_by_role("button", name="Send the failed e-mails again").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("back in the queue")
    visits.check(page, "outbox requeued")

    page.get_by_role("link", name="Read models").click()
    expect(page.locator("main table")).to_contain_text("Up to date")
    visits.check(page, "read models")
    for name, heading in (("Users", "Users"), ("Reviewers", "Lead-reviewer register"), ("Boards", "Boards")):
        page.get_by_role("link", name=name, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        visits.check(page, name)
    page.get_by_role("link", name="National bodies").click()
    visits.check(page, "national bodies")

    page.get_by_role("link", name="Users", exact=True).click()
    page.get_by_role("link", name="fcr.lead", exact=True).click()
    page.get_by_role("button", name="Change the role").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the new role")
    visits.check(page, "change a role with nothing chosen")
    page.get_by_role("link", name="Deactivate the user instead").click()
    page.get_by_label("Why they stop acting").fill("Left the Family Court Review Forum.")
    page.get_by_role("button", name="Deactivate the user").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The user is deactivated")
    expect(page.get_by_role("row", name=re.compile("fcr.lead"))).to_contain_text("Deactivated")
    visits.check(page, "a user deactivated")

    page.get_by_role("link", name="API tokens").click()
    page.get_by_role("link", name="Issue a token").click()
    page.get_by_label("Username").fill("nobody.here")
    page.get_by_label("Label").fill("nightly export")
    page.get_by_role("button", name="Issue the token").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.get_by_label("Label")).to_have_value("nightly export")
    visits.check(page, "issue a token to an unknown user")
    page.get_by_label("Username").fill("ncb.lead")
    page.get_by_role("button", name="Issue the token").click()
    secret = page.locator("#secret").inner_text()
    assert len(secret) > 20
    visits.check(page, "token shown once")
    assert _me(site, secret) == 200
    page.get_by_role("link", name="Revoke the token nightly export of ncb.lead").click()
    page.get_by_label("Why it is revoked").fill("Issued for a test of the pages.")
    page.get_by_role("button", name="Revoke the token").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The token is revoked")
    assert secret not in page.content()  # never shown again
    visits.check(page, "token revoked")
    assert _me(site, secret) == 401
    page.close()


def _me(site: Site, secret: str) -> int:
    request = urllib.request.Request(f"{site.url}/me", headers={"Authorization": f"Bearer {secret}"})
    try:
        with urllib.request.urlopen(request) as response:
            return int(response.status)
    except urllib.error.HTTPError as refused:
        return refused.code


def test_the_emails_link_names_the_briefing_and_team_and_refuses_a_bad_link_before_any_button(
    site: Site, browser: Browser
) -> None:
    visits = Visits("email-link")
    page = browser.new_page()
    visits.watch(page)
    for token, words in ((site.seeded.link[:-4] + "AAAA", "not valid"), (site.seeded.expired_link, "expired")):
        response = page.goto(f"{site.url}/acknowledge?token={token}")
        assert response is not None and response.status == 403
        expect(page.locator("main")).to_contain_text(words)
        expect(page.get_by_role("button", name=re.compile("Acknowledge"))).to_have_count(0)
        visits.check(page, f"link {words}")
    page.goto(f"{site.url}/acknowledge?token={site.seeded.link}")
    expect(page.locator(".govuk-summary-list")).to_contain_text("NVL-POLICE")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Learning from review")
    visits.check(page, "a genuine link")
    page.get_by_role("button", name=re.compile("^Acknowledge for")).click()
    expect(page.locator(".govuk-panel")).to_contain_text("Briefing acknowledged")
    visits.check(page, "acknowledged by link")
    page.goto(f"{site.url}/acknowledge?token={site.seeded.link}")
    expect(page.get_by_role("button", name=re.compile("Acknowledge"))).to_have_count(0)
    expect(page.locator("main")).to_contain_text("acknowledged this briefing on")
    page.close()
